package dev.microcytic.cdshooks.differential;

import static dev.microcytic.terminology.Analyte.BLOOD_LEAD;
import static dev.microcytic.terminology.Analyte.CERULOPLASMIN;
import static dev.microcytic.terminology.Analyte.COPPER;
import static dev.microcytic.terminology.Analyte.CRP;
import static dev.microcytic.terminology.Analyte.FERRITIN;
import static dev.microcytic.terminology.Analyte.HBA2;
import static dev.microcytic.terminology.Analyte.HEMOGLOBIN;
import static dev.microcytic.terminology.Analyte.HEPCIDIN;
import static dev.microcytic.terminology.Analyte.MCH;
import static dev.microcytic.terminology.Analyte.MCV;
import static dev.microcytic.terminology.Analyte.RBC_COUNT;
import static dev.microcytic.terminology.Analyte.TRANSFERRIN;
import static dev.microcytic.terminology.Analyte.TRANSFERRIN_SATURATION;
import static dev.microcytic.terminology.Analyte.ZINC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.HemoglobinCutoffSet;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One parameterised test per rule, with values on both sides of each threshold (canonical units: unit variants are
 * converted upstream by the terminology normaliser) and the missing-data cases.
 */
class DifferentialRulesTest {

    static final DifferentialEngine WHO_2011 = new GuidelineDifferentialEngine(
            RuleKnowledge.bundled(), EngineSettings.defaults().withHemoglobinCutoffs(HemoglobinCutoffSet.WHO_2011));
    static final DifferentialEngine DONKER_2016 = new GuidelineDifferentialEngine(
            RuleKnowledge.bundled(),
            EngineSettings.defaults().withOralIronCriterion(EngineSettings.OralIronCriterion.DONKER_2016));

    static Optional<CandidateCause> cause(Differential d, String code) {
        return d.causes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    static String band(Differential d, String code) {
        return cause(d, code).map(c -> c.likelihood().name()).orElse("absent");
    }

    static List<String> codes(Differential d) {
        return d.causes().stream().map(CandidateCause::code).toList();
    }

    // ------------------------------------------------------------------------------------------ L1 detection

    @ParameterizedTest(name = "{0}: Hb {1} → anemia {2} (WHO 2024)")
    @CsvSource({
        "man-40,12.9,true", "man-40,13.0,false",
        "woman-40,11.9,true", "woman-40,12.0,false",
        "child-18mo,10.4,true", "child-18mo,10.5,false",
        "child-3y,10.9,true", "child-3y,11.0,false",
        "child-8y,11.4,true", "child-8y,11.5,false",
        "teen-13y,11.9,true", "teen-13y,12.0,false",
        "pregnant-t2,10.4,true", "pregnant-t2,10.5,false",
        "pregnant-t1,10.9,true", "pregnant-t1,11.0,false",
        "pregnant-unknown,10.9,true", "pregnant-unknown,11.0,false",
        "infant-4mo,9.4,true", "infant-4mo,9.5,false",
    })
    void anemiaByWho2024CutOffs(String who, double hb, boolean anemia) {
        Differential d = population(who).cbc(hb, 50).evaluate();
        assertThat(d.findings().anemia()).isEqualTo(anemia);
        assertThat(d.findings().evidence().get(0).sourceId()).isIn("who-2024", "dallman-1977");
    }

    @ParameterizedTest(name = "WHO 2011: {0} Hb {1} → anemia {2}")
    @CsvSource({"child-18mo,10.9,true", "child-18mo,11.0,false", "pregnant-t2,10.9,true", "pregnant-t2,11.0,false"})
    void anemiaByWho2011CutOffsWhenConfigured(String who, double hb, boolean anemia) {
        Differential d = population(who).cbc(hb, 50).evaluate(WHO_2011);
        assertThat(d.findings().anemia()).isEqualTo(anemia);
        assertThat(d.findings().evidence().get(0).statement()).contains("WHO 2011");
    }

    static Patient population(String who) {
        return switch (who) {
            case "man-40" -> Patient.man(40);
            case "woman-40" -> Patient.woman(40);
            case "child-18mo" -> new Patient().ageMonths(18);
            case "child-3y" -> new Patient().age(3);
            case "child-8y" -> new Patient().age(8);
            case "teen-13y" -> new Patient().age(13);
            case "infant-4mo" -> new Patient().ageMonths(4);
            case "pregnant-t1" -> Patient.woman(30).pregnant(Pregnancy.FIRST_TRIMESTER);
            case "pregnant-t2" -> Patient.woman(30).pregnant(Pregnancy.SECOND_TRIMESTER);
            case "pregnant-unknown" -> Patient.woman(30).pregnant(Pregnancy.PREGNANT_TRIMESTER_UNKNOWN);
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "age {0} y: MCV {1} → microcytosis {2}")
    @CsvSource({
        "1,69.9,true", "1,70,false",
        "3,74.9,true", "3,75,false",
        "8,76.9,true", "8,77,false",
        "15,77.9,true", "15,78,false",
        "40,79.9,true", "40,80,false",
    })
    void microcytosisByAgeSpecificMcvLimit(double age, double mcv, boolean microcytosis) {
        Differential d = new Patient().age(age).cbc(9.0, mcv).evaluate();
        assertThat(d.findings().microcytosis()).isEqualTo(microcytosis);
        assertThat(d.isEmpty()).isEqualTo(!microcytosis);
    }

    @Test
    void laboratoryReferenceRangeWinsForMcv() {
        Differential d = Patient.woman(40)
                .lab(HEMOGLOBIN, 11.0)
                .labWithRange(MCV, 81, 82.0, 98.0)
                .evaluate();
        assertThat(d.findings().microcytosis()).isTrue();
        assertThat(d.findings().evidence())
                .anySatisfy(e -> assertThat(e.sourceId()).isEqualTo("laboratory-reference-range"));
    }

    @ParameterizedTest(name = "adult MCH {0} → hypochromia {1}")
    @CsvSource({"26.9,true", "27,false"})
    void hypochromiaByMch(double mch, boolean hypochromia) {
        Differential d = Patient.woman(40).cbc(11.0, 75).lab(MCH, mch).evaluate();
        assertThat(d.findings().hypochromia()).isEqualTo(hypochromia);
    }

    @Test
    void toddlerMchLimitIsAgeSpecific() {
        Differential d = new Patient().age(1.5).cbc(10.0, 68).lab(MCH, 24).evaluate();
        assertThat(d.findings().hypochromia()).isFalse();
    }

    @Test
    void microcytosisWithoutAnemiaIsStillEvaluated() {
        Differential d = Patient.man(30).cbc(14.5, 68).lab(RBC_COUNT, 6.4).evaluate();
        assertThat(d.findings().anemia()).isFalse();
        assertThat(d.isEmpty()).isFalse();
        assertThat(codes(d)).contains("iron-studies-needed", "thalassemia-trait");
    }

    @ParameterizedTest(name = "woman Hb {0} → urgency {1}")
    @CsvSource({"7.9,CRITICAL", "8.0,WARNING", "10.9,WARNING", "11.0,INFO"})
    void urgencyFollowsWhoSeverity(double hb, String urgency) {
        Differential d =
                Patient.woman(30).cbc(hb, 70).lab(FERRITIN, 100).lab(CRP, 1).evaluate();
        assertThat(d.leading()).get().extracting(c -> c.urgency().name()).isEqualTo(urgency);
    }

    // ------------------------------------------------------------------------------------------ iron status

    @ParameterizedTest(name = "adult ferritin {0} (CRP 1, TSAT 20) → iron deficiency {1}")
    @CsvSource({"14.9,LIKELY", "15,LIKELY", "29.9,LIKELY", "30,POSSIBLE", "44.9,POSSIBLE", "45,absent"})
    void ferritinBandsWithoutInflammation(double ferritin, String expected) {
        Differential d = Patient.woman(40)
                .cbc(10.5, 74)
                .lab(FERRITIN, ferritin)
                .lab(TRANSFERRIN_SATURATION, 20)
                .lab(CRP, 1)
                .evaluate();
        assertThat(band(d, "iron-deficiency")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ferritin {0}: absent stores evidence {1}")
    @CsvSource({"14.9,true", "15,false"})
    void absentStoresBoundaryIsWho2020(double ferritin, boolean absent) {
        Differential d = Patient.woman(40)
                .cbc(10.5, 74)
                .lab(FERRITIN, ferritin)
                .lab(CRP, 1)
                .evaluate();
        boolean statement = cause(d, "iron-deficiency").orElseThrow().supporting().stream()
                .anyMatch(e -> e.statement().contains("absent iron stores") && "who-2020".equals(e.sourceId()));
        assertThat(statement).isEqualTo(absent);
    }

    @ParameterizedTest(name = "child 3 y ferritin {0} → {1}")
    @CsvSource({"11.9,LIKELY", "12,LIKELY", "29.9,LIKELY", "30,absent"})
    void ferritinBandsUnderFive(double ferritin, String expected) {
        Differential d = new Patient()
                .age(3)
                .cbc(10.0, 68)
                .lab(FERRITIN, ferritin)
                .lab(TRANSFERRIN_SATURATION, 20)
                .lab(CRP, 1)
                .evaluate();
        assertThat(band(d, "iron-deficiency")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "infant 10 mo ferritin {0} → absent stores {1} (Domellöf)")
    @CsvSource({"4.9,true", "5,false"})
    void infantFerritinUsesDomellof(double ferritin, boolean absent) {
        Differential d =
                new Patient().ageMonths(10).cbc(9.5, 66).lab(FERRITIN, ferritin).evaluate();
        assertThat(cause(d, "iron-deficiency").orElseThrow().supporting().stream()
                        .anyMatch(e -> "domellof-2002".equals(e.sourceId())))
                .isEqualTo(absent);
    }

    @ParameterizedTest(name = "CRP {0}, ferritin {1} → mixed {2}, ACD {3}")
    @CsvSource({
        "5.1,69.9,LIKELY,absent",
        "5.0,69.9,absent,absent",
        "10,70,CONSIDER,POSSIBLE",
        "10,100,CONSIDER,POSSIBLE",
        "10,100.1,absent,POSSIBLE",
    })
    void inflammationCutOffs(double crp, double ferritin, String mixed, String acd) {
        Differential d = Patient.man(50)
                .cbc(11.0, 77)
                .lab(FERRITIN, ferritin)
                .lab(TRANSFERRIN_SATURATION, 25)
                .lab(CRP, crp)
                .evaluate();
        assertThat(band(d, "mixed-iron-deficiency-inflammation")).isEqualTo(mixed);
        assertThat(band(d, "anemia-of-inflammation")).isEqualTo(acd);
    }

    @ParameterizedTest(name = "inflamed, ferritin 300, TSAT {0} → ACD {1}")
    @CsvSource({"19.9,LIKELY", "20,POSSIBLE"})
    void acdNeedsRestrictedTsat(double tsat, String acd) {
        Differential d = Patient.man(50)
                .cbc(11.0, 77)
                .lab(FERRITIN, 300)
                .lab(TRANSFERRIN_SATURATION, tsat)
                .lab(CRP, 30)
                .evaluate();
        assertThat(band(d, "anemia-of-inflammation")).isEqualTo(acd);
    }

    @Test
    void ferritinGreyZoneWithoutCrpAsksForCrpFirst() {
        Differential d = Patient.woman(40)
                .cbc(11.0, 76)
                .lab(FERRITIN, 60)
                .lab(TRANSFERRIN_SATURATION, 12)
                .evaluate();
        assertThat(d.leading().orElseThrow().nextTests().get(0).code()).isEqualTo("crp");
    }

    @Test
    void missingIronStudiesLeadWithTheWorkUpCard() {
        Differential d = Patient.woman(40).cbc(10.5, 72).evaluate();
        assertThat(d.leading().orElseThrow().code()).isEqualTo("iron-studies-needed");
        assertThat(d.missingAnalytes()).contains(FERRITIN, TRANSFERRIN_SATURATION, RBC_COUNT);
        assertThat(d.indices()).isEmpty();
    }

    @ParameterizedTest(name = "ferritin {0} days old → iron studies needed {1}")
    @CsvSource({"89,false", "91,true"})
    void ironStudiesValidityWindow(int daysAgo, boolean needed) {
        Differential d = Patient.woman(40)
                .cbc(10.5, 72)
                .lab(FERRITIN, 8, daysAgo)
                .lab(CRP, 1, daysAgo)
                .evaluate();
        assertThat(codes(d).contains("iron-studies-needed")).isEqualTo(needed);
        if (needed) {
            assertThat(d.caveats()).anySatisfy(c -> assertThat(c.code()).isEqualTo("stale-values"));
        }
    }

    @Test
    void tsatIsDerivedFromIronAndTibcWhenNotReported() {
        Differential d = Patient.woman(40)
                .cbc(10.5, 72)
                .lab(FERRITIN, 8)
                .lab(Analyte.IRON, 30)
                .lab(Analyte.TIBC, 450)
                .evaluate();
        assertThat(d.valuesUsed()).anySatisfy(v -> {
            assertThat(v.analyte()).isEqualTo(TRANSFERRIN_SATURATION);
            assertThat(v.derived()).isTrue();
            assertThat(v.value()).isCloseTo(6.67, org.assertj.core.data.Offset.offset(0.01));
        });
    }

    // ------------------------------------------------------------------------------------------ oral iron

    @ParameterizedTest(name = "BSG: Hb +{0} g/dL after {1} days → IRIDA {2}")
    @CsvSource({"0.9,28,POSSIBLE", "1.0,28,CONSIDER", "0.5,27,CONSIDER"})
    void oralIronRefractorinessBsg2021(double rise, int days, String irida) {
        Differential d = refractoryCandidate(rise, days).evaluate();
        assertThat(band(d, "irida")).isEqualTo(irida);
    }

    @ParameterizedTest(name = "Donker 2016: Hb +{0} g/dL after {1} days → IRIDA {2}")
    @CsvSource({"1.9,21,POSSIBLE", "2.0,21,CONSIDER", "1.0,20,CONSIDER"})
    void oralIronRefractorinessDonker2016(double rise, int days, String irida) {
        Differential d = refractoryCandidate(rise, days).evaluate(DONKER_2016);
        assertThat(band(d, "irida")).isEqualTo(irida);
    }

    static Patient refractoryCandidate(double rise, int days) {
        return new Patient()
                .age(10)
                .med(MedicationClass.ORAL_IRON, days, null)
                .lab(HEMOGLOBIN, 9.0, days + 2)
                .lab(HEMOGLOBIN, 9.0 + rise, 0)
                .lab(MCV, 60)
                .lab(FERRITIN, 40)
                .lab(TRANSFERRIN_SATURATION, 5)
                .lab(CRP, 1);
    }

    // ------------------------------------------------------------------------------------------ hemoglobinopathies

    @ParameterizedTest(name = "HbA2 {0} → {1}")
    @CsvSource({
        "3.09,alpha-thalassemia-trait",
        "3.5,beta-thalassemia-trait:POSSIBLE",
        "3.51,beta-thalassemia-trait:LIKELY",
        "10.0,beta-thalassemia-trait:LIKELY",
        "10.1,hemoglobin-e",
    })
    void hbA2Thresholds(double hba2, String expected) {
        Differential d = Patient.man(30)
                .cbc(12.5, 64)
                .lab(RBC_COUNT, 6.0)
                .lab(FERRITIN, 80)
                .lab(CRP, 1)
                .lab(HBA2, hba2)
                .evaluate();
        String code = expected.split(":")[0];
        assertThat(codes(d)).contains(code);
        if (expected.contains(":")) {
            assertThat(band(d, code)).isEqualTo(expected.split(":")[1]);
        }
    }

    @ParameterizedTest(name = "{0} {1} % → {2} present: {3}")
    @CsvSource({
        "HBE,0.9,hemoglobin-e,false",
        "HBE,1.0,hemoglobin-e,true",
        "HBH,0.9,hemoglobin-h-disease,false",
        "HBH,1.0,hemoglobin-h-disease,true",
    })
    void variantDetection(Analyte analyte, double value, String code, boolean present) {
        Differential d = Patient.man(30)
                .cbc(12.0, 66)
                .lab(FERRITIN, 80)
                .lab(CRP, 1)
                .lab(HBA2, 2.5)
                .lab(analyte, value)
                .evaluate();
        assertThat(codes(d).contains(code)).isEqualTo(present);
    }

    @ParameterizedTest(name = "HbA2 measured {0} days after transfusion → read {1}")
    @CsvSource({"80,false", "95,true"})
    void transfusionSuppressesFractionation(int daysAfter, boolean read) {
        Differential d = Patient.man(30)
                .transfused(100)
                .cbc(12.0, 66)
                .lab(FERRITIN, 80)
                .lab(CRP, 1)
                .lab(HBA2, 5.0, 100 - daysAfter)
                .evaluate();
        assertThat(codes(d).contains("beta-thalassemia-trait")).isEqualTo(read);
    }

    @ParameterizedTest(name = "transfusion {0} days ago → indices computed {1}")
    @CsvSource({"89,false", "91,true"})
    void transfusionSuppressesIndices(int daysAgo, boolean computed) {
        Differential d = Patient.man(30)
                .transfused(daysAgo)
                .cbc(12.0, 66)
                .lab(RBC_COUNT, 6.0)
                .evaluate();
        assertThat(d.indices().isEmpty()).isEqualTo(!computed);
    }

    @Test
    void indicesCarryFormulaCutOffAndPublishedPerformance() {
        Differential d = Patient.man(30)
                .cbc(12.0, 66)
                .lab(RBC_COUNT, 6.0)
                .lab(Analyte.RDW_CV, 13.5)
                .lab(MCH, 21)
                .evaluate();
        ComputedIndex mentzer = d.indices().stream()
                .filter(i -> i.code().equals("mentzer"))
                .findFirst()
                .orElseThrow();
        assertThat(mentzer.value()).isEqualTo(11.0);
        assertThat(mentzer.cutoff()).isEqualTo(13.0);
        assertThat(mentzer.favours()).isEqualTo("thalassemia-trait");
        assertThat(mentzer.sensitivity()).isEqualTo(98.7);
        assertThat(mentzer.specificity()).isEqualTo(82.3);
        assertThat(mentzer.sourceId()).isEqualTo("vehapoglu-2014");
        assertThat(d.indices())
                .extracting(ComputedIndex::code)
                .contains(
                        "england-fraser",
                        "green-king",
                        "rdwi",
                        "sirdah",
                        "ehsani",
                        "shine-lal",
                        "srivastava",
                        "ricerca",
                        "rbc-count");
    }

    @ParameterizedTest(name = "MCV 72, RBC {0} → Mentzer favours {1}")
    @CsvSource({"5.6,thalassemia-trait", "5.5,iron-deficiency"})
    void mentzerBoundary(double rbc, String favours) {
        Differential d = Patient.man(30).cbc(12.0, 72).lab(RBC_COUNT, rbc).evaluate();
        assertThat(d.indices().stream()
                        .filter(i -> i.code().equals("mentzer"))
                        .findFirst()
                        .orElseThrow()
                        .favours())
                .isEqualTo(favours);
    }

    // ------------------------------------------------------------------------------------------ lead, copper, drugs

    @ParameterizedTest(name = "lead {0} ug/dL → {1} {2}")
    @CsvSource({"3.4,absent,", "3.5,POSSIBLE,WARNING", "44.9,POSSIBLE,WARNING", "45,LIKELY,CRITICAL"})
    void leadThresholds(double lead, String band, String urgency) {
        Differential d = new Patient()
                .age(3)
                .cbc(11.0, 72)
                .lab(FERRITIN, 40)
                .lab(CRP, 1)
                .lab(BLOOD_LEAD, lead)
                .evaluate();
        assertThat(band(d, "lead-poisoning")).isEqualTo(band);
        if (urgency != null) {
            assertThat(cause(d, "lead-poisoning").orElseThrow().urgency().name())
                    .isEqualTo(urgency);
        }
    }

    @ParameterizedTest(name = "copper {0} → copper deficiency {1}")
    @CsvSource({"69.9,LIKELY", "70,absent"})
    void copperLowerLimit(double copper, String band) {
        Differential d = Patient.woman(50)
                .cbc(10.5, 78)
                .lab(FERRITIN, 100)
                .lab(CRP, 1)
                .lab(COPPER, copper)
                .evaluate();
        assertThat(band(d, "copper-deficiency")).isEqualTo(band);
    }

    @ParameterizedTest(name = "zinc {0} (copper not measured) → {1}")
    @CsvSource({"124,absent", "124.1,POSSIBLE"})
    void zincExcessWithoutCopper(double zinc, String band) {
        Differential d = Patient.woman(50)
                .cbc(10.5, 78)
                .lab(FERRITIN, 100)
                .lab(CRP, 1)
                .lab(ZINC, zinc)
                .evaluate();
        assertThat(band(d, "copper-deficiency")).isEqualTo(band);
    }

    @ParameterizedTest(name = "isoniazid ended {0} days ago → acquired SA present {1}")
    @CsvSource({"80,true", "100,false"})
    void medicationWindow(int endedDaysAgo, boolean present) {
        Differential d = Patient.man(50)
                .med(MedicationClass.ISONIAZID, 300, endedDaysAgo)
                .cbc(10.0, 75)
                .lab(FERRITIN, 300)
                .lab(CRP, 2)
                .evaluate();
        assertThat(codes(d).contains("sideroblastic-acquired")).isEqualTo(present);
    }

    // ------------------------------------------------------------------------------------------ Donker branches

    @ParameterizedTest(name = "TSAT {0}, ferritin 60 → IRIDA {1}")
    @CsvSource({"9.9,CONSIDER", "10,absent"})
    void iridaNeedsVeryLowTsat(double tsat, String band) {
        Differential d = Patient.woman(25)
                .cbc(10.5, 62)
                .lab(FERRITIN, 60)
                .lab(TRANSFERRIN_SATURATION, tsat)
                .lab(CRP, 1)
                .evaluate();
        assertThat(band(d, "irida")).isEqualTo(band);
    }

    @ParameterizedTest(name = "child, ferritin {0}, TSAT 5, MCV {1} → IRIDA {2}")
    @CsvSource({"20,62,CONSIDER", "20,65,absent", "14.9,62,absent"})
    void iridaKeptOpenWhenStoresAreNotAbsentButTsatAndMcvAreVeryLow(double ferritin, double mcv, String band) {
        Differential d = new Patient()
                .age(8)
                .cbc(9.5, mcv)
                .lab(FERRITIN, ferritin)
                .lab(TRANSFERRIN_SATURATION, 5)
                .lab(CRP, 1)
                .evaluate();
        assertThat(band(d, "irida")).isEqualTo(band);
    }

    @ParameterizedTest(name = "TSAT 5, hepcidin {0} (ratio {1}) → IRIDA {2}")
    @CsvSource({"0.8945,5.59,POSSIBLE", "0.8928,5.6,absent"})
    void tsatHepcidinRatio(double hepcidin, double ratio, String band) {
        Differential d = Patient.woman(25)
                .cbc(10.5, 62)
                .lab(FERRITIN, 60)
                .lab(TRANSFERRIN_SATURATION, 5)
                .lab(CRP, 1)
                .lab(HEPCIDIN, hepcidin)
                .evaluate();
        assertThat(band(d, "irida")).isEqualTo(band);
    }

    @ParameterizedTest(name = "low TSAT/hepcidin ratio with CRP {0} → IRIDA {1}")
    @CsvSource({"1,POSSIBLE", "9.9,POSSIBLE", "10,CONSIDER", "-1,POSSIBLE"})
    void tsatHepcidinRatioNeedsCrpBelowTen(double crp, String band) {
        Patient p = Patient.woman(25)
                .cbc(10.5, 62)
                .lab(FERRITIN, 60)
                .lab(TRANSFERRIN_SATURATION, 5)
                .lab(HEPCIDIN, 4);
        if (crp >= 0) {
            p.lab(CRP, crp);
        }
        assertThat(band(p.evaluate(), "irida")).isEqualTo(band);
    }

    @ParameterizedTest(name = "ceruloplasmin {0} mg/dL with ferritin 900 → {1}")
    @CsvSource({"5.0,LIKELY", "5.1,CONSIDER", "25,absent"})
    void ceruloplasminUndetectable(double cp, String band) {
        Differential d = Patient.man(50)
                .flag(ClinicalFlag.DIABETES)
                .cbc(11.5, 78)
                .lab(FERRITIN, 900)
                .lab(TRANSFERRIN_SATURATION, 12)
                .lab(CRP, 1)
                .lab(CERULOPLASMIN, cp)
                .evaluate();
        assertThat(band(d, "aceruloplasminemia")).isEqualTo(band);
    }

    @Test
    void diabetesAndHyperferritinemiaWithInflammationDoNotRaiseAceruloplasminemia() {
        Differential d = Patient.man(50)
                .flag(ClinicalFlag.DIABETES)
                .cbc(11.5, 78)
                .lab(FERRITIN, 900)
                .lab(TRANSFERRIN_SATURATION, 12)
                .lab(CRP, 30)
                .evaluate();
        assertThat(codes(d)).doesNotContain("aceruloplasminemia").contains("anemia-of-inflammation");
    }

    @ParameterizedTest(name = "transferrin {0} mg/dL → atransferrinemia {1}")
    @CsvSource({"34.9,LIKELY", "35,absent"})
    void transferrinAbsent(double transferrin, String band) {
        Differential d = new Patient()
                .age(10)
                .cbc(8.0, 60)
                .lab(FERRITIN, 1200)
                .lab(TRANSFERRIN, transferrin)
                .lab(CRP, 1)
                .evaluate();
        assertThat(band(d, "atransferrinemia")).isEqualTo(band);
    }

    @ParameterizedTest(name = "TSAT {0} (ferritin 900, normal HbA2) → XLSA present {1}")
    @CsvSource({"45,false", "45.1,true"})
    void ironLoadingThreshold(double tsat, boolean present) {
        Differential d = Patient.man(30)
                .cbc(10.0, 74)
                .lab(FERRITIN, 900)
                .lab(TRANSFERRIN_SATURATION, tsat)
                .lab(CRP, 1)
                .lab(HBA2, 2.5)
                .evaluate();
        assertThat(codes(d).contains("x-linked-sideroblastic")).isEqualTo(present);
    }

    @Test
    void rareIronLoadingCausesRankBelowThalassaemiaWithoutFractionation() {
        Differential d = Patient.man(30)
                .cbc(9.0, 66)
                .lab(FERRITIN, 900)
                .lab(TRANSFERRIN_SATURATION, 70)
                .lab(CRP, 1)
                .evaluate();
        List<String> codes = codes(d);
        assertThat(codes.indexOf("beta-thalassemia")).isLessThan(codes.indexOf("x-linked-sideroblastic"));
        assertThat(d.nextTests().stream().map(SuggestedTest::code).toList())
                .containsSubsequence(
                        "hemoglobin-fractionation", "iron-metabolism-gene-panel", "bone-marrow-iron-stain");
    }

    @Test
    void photosensitivityWithoutFlagIsNotAssumed() {
        Differential d =
                Patient.woman(25).cbc(11.5, 77).lab(FERRITIN, 40).lab(CRP, 1).evaluate();
        assertThat(codes(d))
                .doesNotContain(
                        "erythropoietic-protoporphyria",
                        "x-linked-protoporphyria",
                        "congenital-erythropoietic-porphyria");
    }

    // ---------------------------------------------------------------------------------------------- output shape

    @Test
    void evidenceCarriesValueUnitComparatorThresholdSourceAndReference() {
        Differential d =
                Patient.woman(40).cbc(10.5, 72).lab(FERRITIN, 6).lab(CRP, 1).evaluate();
        Evidence ferritin = d.leading().orElseThrow().supporting().stream()
                .filter(e -> e.analyte() == FERRITIN)
                .findFirst()
                .orElseThrow();
        assertThat(ferritin.value()).isEqualTo(6.0);
        assertThat(ferritin.unit()).isEqualTo("ng/mL");
        assertThat(ferritin.comparator()).isEqualTo("<");
        assertThat(ferritin.threshold()).isEqualTo(15.0);
        assertThat(ferritin.sourceId()).isEqualTo("who-2020");
        assertThat(ferritin.labValueRef()).isEqualTo("Observation/2");
        assertThat(d.knowledgeVersion()).isEqualTo("1.1.0");
        assertThat(d.valuesUsed()).hasSize(4);
    }

    @Test
    void ranksAreConsecutiveAndNextTestsAreDeduplicated() {
        Differential d = Patient.man(30)
                .cbc(9.0, 66)
                .lab(FERRITIN, 900)
                .lab(TRANSFERRIN_SATURATION, 70)
                .lab(CRP, 1)
                .evaluate();
        for (int i = 0; i < d.causes().size(); i++) {
            assertThat(d.causes().get(i).rank()).isEqualTo(i + 1);
        }
        assertThat(d.nextTests().stream().map(SuggestedTest::code)).doesNotHaveDuplicates();
    }

    @Test
    void unknownAgeAndSexUseConservativeCutOffsWithCaveats() {
        Differential d = new Patient()
                .unknownAge()
                .sex(dev.microcytic.terminology.Sex.UNKNOWN)
                .cbc(12.5, 70)
                .evaluate();
        assertThat(d.findings().anemia()).isFalse();
        assertThat(d.caveats()).extracting(Caveat::code).contains("age-unknown", "sex-unknown");
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        Differential d = Patient.woman(40)
                .cbc(10.5, 72)
                .lab(FERRITIN, Double.NaN)
                .lab(CRP, 1)
                .evaluate();
        assertThat(d.leading().orElseThrow().code()).isEqualTo("iron-studies-needed");
    }

    @Test
    void engineIsThreadSafeAcrossConcurrentEvaluations() throws Exception {
        Patient p = Patient.woman(40).cbc(10.5, 72).lab(FERRITIN, 6).lab(CRP, 1);
        LabPanel panel = p.panel();
        PatientContext context = p.context();
        String expected =
                GuidelineDifferentialEngine.standard().evaluate(panel, context).toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> GuidelineDifferentialEngine.standard()
                        .evaluate(panel, context)
                        .toString()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyPanelGivesEmptyDifferential() {
        Differential d = GuidelineDifferentialEngine.standard().evaluate(LabPanel.empty(), new Patient().context());
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.knowledgeVersion()).isEqualTo("1.1.0");
    }
}

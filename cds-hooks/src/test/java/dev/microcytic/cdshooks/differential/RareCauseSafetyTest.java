package dev.microcytic.cdshooks.differential;

import static dev.microcytic.terminology.Analyte.CRP;
import static dev.microcytic.terminology.Analyte.FERRITIN;
import static dev.microcytic.terminology.Analyte.HBA2;
import static dev.microcytic.terminology.Analyte.HEMOGLOBIN;
import static dev.microcytic.terminology.Analyte.HEPCIDIN;
import static dev.microcytic.terminology.Analyte.MCH;
import static dev.microcytic.terminology.Analyte.MCV;
import static dev.microcytic.terminology.Analyte.RBC_COUNT;
import static dev.microcytic.terminology.Analyte.RDW_CV;
import static dev.microcytic.terminology.Analyte.TRANSFERRIN_SATURATION;
import static dev.microcytic.terminology.Analyte.VITAMIN_B6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Sex;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rare, acquired and severe causes do not outrank common ones on weak evidence: each rule with values on both sides
 * (Donker et al., Blood 2014, fig. 2; Bottomley 2017; EASL 2022 haemochromatosis guideline; KDIGO 2012).
 */
class RareCauseSafetyTest {

    static String band(Differential d, String code) {
        return DifferentialRulesTest.band(d, code);
    }

    static List<String> codes(Differential d) {
        return DifferentialRulesTest.codes(d);
    }

    static List<String> tests(Differential d) {
        return d.nextTests().stream().map(SuggestedTest::code).toList();
    }

    static int rank(Differential d, String code) {
        int i = codes(d).indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    // ------------------------------------------------------------------------------------------ pyridoxine and drugs

    @ParameterizedTest(name = "pyridoxine response with {0} → XLSA {1}")
    @CsvSource({
        "nothing else known,LIKELY",
        "isoniazid,CONSIDER",
        "alcohol use disorder,CONSIDER",
        "low vitamin B6 before the trial,CONSIDER",
        "normal vitamin B6 before the trial,LIKELY"
    })
    void pyridoxineResponsePointsToXlsaOnlyWithoutAnAcquiredCause(String context, String xlsa) {
        Patient p = Patient.woman(42)
                .med(MedicationClass.PYRIDOXINE, 45, null)
                .lab(HEMOGLOBIN, 9.6, 50)
                .lab(MCV, 73, 50)
                .lab(MCH, 23, 50)
                .lab(RDW_CV, 27, 50)
                .lab(FERRITIN, 465, 50)
                .lab(HBA2, 2.5, 50)
                .lab(HEMOGLOBIN, 11.4, 0);
        switch (context) {
            case "isoniazid" -> p.med(MedicationClass.ISONIAZID, 120, null);
            case "alcohol use disorder" -> p.flag(ClinicalFlag.ALCOHOL_USE_DISORDER);
            case "low vitamin B6 before the trial" -> p.lab(VITAMIN_B6, 12, 50);
            case "normal vitamin B6 before the trial" -> p.lab(VITAMIN_B6, 40, 50);
            default -> {}
        }
        Differential d = p.evaluate();
        assertThat(band(d, "x-linked-sideroblastic")).isEqualTo(xlsa);
        if (context.equals("nothing else known")) {
            assertThat(tests(d)).contains("vitamin-b6");
        }
        if (xlsa.equals("CONSIDER") && !context.startsWith("low")) {
            assertThat(rank(d, "sideroblastic-acquired")).isLessThan(rank(d, "x-linked-sideroblastic"));
        }
    }

    @ParameterizedTest(name = "{0}, RBC {1} → acquired sideroblastic {2}")
    @CsvSource({
        "isoniazid with pyridoxine,6.1,CONSIDER",
        "linezolid,6.1,CONSIDER",
        "chloramphenicol,6.1,CONSIDER",
        "isoniazid,6.1,CONSIDER",
        "linezolid,4.0,POSSIBLE",
        "isoniazid,4.0,POSSIBLE",
        "chloramphenicol,4.0,CONSIDER"
    })
    void aDrugListAloneNeverMakesAcquiredSideroblasticAnemiaLikely(String drugs, double rbc, String expected) {
        Patient p = Patient.man(35)
                .cbc(11.8, 64)
                .lab(MCH, 20)
                .lab(RBC_COUNT, rbc)
                .lab(RDW_CV, 14)
                .lab(FERRITIN, 80)
                .lab(TRANSFERRIN_SATURATION, 30)
                .lab(CRP, 2);
        switch (drugs) {
            case "isoniazid with pyridoxine" -> p.med(MedicationClass.ISONIAZID, 60, null)
                    .med(MedicationClass.PYRIDOXINE, 60, null);
            case "linezolid" -> p.med(MedicationClass.LINEZOLID, 30, null);
            case "chloramphenicol" -> p.med(MedicationClass.CHLORAMPHENICOL, 10, null);
            default -> p.med(MedicationClass.ISONIAZID, 60, null);
        }
        Differential d = p.evaluate();
        assertThat(band(d, "sideroblastic-acquired")).isEqualTo(expected);
        if (rbc > 5) {
            assertThat(codes(d).get(0)).isIn("thalassemia-trait", "alpha-thalassemia-trait", "beta-thalassemia-trait");
        }
    }

    @ParameterizedTest(name = "isoniazid, TSAT repeated {0} → acquired sideroblastic {1}")
    @CsvSource({"true,LIKELY", "false,POSSIBLE"})
    void isoniazidWithEstablishedIronLoadingIsLikely(boolean repeated, String expected) {
        Patient p = Patient.man(50)
                .med(MedicationClass.ISONIAZID, 80, null)
                .cbc(10.5, 74)
                .lab(MCH, 23)
                .lab(RBC_COUNT, 3.9)
                .lab(FERRITIN, 420)
                .lab(TRANSFERRIN_SATURATION, 55)
                .lab(CRP, 3);
        if (repeated) {
            p.lab(TRANSFERRIN_SATURATION, 58, 28);
        }
        assertThat(band(p.evaluate(), "sideroblastic-acquired")).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------ iron loading

    @ParameterizedTest(name = "{0} → alpha-thalassaemia trait {1}")
    @CsvSource({
        "one high TSAT,LIKELY",
        "TSAT high twice,CONSIDER",
        "TSAT high twice on oral iron,LIKELY",
        "TSAT high twice with ferritin 140,LIKELY"
    })
    void oneHighTsatIsNotIronLoadingAndDoesNotDemoteAlphaTrait(String pattern, String alpha) {
        Patient p = Patient.woman(30)
                .cbc(11.5, 66)
                .lab(MCH, 21)
                .lab(RBC_COUNT, 5.6)
                .lab(RDW_CV, 14)
                .lab(FERRITIN, pattern.contains("140") ? 140 : 250)
                .lab(TRANSFERRIN_SATURATION, 60)
                .lab(CRP, 1)
                .lab(HBA2, 2.3);
        if (pattern.contains("twice")) {
            p.lab(TRANSFERRIN_SATURATION, 58, 28);
        }
        if (pattern.contains("oral iron")) {
            p.med(MedicationClass.ORAL_IRON, 60, null);
        }
        Differential d = p.evaluate();
        assertThat(band(d, "alpha-thalassemia-trait")).isEqualTo(alpha);
        if (alpha.equals("LIKELY")) {
            assertThat(codes(d).get(0)).isEqualTo("alpha-thalassemia-trait");
            if (codes(d).contains("x-linked-sideroblastic")) {
                assertThat(tests(d)).contains("iron-studies");
            }
        }
    }

    @ParameterizedTest(name = "toddler, TSAT 80 % repeated {0} → DMT1 first {1}")
    @CsvSource({"false,false", "true,true"})
    void inToddlersACarrierStateStaysAheadUntilIronLoadingIsEstablished(boolean repeated, boolean dmt1First) {
        Patient p = new Patient()
                .age(2)
                .sex(Sex.FEMALE)
                .cbc(8.8, 62)
                .lab(MCH, 19)
                .lab(RBC_COUNT, 4.3)
                .lab(RDW_CV, 20)
                .lab(FERRITIN, 300)
                .lab(TRANSFERRIN_SATURATION, 80)
                .lab(CRP, 1)
                .lab(HBA2, 2.4);
        if (repeated) {
            p.lab(TRANSFERRIN_SATURATION, 78, 28);
        }
        Differential d = p.evaluate();
        assertThat(codes(d).get(0).equals("dmt1-deficiency")).isEqualTo(dmt1First);
        if (!dmt1First) {
            for (String rare : List.of("dmt1-deficiency", "steap3-deficiency", "atransferrinemia")) {
                assertThat(rank(d, "alpha-thalassemia-trait")).as(rare).isLessThan(rank(d, rare));
            }
            assertThat(tests(d)).contains("iron-studies");
        }
    }

    @ParameterizedTest(name = "iron-loaded man, CRP {0} → CRP requested {1}")
    @CsvSource({"1,false", "-1,true"})
    void aRareIronLoadingCauseNeedsInflammationRuledOutFirst(double crp, boolean crpRequested) {
        Patient p = Patient.man(30)
                .cbc(10.5, 68)
                .lab(MCH, 22)
                .lab(RBC_COUNT, 4.4)
                .lab(FERRITIN, 800)
                .lab(TRANSFERRIN_SATURATION, 75)
                .lab(TRANSFERRIN_SATURATION, 72, 28)
                .lab(HBA2, 2.5);
        if (crp >= 0) {
            p.lab(CRP, crp);
        }
        Differential d = p.evaluate();
        CandidateCause xlsa =
                DifferentialRulesTest.cause(d, "x-linked-sideroblastic").orElseThrow();
        assertThat(xlsa.nextTests().stream().map(SuggestedTest::code).toList().contains("crp"))
                .isEqualTo(crpRequested);
    }

    // ------------------------------------------------------------------------------------------ IRIDA

    @ParameterizedTest(name = "low TSAT/hepcidin ratio with {0} → IRIDA {1}")
    @CsvSource({
        "nothing on the problem list,POSSIBLE",
        "COELIAC_DISEASE,CONSIDER",
        "HELICOBACTER_PYLORI,CONSIDER",
        "AUTOIMMUNE_GASTRITIS,CONSIDER"
    })
    void iridaIsAtMostPossibleUntilTheGastricCausesAreExcluded(String condition, String expected) {
        Patient p = Patient.woman(25)
                .cbc(10.5, 62)
                .lab(FERRITIN, 60)
                .lab(TRANSFERRIN_SATURATION, 5)
                .lab(CRP, 1)
                .lab(HEPCIDIN, 4);
        if (!condition.startsWith("nothing")) {
            p.flag(ClinicalFlag.valueOf(condition));
        }
        Differential d = p.evaluate();
        assertThat(band(d, "irida")).isEqualTo(expected);
        List<String> irida = DifferentialRulesTest.cause(d, "irida").orElseThrow().nextTests().stream()
                .map(SuggestedTest::code)
                .toList();
        assertThat(irida).contains("hematology-referral", "tmprss6-gene-analysis");
        assertThat(irida.indexOf("hematology-referral")).isLessThan(irida.indexOf("tmprss6-gene-analysis"));
        if (condition.startsWith("nothing")) {
            assertThat(irida)
                    .containsSubsequence(
                            "coeliac-serology",
                            "helicobacter-test",
                            "autoimmune-gastritis-serology",
                            "hematology-referral");
        }
    }

    // ------------------------------------------------------------------------------------------ CKD

    @ParameterizedTest(name = "CKD, iron present, MCV {0} → anemia of CKD {1}")
    @CsvSource({"79,POSSIBLE", "-1,LIKELY"})
    void anemiaOfCkdDoesNotExplainAMicrocytosisByItself(double mcv, String expected) {
        Patient p = Patient.woman(70)
                .flag(ClinicalFlag.CHRONIC_KIDNEY_DISEASE)
                .lab(HEMOGLOBIN, 10.4)
                .lab(FERRITIN, 250)
                .lab(TRANSFERRIN_SATURATION, 25)
                .lab(CRP, 3);
        if (mcv > 0) {
            p.lab(MCV, mcv).lab(MCH, 25).lab(RBC_COUNT, 3.7);
        }
        Differential d = p.evaluate();
        assertThat(band(d, "anemia-of-chronic-kidney-disease")).isEqualTo(expected);
        if (mcv > 0) {
            assertThat(tests(d)).contains("hemoglobin-fractionation");
        }
    }
}

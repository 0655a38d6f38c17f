package dev.microcytic.cdshooks.differential;

import static dev.microcytic.cdshooks.differential.DifferentialRulesTest.band;
import static dev.microcytic.cdshooks.differential.DifferentialRulesTest.codes;
import static dev.microcytic.terminology.Analyte.CRP;
import static dev.microcytic.terminology.Analyte.FERRITIN;
import static dev.microcytic.terminology.Analyte.HBA;
import static dev.microcytic.terminology.Analyte.HBA2;
import static dev.microcytic.terminology.Analyte.HBF;
import static dev.microcytic.terminology.Analyte.HEMOGLOBIN;
import static dev.microcytic.terminology.Analyte.MCH;
import static dev.microcytic.terminology.Analyte.MCV;
import static dev.microcytic.terminology.Analyte.RBC_COUNT;
import static dev.microcytic.terminology.Analyte.RETICULOCYTES_PERCENT;
import static dev.microcytic.terminology.Analyte.TRANSFERRIN_SATURATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coded diagnoses read as a clinician reads them, the Hb-fractionation pitfalls, and a low Hb with a disproportionate
 * red-cell count: each rule on both sides of its condition.
 */
class CodedDiagnosisAndFractionationTest {

    private static List<String> caveats(Differential d) {
        return d.caveats().stream().map(Caveat::code).toList();
    }

    // ------------------------------------------------------------------------------------------ coded diagnoses

    @ParameterizedTest(name = "{0}: another variant explains the microcytosis {1}")
    @CsvSource({"KNOWN_SICKLE_CELL_DISORDER,false", "KNOWN_HEMOGLOBINOPATHY,true"})
    void sickleCellDoesNotExplainMicrocytosis(ClinicalFlag flag, boolean explained) {
        Differential d = Patient.woman(30)
                .flag(flag)
                .cbc(11.6, 70)
                .lab(MCH, 22)
                .lab(RBC_COUNT, 5.6)
                .lab(FERRITIN, 80)
                .lab(TRANSFERRIN_SATURATION, 25)
                .lab(CRP, 1)
                .evaluate();
        assertThat(codes(d).contains("other-hemoglobin-variant")).isEqualTo(explained);
        assertThat(codes(d).contains("thalassemia-trait")).isEqualTo(!explained);
        assertThat(caveats(d).contains("sickle-cell-not-microcytic")).isEqualTo(!explained);
    }

    @ParameterizedTest(name = "sickle-cell trait, no iron studies: {0}")
    @CsvSource({"KNOWN_SICKLE_CELL_DISORDER,iron-studies-needed"})
    void sickleCellTraitKeepsTheIronWorkup(ClinicalFlag flag, String leading) {
        Differential d = Patient.woman(30).flag(flag).cbc(11.0, 72).lab(MCH, 23).evaluate();
        assertThat(d.leading()).get().extracting(CandidateCause::code).isEqualTo(leading);
    }

    @ParameterizedTest(name = "sideroblastic {0} + {1} → {2}")
    @CsvSource({
        "KNOWN_SIDEROBLASTIC_ANEMIA,,congenital-sideroblastic",
        "KNOWN_SIDEROBLASTIC_ANEMIA,KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA,sideroblastic-acquired",
        "KNOWN_SIDEROBLASTIC_ANEMIA,KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA,congenital-sideroblastic"
    })
    void secondarySideroblasticCodeMeansAcquired(ClinicalFlag flag, ClinicalFlag subtype, String cause) {
        Patient p = Patient.man(55).flag(flag).cbc(10.5, 74).lab(FERRITIN, 400).lab(CRP, 1);
        if (subtype != null) {
            p.flag(subtype);
        }
        Differential d = p.evaluate();
        assertThat(band(d, cause)).isEqualTo("LIKELY");
        assertThat(codes(d))
                .doesNotContain(
                        cause.equals("sideroblastic-acquired") ? "congenital-sideroblastic" : "sideroblastic-acquired");
    }

    @ParameterizedTest(name = "known trait, previous Hb {0} MCV {1} (now 11.2 / 66), ferritin {2}, TSAT {3} → {4}")
    @CsvSource({
        "11.3,66,35,22,thalassemia-trait",
        "12.8,66,35,22,thalassemia-trait iron-deficiency",
        "11.3,71,35,22,thalassemia-trait iron-deficiency",
        "11.3,66,35,12,thalassemia-trait iron-deficiency"
    })
    void knownTraitWithStableIndicesAndNormalIronGivesOneCause(
            double previousHb, double previousMcv, double ferritin, double tsat, String expected) {
        Differential d = Patient.woman(40)
                .flag(ClinicalFlag.KNOWN_THALASSEMIA)
                .lab(HEMOGLOBIN, previousHb, 200)
                .lab(MCV, previousMcv, 200)
                .cbc(11.2, 66)
                .lab(MCH, 21)
                .lab(RBC_COUNT, 5.6)
                .lab(FERRITIN, ferritin)
                .lab(TRANSFERRIN_SATURATION, tsat)
                .lab(CRP, 1)
                .evaluate();
        assertThat(String.join(" ", codes(d))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ferritin 900 drawn {0} days ago → iron-studies card {1}")
    @CsvSource({"30,false", "200,true", "500,true"})
    void staleHighFerritinNeverSuppressesTheIronStudiesCard(int daysAgo, boolean card) {
        Differential d = Patient.woman(45)
                .cbc(11.0, 72)
                .lab(MCH, 23)
                .lab(FERRITIN, 900, daysAgo)
                .lab(CRP, 1, daysAgo)
                .evaluate();
        assertThat(codes(d).contains("iron-studies-needed")).isEqualTo(card);
    }

    // ------------------------------------------------------------------------------------------ fractionation

    @ParameterizedTest(name = "HPLC HbA {0} % (HbA2 2.6, HbF 0.5) → another variant {1}")
    @CsvSource({"87,false", "85,false", "84,false", "83,true", "58,true"})
    void hba0OfANormalAdultIsNotAnotherVariant(double hba, boolean variant) {
        Differential d = Patient.woman(30)
                .cbc(11.8, 70)
                .lab(MCH, 22)
                .lab(RBC_COUNT, 5.6)
                .lab(FERRITIN, 80)
                .lab(CRP, 1)
                .lab(HBA2, 2.6)
                .lab(HBA, hba)
                .lab(HBF, 0.5)
                .evaluate();
        assertThat(codes(d).contains("other-hemoglobin-variant")).isEqualTo(variant);
    }

    @ParameterizedTest(name = "HbF {0} %, {1} → delta-beta/HPFH {2}, caveat {3}")
    @CsvSource({
        "7,none,true,",
        "7,hydroxyurea,false,hbf-hydroxyurea",
        "7,pregnant,false,hbf-pregnancy",
        "12,pregnant,true,"
    })
    void raisedHbfUnderHydroxyureaOrInPregnancyIsNamed(double hbf, String context, boolean deltaBeta, String caveat) {
        Patient p = Patient.woman(30)
                .cbc(11.8, 74)
                .lab(MCH, 24)
                .lab(FERRITIN, 80)
                .lab(CRP, 1)
                .lab(HBA2, 2.6)
                .lab(HBF, hbf);
        if (context.equals("hydroxyurea")) {
            p.med(MedicationClass.HYDROXYUREA, 200, null);
        } else if (context.equals("pregnant")) {
            p.pregnant(Pregnancy.SECOND_TRIMESTER);
        }
        Differential d = p.evaluate();
        assertThat(codes(d).contains("other-hemoglobin-variant")).isEqualTo(deltaBeta);
        if (caveat != null) {
            assertThat(caveats(d)).contains(caveat);
        } else {
            assertThat(caveats(d)).doesNotContain("hbf-hydroxyurea", "hbf-pregnancy");
        }
    }

    @ParameterizedTest(name = "HbA2 4.2 %, B12/folate deficiency {0} → beta trait {1}")
    @CsvSource({"false,LIKELY", "true,POSSIBLE"})
    void raisedHba2InMegaloblasticAnemiaIsNamed(boolean megaloblastic, String band) {
        Patient p = Patient.woman(30)
                .cbc(10.8, 76)
                .lab(MCH, 24)
                .lab(FERRITIN, 80)
                .lab(CRP, 1)
                .lab(HBA2, 4.2);
        if (megaloblastic) {
            p.flag(ClinicalFlag.B12_FOLATE_DEFICIENCY);
        }
        Differential d = p.evaluate();
        assertThat(band(d, "beta-thalassemia-trait")).isEqualTo(band);
        assertThat(d.causes().stream().flatMap(c -> c.caveats().stream()).anyMatch(c -> c.code()
                        .equals("hba2-megaloblastic")))
                .isEqualTo(megaloblastic);
    }

    // ------------------------------------------------------------------------------------------ low Hb

    @ParameterizedTest(name = "Hb 9.2, RBC 5.3, {0}: trait {1}, HbH disease {2}, iron deficiency {3}")
    @CsvSource({
        "cbc-only,POSSIBLE,CONSIDER,absent",
        "ferritin-6,POSSIBLE,absent,LIKELY",
        "ferritin-80,POSSIBLE,CONSIDER,absent",
        "ferritin-80-hemolysis,absent,POSSIBLE,absent",
        "transfused-long-ago,absent,POSSIBLE,absent"
    })
    void lowHbWithDisproportionateRbcIsIronDeficiencyOrTraitFirst(
            String given, String trait, String hbh, String ironDeficiency) {
        Patient p = Patient.woman(30).cbc(9.2, 64).lab(MCH, 20).lab(RBC_COUNT, 5.3);
        switch (given) {
            case "ferritin-6" -> p.lab(FERRITIN, 6).lab(CRP, 1);
            case "ferritin-80" -> p.lab(FERRITIN, 80).lab(CRP, 1);
            case "ferritin-80-hemolysis" -> p.lab(FERRITIN, 80).lab(CRP, 1).lab(RETICULOCYTES_PERCENT, 6);
            case "transfused-long-ago" -> p.lab(FERRITIN, 80).lab(CRP, 1).transfused(400);
            default -> {}
        }
        Differential d = p.evaluate();
        assertThat(band(d, "thalassemia-trait")).isEqualTo(trait);
        assertThat(band(d, "hemoglobin-h-disease")).isEqualTo(hbh);
        assertThat(band(d, "iron-deficiency")).isEqualTo(ironDeficiency);
        if (given.equals("cbc-only")) {
            assertThat(d.leading()).get().extracting(CandidateCause::code).isEqualTo("iron-studies-needed");
        }
    }
}

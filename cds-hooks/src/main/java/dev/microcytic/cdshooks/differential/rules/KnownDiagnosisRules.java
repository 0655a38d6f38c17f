package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;

import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;

/**
 * Coded diagnoses on the problem list are explained rather than re-diagnosed (re-ordering a finished work-up wastes
 * tests and alarms the patient): the known cause is listed as likely with the diagnosis as evidence and without re-ordering its work-up;
 * new findings (e.g. iron deficiency on top of a known trait) are still flagged by the other rules. Sickle-cell trait
 * or disease is not a cause of microcytosis and explains nothing here: co-inherited alpha-thalassaemia and iron
 * deficiency are still sought (Bain et al., BSH 2023, doi:10.1111/bjh.18794).
 */
final class KnownDiagnosisRules {

    private KnownDiagnosisRules() {}

    static void apply(Workup w, Board board) {
        if (w.flag(ClinicalFlag.KNOWN_IRON_DEFICIENCY_ANEMIA)) {
            if (!w.present(Analyte.FERRITIN)) {
                CauseBuilder b = board.propose(Cause.IRON_DEFICIENCY, LIKELY, Score.KNOWN_IRON_DEFICIENCY);
                known(w, b, "iron deficiency anemia");
                b.test(NextTest.IRON_STUDIES, w.text(RuleText.TEST_IRON_STUDIES_MONITOR_REPLETION_FERRITIN_TSAT));
            } else if (board.has(Cause.IRON_DEFICIENCY) || board.has(Cause.MIXED)) {
                CauseBuilder b = board.has(Cause.IRON_DEFICIENCY)
                        ? board.cause(Cause.IRON_DEFICIENCY)
                        : board.cause(Cause.MIXED);
                b.support(w.finding(Wording.KNOWN_DIAGNOSIS_EVIDENCE, "iron deficiency anemia"));
                b.caveat(Caveats.knownDiagnosis(w, "iron deficiency anemia"));
            } else {
                // stores are now present: persisting microcytosis is not explained by the coded iron deficiency
                board.caveat(Caveats.knownIronDeficiencyRepleted(w));
            }
        }
        boolean typedThal = board.has(Cause.BETA_THALASSEMIA_TRAIT)
                || board.has(Cause.ALPHA_THALASSEMIA_TRAIT)
                || board.has(Cause.HEMOGLOBIN_H_DISEASE)
                || board.has(Cause.BETA_THALASSEMIA)
                || board.has(Cause.HEMOGLOBIN_E);
        if (w.flag(ClinicalFlag.KNOWN_THALASSEMIA) && stableWithNormalIron(w)) {
            // nothing new: one quiet explanation, no iron-deficiency or iron-studies proposal beside it
            board.withdraw(Cause.IRON_DEFICIENCY);
            board.withdraw(Cause.MIXED);
            board.withdraw(Cause.IRON_STUDIES_NEEDED);
        }
        if (w.flag(ClinicalFlag.KNOWN_THALASSEMIA)) {
            if (typedThal) {
                for (Cause c : new Cause[] {
                    Cause.BETA_THALASSEMIA_TRAIT,
                    Cause.ALPHA_THALASSEMIA_TRAIT,
                    Cause.HEMOGLOBIN_H_DISEASE,
                    Cause.BETA_THALASSEMIA,
                    Cause.HEMOGLOBIN_E
                }) {
                    if (board.has(c)) {
                        known(w, board.cause(c), "thalassaemia");
                    }
                }
            } else {
                CauseBuilder b = board.propose(Cause.THALASSEMIA_TRAIT, LIKELY, Score.KNOWN_THALASSEMIA);
                b.tests.clear();
                b.reasons.clear();
                known(w, b, "thalassaemia");
                if (stableWithNormalIron(w)) {
                    b.support(w.finding(Wording.KNOWN_TRAIT_STABLE));
                }
            }
        }
        if (w.flag(ClinicalFlag.KNOWN_HEMOGLOBINOPATHY)) {
            if (board.has(Cause.HEMOGLOBIN_E)) {
                known(w, board.cause(Cause.HEMOGLOBIN_E), "hemoglobinopathy");
            } else if (!typedThal) {
                known(
                        w,
                        board.propose(Cause.OTHER_HEMOGLOBIN_VARIANT, LIKELY, Score.KNOWN_HEMOGLOBINOPATHY),
                        "hemoglobinopathy");
            }
        }
        if (w.flag(ClinicalFlag.KNOWN_SICKLE_CELL_DISORDER)) {
            // HbS is not microcytic: the thalassaemia and iron work-up of the other rules stands
            board.caveat(Caveats.of(w, "sickle-cell-not-microcytic", Wording.SICKLE_CELL_NOT_MICROCYTIC));
        }
        if (w.flag(ClinicalFlag.KNOWN_ANEMIA_OF_CHRONIC_DISEASE) && !w.iron.deficient()) {
            Cause cause =
                    w.flag(ClinicalFlag.CHRONIC_KIDNEY_DISEASE) ? Cause.ANEMIA_OF_CKD : Cause.ANEMIA_OF_INFLAMMATION;
            known(w, board.propose(cause, LIKELY, Score.KNOWN_CHRONIC_DISEASE), "anemia of chronic disease");
        }
        if (w.flag(ClinicalFlag.KNOWN_SIDEROBLASTIC_ANEMIA)) {
            // a hereditary code is congenital; a secondary code (disease, drugs, toxins) or a current trigger is
            // acquired (Bottomley 2017)
            boolean hereditary = w.flag(ClinicalFlag.KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA);
            boolean acquired = !hereditary
                    && (w.flag(ClinicalFlag.KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA)
                            || w.recent(MedicationClass.ISONIAZID)
                            || w.recent(MedicationClass.LINEZOLID)
                            || w.recent(MedicationClass.CHLORAMPHENICOL)
                            || w.flag(ClinicalFlag.ALCOHOL_USE_DISORDER));
            Cause cause = acquired ? Cause.SIDEROBLASTIC_ACQUIRED : Cause.CONGENITAL_SIDEROBLASTIC;
            if (!acquired && board.has(Cause.XLSA)) {
                cause = Cause.XLSA;
            }
            known(w, board.propose(cause, LIKELY, Score.KNOWN_SIDEROBLASTIC), "sideroblastic anemia");
        }
        if (w.flag(ClinicalFlag.KNOWN_PORPHYRIA)) {
            Cause cause = w.flag(ClinicalFlag.HEMOLYSIS) ? Cause.CEP : Cause.EPP;
            known(w, board.propose(cause, LIKELY, Score.KNOWN_PORPHYRIA), "erythropoietic porphyria");
        }
        if (w.flag(ClinicalFlag.KNOWN_LEAD_EXPOSURE)) {
            CauseBuilder b = board.propose(Cause.LEAD_POISONING, LIKELY, Score.KNOWN_LEAD);
            known(w, b, "lead exposure");
            if (!w.present(Analyte.BLOOD_LEAD)) {
                b.test(NextTest.BLOOD_LEAD, w.text(RuleText.TEST_BLOOD_LEAD_FOLLOW_BLOOD_LEAD_LEVEL));
            }
        }
        if (w.flag(ClinicalFlag.KNOWN_IRON_METABOLISM_DISORDER)) {
            board.caveat(Caveats.knownDiagnosis(w, "disorder of iron metabolism"));
        }
    }

    /** Hb and MCV unchanged since the previous count, and ferritin and TSAT normal without inflammation. */
    private static boolean stableWithNormalIron(Workup w) {
        LabValue ferritin = w.val(Analyte.FERRITIN);
        LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
        return w.indicesStable
                && ferritin != null
                && tsat != null
                && !w.inflamed
                && !w.iron.deficient()
                && ferritin.value() >= w.probableBelow
                && !w.k.tsatLow.test(tsat.value());
    }

    private static void known(Workup w, CauseBuilder b, String what) {
        b.raise(LIKELY, w.k.score(Score.KNOWN_LEAD));
        b.support(w.finding(Wording.KNOWN_DIAGNOSIS_EVIDENCE, what));
        b.caveat(Caveats.knownDiagnosis(w, what));
    }
}

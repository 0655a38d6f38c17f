package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals;

/**
 * Acquired causes besides iron: lead (CDC reference value 3.5 ug/dL, Ruckart 2021; chelation
 * range ≥ 45), acquired sideroblastic anemia (isoniazid, linezolid, systemic chloramphenicol, alcohol, vitamin B6),
 * copper deficiency / zinc excess, and the anemia of chronic kidney disease (its own
 * context with its own iron targets, KDIGO 2012). Sideroblastic causes after Bottomley 2017, copper after Willis 2005.
 */
final class AcquiredCauseRules {

    private AcquiredCauseRules() {}

    static void apply(Workup w, Board board) {
        lead(w, board);
        sideroblastic(w, board);
        copper(w, board);
        kidney(w, board);
    }

    // ----------------------------------------------------------------------------------------------- lead

    private static void lead(Workup w, Board board) {
        LabValue lead = w.val(Analyte.BLOOD_LEAD);
        if (lead != null) {
            if (w.k.leadChelation.test(lead.value())) {
                CauseBuilder b = board.propose(Cause.LEAD_POISONING, LIKELY, Score.LEAD_CHELATION_RANGE);
                b.support(w.compare(
                        lead, w.k.leadChelation, w.k.meaning(Meaning.LEAD_CHELATION_RANGE_URGENT_MANAGEMENT)));
                b.urgency(Urgency.CRITICAL);
                leadWorkup(w, b);
            } else if (w.k.leadReference.test(lead.value())) {
                boolean other = w.iron.deficient();
                CauseBuilder b = board.propose(
                        Cause.LEAD_POISONING,
                        POSSIBLE,
                        other ? Score.LEAD_ABOVE_REFERENCE_WITH_IRON_DEFICIENCY : Score.LEAD_ABOVE_REFERENCE);
                b.support(w.compare(lead, w.k.leadReference, w.k.meaning(Meaning.LEAD_ABOVE_CDC_BLOOD_LEAD_REFERENCE)));
                b.oppose(w.compare(
                        lead, w.k.leadChelation, w.k.meaning(Meaning.LEAD_ANEMIA_MOSTLY_SEEN_MARKEDLY_RAISED)));
                b.urgency(Urgency.WARNING);
                leadWorkup(w, b);
            }
            return;
        }
        if (w.flag(ClinicalFlag.KNOWN_LEAD_EXPOSURE)) {
            return; // KnownDiagnosisRules
        }
        boolean toddler = w.ageKnown && w.age >= w.k.ageLeadLower.value() && w.age < w.k.ageLeadUpper.value();
        boolean zpp = w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh) && !w.iron.deficient();
        boolean ataxia = w.flag(ClinicalFlag.ATAXIA);
        if (toddler || zpp || ataxia) {
            CauseBuilder b = board.propose(
                    Cause.LEAD_POISONING, CONSIDER, zpp ? Score.LEAD_UNTESTED_ZPP_HIGH : Score.LEAD_UNTESTED_RISK);
            if (toddler) {
                b.support(w.finding(Finding.LEAD_AGE_1_5_YEARS_SCREEN));
            }
            if (zpp) {
                b.support(w.evRange(
                        Analyte.ZINC_PROTOPORPHYRIN,
                        w.k.zppHigh,
                        true,
                        w.k.meaning(Meaning.LEAD_RAISED_ZPP_WITHOUT_IRON_DEFICIENCY)));
            }
            if (ataxia) {
                b.support(w.finding(Finding.LEAD_ATAXIA_LEAD_ENCEPHALOPATHY_BEFORE_RARE));
            }
            b.test(NextTest.BLOOD_LEAD, w.k.reason(TestReason.BLOOD_LEAD_VENOUS_BLOOD_LEAD_CDC_REFERENCE));
            b.test(NextTest.BLOOD_FILM, w.k.reason(TestReason.BLOOD_FILM_BASOPHILIC_STIPPLING));
        }
    }

    private static void leadWorkup(Workup w, CauseBuilder b) {
        if (w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh)) {
            b.support(w.evRange(
                    Analyte.ZINC_PROTOPORPHYRIN,
                    w.k.zppHigh,
                    true,
                    w.k.meaning(Meaning.LEAD_LEAD_INHIBITS_FERROCHELATASE)));
        }
        if (w.iron.deficient()) {
            b.support(w.finding(Finding.LEAD_IRON_DEFICIENCY_COEXISTS_INCREASES_LEAD));
        }
        if (!w.present(Analyte.FERRITIN)) {
            b.test(NextTest.IRON_STUDIES, w.k.reason(TestReason.IRON_STUDIES_IRON_DEFICIENCY_FREQUENTLY_COEXISTS_LEAD));
        }
        b.test(NextTest.BLOOD_LEAD, w.k.reason(TestReason.BLOOD_LEAD_CONFIRM_CAPILLARY_RESULT_VENOUS_SAMPLE));
        b.test(NextTest.BLOOD_FILM, w.k.reason(TestReason.BLOOD_FILM_BASOPHILIC_STIPPLING));
        b.caveat(w.k.caveat(RareCaveat.LEAD_PUBLIC_HEALTH));
    }

    // ----------------------------------------------------------------------------------------------- sideroblastic

    private static void sideroblastic(Workup w, Board board) {
        boolean inh = w.recent(MedicationClass.ISONIAZID);
        boolean linezolid = w.recent(MedicationClass.LINEZOLID);
        boolean chloramphenicol = w.recent(MedicationClass.CHLORAMPHENICOL);
        boolean alcohol = w.flag(ClinicalFlag.ALCOHOL_USE_DISORDER);
        boolean alcoholRemission = w.flag(ClinicalFlag.ALCOHOL_USE_DISORDER_IN_REMISSION);
        boolean b6Low = w.present(Analyte.VITAMIN_B6) && w.low(Analyte.VITAMIN_B6, w.k.b6Low);
        boolean drug = inh || linezolid || chloramphenicol;
        if (!drug && !alcohol && !alcoholRemission && !b6Low) {
            if (w.present(Analyte.VITAMIN_B6)) {
                return;
            }
            return;
        }
        boolean deficient = w.iron.deficient();
        boolean unknown = w.iron == Workup.IronStatus.UNKNOWN;
        boolean loaded = w.ironLoaded();
        boolean pyridoxineResponse = w.pyridoxineResponse == Workup.Response.RESPONSIVE;
        // a drug list alone is weak: the sideroblastic anemia needs iron loading, a low B6 or a pyridoxine response
        // (Bottomley 2017), and a disproportionate microcytosis is a thalassaemia trait until fractionation says
        // otherwise
        boolean drugOnly = drug && !b6Low && !loaded && !pyridoxineResponse;
        boolean protectedInh = inh && w.recent(MedicationClass.PYRIDOXINE) && !linezolid && !chloramphenicol;
        boolean chloramphenicolOnly = chloramphenicol && !inh && !linezolid;
        boolean disproportion = w.disproportion() || w.leansThalassemia();
        CauseBuilder b;
        if (drug || b6Low) {
            if (deficient) {
                b = board.propose(
                        Cause.SIDEROBLASTIC_ACQUIRED, CONSIDER, Score.SIDEROBLASTIC_ACQUIRED_RISK_IRON_DEFICIENT);
            } else if (drugOnly && (protectedInh || chloramphenicolOnly || disproportion)) {
                b = board.propose(Cause.SIDEROBLASTIC_ACQUIRED, CONSIDER, Score.SIDEROBLASTIC_ACQUIRED_DRUG_WEAK);
            } else if (unknown) {
                b = board.propose(Cause.SIDEROBLASTIC_ACQUIRED, POSSIBLE, Score.SIDEROBLASTIC_ACQUIRED_RISK);
            } else if (drugOnly) {
                b = board.propose(Cause.SIDEROBLASTIC_ACQUIRED, POSSIBLE, Score.SIDEROBLASTIC_ACQUIRED_DRUG_ONLY);
            } else {
                b = board.propose(
                        Cause.SIDEROBLASTIC_ACQUIRED,
                        disproportion ? POSSIBLE : LIKELY,
                        loaded
                                ? Score.SIDEROBLASTIC_ACQUIRED_RISK_IRON_LOADED
                                : Score.SIDEROBLASTIC_ACQUIRED_RISK_IRON_UNKNOWN);
            }
            if (drugOnly && !deficient) {
                b.oppose(w.finding(Finding.SIDEROBLASTIC_DRUG_LIST_ONLY));
            }
            if (disproportion && !deficient) {
                b.oppose(w.finding(Finding.SIDEROBLASTIC_DISPROPORTION));
            }
            if (chloramphenicolOnly) {
                b.oppose(w.finding(Finding.SIDEROBLASTIC_CHLORAMPHENICOL_ROUTE));
            }
        } else if (alcohol) {
            b = board.propose(
                    Cause.SIDEROBLASTIC_ACQUIRED,
                    deficient ? CONSIDER : POSSIBLE,
                    deficient
                            ? Score.SIDEROBLASTIC_ACQUIRED_ALCOHOL_IRON_DEFICIENT
                            : Score.SIDEROBLASTIC_ACQUIRED_ALCOHOL);
        } else {
            b = board.propose(Cause.SIDEROBLASTIC_ACQUIRED, CONSIDER, Score.SIDEROBLASTIC_ACQUIRED_ALCOHOL_REMISSION);
        }
        if (inh) {
            b.support(w.finding(Finding.SIDEROBLASTIC_ACQUIRED_ISONIAZID_PYRIDOXINE_ANTAGONIST_MICROCYTIC_DIMORPHIC));
            if (w.recent(MedicationClass.PYRIDOXINE)) {
                b.oppose(w.finding(Finding.SIDEROBLASTIC_ACQUIRED_PYRIDOXINE_CO_PRESCRIBED_PROTECTS_AGAINST));
            } else {
                b.test(
                        NextTest.VITAMIN_B6,
                        w.k.reason(TestReason.VITAMIN_B6_ISONIAZID_ANTAGONISES_PYRIDOXINE_PYRIDOXINE_TRIAL));
            }
        }
        if (linezolid) {
            b.support(w.finding(
                    Finding.SIDEROBLASTIC_ACQUIRED_LINEZOLID_MITOCHONDRIAL_TOXICITY_REVERSIBLE_SIDEROBLASTIC));
        }
        if (chloramphenicol) {
            b.support(w.finding(Finding.SIDEROBLASTIC_ACQUIRED_SYSTEMIC_CHLORAMPHENICOL_DOSE_RELATED_REVERSIBLE));
        }
        if (alcohol) {
            b.support(w.finding(Finding.SIDEROBLASTIC_ACQUIRED_ALCOHOL_USE_DISORDER_TOXIC_HEME));
            b.test(NextTest.B12_FOLATE, w.k.reason(TestReason.B12_FOLATE_ALCOHOL_FOLATE_DEFICIENCY_COEXISTS));
            b.test(NextTest.VITAMIN_B6, w.k.reason(TestReason.VITAMIN_B6_ALCOHOL_B6_DEFICIENCY));
        } else if (alcoholRemission) {
            b.support(w.finding(Finding.SIDEROBLASTIC_ACQUIRED_ALCOHOL_USE_DISORDER_REMISSION_WEIGHS));
        }
        if (b6Low) {
            b.support(w.evRange(
                    Analyte.VITAMIN_B6,
                    w.k.b6Low,
                    false,
                    w.k.meaning(Meaning.SIDEROBLASTIC_ACQUIRED_PYRIDOXAL_PHOSPHATE_LOW)));
        }
        if (loaded) {
            b.support(w.compare(
                    w.tsatForLoading(),
                    w.k.tsatHigh,
                    w.k.meaning(Meaning.SIDEROBLASTIC_ACQUIRED_IRON_LOADING_TYPICAL_SIDEROBLASTIC_ANEMIA)));
        }
        if (pyridoxineResponse && w.pyridoxineEvidence != null) {
            b.support(w.pyridoxineEvidence);
        }
        if (deficient) {
            b.oppose(w.finding(Finding.SIDEROBLASTIC_ACQUIRED_IRON_DEFICIENCY_EXPLAINS_MICROCYTIC_ANEMIA));
        }
        if (unknown) {
            b.test(NextTest.IRON_STUDIES, w.k.reason(TestReason.IRON_STUDIES_SIDEROBLASTIC_ANEMIA_HAS_NORMAL_HIGH));
        }
        b.test(NextTest.BLOOD_FILM, w.k.reason(TestReason.BLOOD_FILM_DIMORPHIC_RED_CELLS_PAPPENHEIMER_BODIES));
        b.test(
                NextTest.BONE_MARROW_IRON_STAIN,
                w.k.reason(TestReason.BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS_ANEMIA_PERSISTS_AFTER));
        if (drug) {
            b.caveat(w.k.caveat(RareCaveat.DRUG_WITHDRAWAL));
        }
    }

    // ----------------------------------------------------------------------------------------------- copper

    private static void copper(Workup w, Board board) {
        LabValue copper = w.val(Analyte.COPPER);
        boolean zincHigh = w.high(Analyte.ZINC, w.k.zincHigh);
        boolean zincMed = w.recent(MedicationClass.ZINC);
        boolean risk = w.flag(ClinicalFlag.BARIATRIC_SURGERY) || w.flag(ClinicalFlag.MALABSORPTION);
        boolean leukopenia = w.present(Analyte.WBC) && w.low(Analyte.WBC, w.k.wbcLow);
        boolean cpUndetectable =
                w.present(Analyte.CERULOPLASMIN) && w.k.ceruloplasminUndetectable.test(w.v(Analyte.CERULOPLASMIN));
        if (copper != null) {
            double limit;
            String source;
            if (copper.referenceLow() != null) {
                limit = copper.referenceLow();
                source = "laboratory-reference-range";
            } else {
                ReferenceIntervals.AgeLimit ageLimit = w.k.intervals
                        .limit(ReferenceIntervals.Table.COPPER_LOWER, w.ctx.birthDate(), w.evalDate)
                        .orElseThrow();
                limit = ageLimit.value();
                source = ageLimit.sourceId();
            }
            if (copper.value() >= limit) {
                return; // measured and normal: excluded
            }
            boolean acerulo = cpUndetectable && !zincHigh;
            CauseBuilder b = board.propose(
                    Cause.COPPER_DEFICIENCY,
                    acerulo ? POSSIBLE : LIKELY,
                    acerulo
                            ? Score.COPPER_LOW_CERULOPLASMIN_ABSENT
                            : (zincHigh ? Score.COPPER_LOW_ZINC_HIGH : Score.COPPER_LOW));
            b.support(w.lab(copper, "<", limit, source, w.k.meaning(Meaning.COPPER_COPPER_DEFICIENCY)));
            if (zincHigh) {
                b.support(w.evRange(
                        Analyte.ZINC,
                        w.k.zincHigh,
                        true,
                        w.k.meaning(Meaning.COPPER_ZINC_EXCESS_BLOCKS_COPPER_ABSORPTION)));
            }
            copperContext(w, b, zincMed, risk, leukopenia);
            if (acerulo) {
                b.oppose(w.finding(Finding.COPPER_CERULOPLASMIN_UNDETECTABLE_LOWERS_SERUM_COPPER));
            }
            if (!w.present(Analyte.ZINC)) {
                b.test(NextTest.COPPER_ZINC, w.k.reason(TestReason.COPPER_ZINC_ZINC_EXCESS_COMMONEST_REVERSIBLE_CAUSE));
            }
            if (!w.present(Analyte.CERULOPLASMIN)) {
                b.test(
                        NextTest.CERULOPLASMIN,
                        w.k.reason(TestReason.CERULOPLASMIN_LOW_COPPER_DEFICIENCY_UNDETECTABLE_ACERULOPLASMINEMIA));
            }
            b.caveat(w.k.caveat(RareCaveat.COPPER_REPLETION));
            return;
        }
        if (zincHigh || zincMed || risk || leukopenia) {
            boolean strong = zincHigh || zincMed || (risk && leukopenia);
            CauseBuilder b = board.propose(
                    Cause.COPPER_DEFICIENCY,
                    strong ? POSSIBLE : CONSIDER,
                    strong ? Score.COPPER_UNTESTED_STRONG : Score.COPPER_UNTESTED);
            if (zincHigh) {
                b.support(w.evRange(Analyte.ZINC, w.k.zincHigh, true, w.k.meaning(Meaning.COPPER_ZINC_EXCESS)));
            }
            copperContext(w, b, zincMed, risk, leukopenia);
            b.test(NextTest.COPPER_ZINC, w.k.reason(TestReason.COPPER_ZINC_SERUM_COPPER_ZINC_DECIDE_COPPER));
            b.test(
                    NextTest.CERULOPLASMIN,
                    w.k.reason(TestReason.CERULOPLASMIN_LOW_CERULOPLASMIN_ACCOMPANIES_COPPER_DEFICIENCY));
        }
    }

    private static void copperContext(Workup w, CauseBuilder b, boolean zincMed, boolean risk, boolean leukopenia) {
        if (zincMed) {
            b.support(w.finding(Finding.COPPER_ZINC_SUPPLEMENTS_DENTURE_CREAMS_MULTIVITAMINS));
        }
        if (risk) {
            b.support(w.finding(Finding.COPPER_BARIATRIC_SURGERY_MALABSORPTION_PROBLEM_LIST));
        }
        if (leukopenia) {
            b.support(w.evRange(
                    Analyte.WBC,
                    w.k.wbcLow,
                    false,
                    w.k.meaning(Meaning.COPPER_NEUTROPENIA_ACCOMPANIES_COPPER_DEFICIENCY)));
        }
    }

    // ----------------------------------------------------------------------------------------------- CKD

    private static void kidney(Workup w, Board board) {
        if (!w.flag(ClinicalFlag.CHRONIC_KIDNEY_DISEASE) || !(w.anemia || !w.present(Analyte.HEMOGLOBIN))) {
            return;
        }
        LabValue ferritin = w.val(Analyte.FERRITIN);
        LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
        boolean absoluteId = ferritin != null
                && tsat != null
                && w.k.ckdFerritin.test(ferritin.value())
                && w.k.ckdTsat.test(tsat.value());
        boolean ironOk = ferritin != null && !w.k.ckdFerritin.test(ferritin.value())
                || tsat != null && !w.k.ckdTsat.test(tsat.value());
        CauseBuilder b;
        if (ironOk && !w.leansThalassemia() && !w.microcytosis) {
            b = board.propose(Cause.ANEMIA_OF_CKD, LIKELY, Score.CKD_IRON_REPLETE);
        } else if (ironOk && !w.leansThalassemia()) {
            // anemia of CKD is normocytic (KDIGO 2012): with iron present it does not explain a microcytosis by itself
            b = board.propose(Cause.ANEMIA_OF_CKD, POSSIBLE, Score.CKD_MICROCYTIC);
            if (!w.present(Analyte.HBA2) && !w.present(Analyte.HBE) && !w.present(Analyte.HBH)) {
                b.test(
                        NextTest.HEMOGLOBIN_FRACTIONATION,
                        w.k.reason(TestReason.HEMOGLOBIN_FRACTIONATION_MICROCYTOSIS_IRON_PRESENT_CKD_EXCLUDE));
            }
        } else {
            b = board.propose(
                    Cause.ANEMIA_OF_CKD, POSSIBLE, absoluteId ? Score.CKD_ABSOLUTE_IRON_DEFICIENCY : Score.CKD);
        }
        b.support(w.finding(Finding.CKD_CHRONIC_KIDNEY_DISEASE_PROBLEM_LIST));
        b.oppose(w.finding(Finding.CKD_ANEMIA_CKD_USUALLY_NORMOCYTIC_MICROCYTOSIS));
        if (absoluteId) {
            CauseBuilder id = board.cause(Cause.IRON_DEFICIENCY) != null
                    ? board.cause(Cause.IRON_DEFICIENCY)
                    : board.cause(Cause.MIXED);
            if (id == null) {
                id = board.propose(Cause.IRON_DEFICIENCY, POSSIBLE, Score.CKD_IRON_DEFICIENCY);
            }
            id.raise(POSSIBLE, w.k.score(Score.CKD_IRON_DEFICIENCY));
            id.support(
                    w.compare(ferritin, w.k.ckdFerritin, w.k.meaning(Meaning.CKD_ABSOLUTE_IRON_DEFICIENCY_CKD_TSAT)));
            id.support(w.compare(tsat, w.k.ckdTsat, w.k.meaning(Meaning.CKD_ABSOLUTE_IRON_DEFICIENCY_CKD)));
        }
        if (ferritin != null
                && tsat != null
                && w.k.ckdTrialTsat.test(tsat.value())
                && w.k.ckdTrialFerritin.test(ferritin.value())) {
            b.caveat(w.k.caveat(RareCaveat.KDIGO_IRON_TRIAL));
        }
        if (w.recent(MedicationClass.ERYTHROPOIESIS_STIMULATING_AGENT)) {
            b.support(w.finding(Finding.CKD_ESA_FUNCTIONAL_IRON_DEFICIENCY_POSSIBLE));
        }
        if (ferritin == null || tsat == null) {
            b.test(NextTest.IRON_STUDIES, w.k.reason(TestReason.IRON_STUDIES_ABSOLUTE_VS_FUNCTIONAL_IRON_DEFICIENCY));
        }
        b.test(NextTest.RETICULOCYTES, w.k.reason(TestReason.RETICULOCYTES_HYPOPROLIFERATIVE_ANEMIA));
    }
}

package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.Evidence;
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
                b.support(w.compare(lead, w.k.leadChelation, "chelation range: urgent management"));
                b.urgency(Urgency.CRITICAL);
                leadWorkup(w, b);
            } else if (w.k.leadReference.test(lead.value())) {
                boolean other = w.iron.deficient();
                CauseBuilder b = board.propose(
                        Cause.LEAD_POISONING,
                        POSSIBLE,
                        other ? Score.LEAD_ABOVE_REFERENCE_WITH_IRON_DEFICIENCY : Score.LEAD_ABOVE_REFERENCE);
                b.support(w.compare(lead, w.k.leadReference, "above the CDC blood lead reference value"));
                b.oppose(w.compare(lead, w.k.leadChelation, "anemia is mostly seen at markedly raised levels"));
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
                b.support(Evidence.finding(
                        "Age 1–5 years: screen for lead exposure (CDC); lead and iron deficiency" + " coexist",
                        "ruckart-2021"));
            }
            if (zpp) {
                b.support(w.evRange(
                        Analyte.ZINC_PROTOPORPHYRIN,
                        w.k.zppHigh,
                        true,
                        "raised ZPP without iron deficiency: lead or protoporphyria"));
            }
            if (ataxia) {
                b.support(Evidence.finding("Ataxia: lead encephalopathy before the rare ABCB7 branch", "donker-2014"));
            }
            b.test(NextTest.BLOOD_LEAD, "Venous blood lead (CDC reference value 3.5 ug/dL)");
            b.test(NextTest.BLOOD_FILM, "Basophilic stippling");
        }
    }

    private static void leadWorkup(Workup w, CauseBuilder b) {
        if (w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh)) {
            b.support(w.evRange(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh, true, "lead inhibits ferrochelatase"));
        }
        if (w.iron.deficient()) {
            b.support(Evidence.finding("Iron deficiency coexists and increases lead absorption", "ruckart-2021"));
        }
        if (!w.present(Analyte.FERRITIN)) {
            b.test(NextTest.IRON_STUDIES, "Iron deficiency frequently coexists with lead exposure");
        }
        b.test(NextTest.BLOOD_LEAD, "Confirm a capillary result with a venous sample; follow the level");
        b.test(NextTest.BLOOD_FILM, "Basophilic stippling");
        b.caveat(new Caveat(
                "lead-public-health",
                "Find and remove the lead source; report to public health per local rules.",
                "ruckart-2021"));
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
                b.oppose(w.finding(Wording.SIDEROBLASTIC_DRUG_LIST_ONLY));
            }
            if (disproportion && !deficient) {
                b.oppose(w.finding(Wording.SIDEROBLASTIC_DISPROPORTION));
            }
            if (chloramphenicolOnly) {
                b.oppose(w.finding(Wording.SIDEROBLASTIC_CHLORAMPHENICOL_ROUTE));
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
            b.support(Evidence.finding(
                    "Isoniazid: pyridoxine antagonist, microcytic or dimorphic sideroblastic" + " anemia",
                    "bottomley-2017"));
            if (w.recent(MedicationClass.PYRIDOXINE)) {
                b.oppose(Evidence.finding(
                        "Pyridoxine is co-prescribed (protects against INH sideroblastic anemia)", "bottomley-2017"));
            } else {
                b.test(NextTest.VITAMIN_B6, "Isoniazid antagonises pyridoxine; a pyridoxine trial is reasonable");
            }
        }
        if (linezolid) {
            b.support(Evidence.finding(
                    "Linezolid: mitochondrial toxicity, reversible sideroblastic anemia (usually"
                            + " normocytic, long courses)",
                    "bottomley-2017"));
        }
        if (chloramphenicol) {
            b.support(Evidence.finding(
                    "Systemic chloramphenicol: dose-related reversible sideroblastic anemia", "bottomley-2017"));
        }
        if (alcohol) {
            b.support(Evidence.finding(
                    "Alcohol use disorder: toxic to heme synthesis; B6 and folate deficiency" + " (often macrocytic)",
                    "bottomley-2017"));
            b.test(NextTest.B12_FOLATE, "Alcohol: folate deficiency coexists");
            b.test(NextTest.VITAMIN_B6, "Alcohol: B6 deficiency");
        } else if (alcoholRemission) {
            b.support(Evidence.finding("Alcohol use disorder in remission (weighs less)", "bottomley-2017"));
        }
        if (b6Low) {
            b.support(w.evRange(Analyte.VITAMIN_B6, w.k.b6Low, false, "pyridoxal phosphate low"));
        }
        if (loaded) {
            b.support(w.compare(w.tsatForLoading(), w.k.tsatHigh, "iron loading, typical of sideroblastic anemia"));
        }
        if (pyridoxineResponse && w.pyridoxineEvidence != null) {
            b.support(w.pyridoxineEvidence);
        }
        if (deficient) {
            b.oppose(Evidence.finding("Iron deficiency explains a microcytic anemia by itself", "donker-2014"));
        }
        if (unknown) {
            b.test(NextTest.IRON_STUDIES, "Sideroblastic anemia has normal-high ferritin and TSAT");
        }
        b.test(NextTest.BLOOD_FILM, "Dimorphic red cells, Pappenheimer bodies");
        b.test(NextTest.BONE_MARROW_IRON_STAIN, "Ring sideroblasts if the anemia persists after withdrawal");
        if (drug) {
            b.caveat(new Caveat(
                    "drug-withdrawal",
                    "Stop or replace the drug where possible and repeat the blood count in 2–4 weeks; give pyridoxine"
                            + " with isoniazid.",
                    "bottomley-2017"));
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
            b.support(w.lab(copper, "<", limit, source, "copper deficiency"));
            if (zincHigh) {
                b.support(w.evRange(Analyte.ZINC, w.k.zincHigh, true, "zinc excess blocks copper absorption"));
            }
            copperContext(w, b, zincMed, risk, leukopenia);
            if (acerulo) {
                b.oppose(Evidence.finding(
                        "Ceruloplasmin undetectable lowers serum copper: aceruloplasminemia", "vroegindeweij-2015"));
            }
            if (!w.present(Analyte.ZINC)) {
                b.test(NextTest.COPPER_ZINC, "Zinc excess is the commonest reversible cause");
            }
            if (!w.present(Analyte.CERULOPLASMIN)) {
                b.test(NextTest.CERULOPLASMIN, "Low in copper deficiency; undetectable in aceruloplasminemia");
            }
            b.caveat(new Caveat(
                    "copper-repletion",
                    "Copper deficiency mimics myelodysplasia: replete copper and stop zinc before a marrow work-up.",
                    "willis-2005"));
            return;
        }
        if (zincHigh || zincMed || risk || leukopenia) {
            boolean strong = zincHigh || zincMed || (risk && leukopenia);
            CauseBuilder b = board.propose(
                    Cause.COPPER_DEFICIENCY,
                    strong ? POSSIBLE : CONSIDER,
                    strong ? Score.COPPER_UNTESTED_STRONG : Score.COPPER_UNTESTED);
            if (zincHigh) {
                b.support(w.evRange(Analyte.ZINC, w.k.zincHigh, true, "zinc excess"));
            }
            copperContext(w, b, zincMed, risk, leukopenia);
            b.test(NextTest.COPPER_ZINC, "Serum copper (and zinc) decide copper deficiency");
            b.test(NextTest.CERULOPLASMIN, "Low ceruloplasmin accompanies copper deficiency");
        }
    }

    private static void copperContext(Workup w, CauseBuilder b, boolean zincMed, boolean risk, boolean leukopenia) {
        if (zincMed) {
            b.support(Evidence.finding(
                    "Zinc supplements (denture creams and multivitamins also contain zinc)", "willis-2005"));
        }
        if (risk) {
            b.support(Evidence.finding("Bariatric surgery / malabsorption on the problem list", "willis-2005"));
        }
        if (leukopenia) {
            b.support(w.evRange(Analyte.WBC, w.k.wbcLow, false, "neutropenia accompanies copper deficiency"));
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
                b.test(NextTest.HEMOGLOBIN_FRACTIONATION, "Microcytosis with iron present in CKD: exclude a trait");
            }
        } else {
            b = board.propose(
                    Cause.ANEMIA_OF_CKD, POSSIBLE, absoluteId ? Score.CKD_ABSOLUTE_IRON_DEFICIENCY : Score.CKD);
        }
        b.support(Evidence.finding(
                "Chronic kidney disease on the problem list: EPO deficiency and hepcidin-mediated"
                        + " iron restriction",
                "kdigo-2012"));
        b.oppose(Evidence.finding(
                "Anemia of CKD is usually normocytic: microcytosis points to coexisting iron"
                        + " deficiency or a trait",
                "kdigo-2012"));
        if (absoluteId) {
            CauseBuilder id = board.cause(Cause.IRON_DEFICIENCY) != null
                    ? board.cause(Cause.IRON_DEFICIENCY)
                    : board.cause(Cause.MIXED);
            if (id == null) {
                id = board.propose(Cause.IRON_DEFICIENCY, POSSIBLE, Score.CKD_IRON_DEFICIENCY);
            }
            id.raise(POSSIBLE, w.k.score(Score.CKD_IRON_DEFICIENCY));
            id.support(w.compare(ferritin, w.k.ckdFerritin, "absolute iron deficiency in CKD (with TSAT ≤ 20 %)"));
            id.support(w.compare(tsat, w.k.ckdTsat, "absolute iron deficiency in CKD"));
        }
        if (ferritin != null
                && tsat != null
                && w.k.ckdTrialTsat.test(tsat.value())
                && w.k.ckdTrialFerritin.test(ferritin.value())) {
            b.caveat(new Caveat(
                    "kdigo-iron-trial",
                    "Meets the KDIGO criteria for an iron trial (TSAT ≤ 30 %, ferritin ≤ 500 ng/mL): a treatment"
                            + " criterion, not a diagnosis of iron deficiency.",
                    "kdigo-2012"));
        }
        if (w.recent(MedicationClass.ERYTHROPOIESIS_STIMULATING_AGENT)) {
            b.support(Evidence.finding(
                    "On an ESA: functional iron deficiency possible (TSAT < 20 %, CHr low)", "kdigo-2012"));
        }
        if (ferritin == null || tsat == null) {
            b.test(NextTest.IRON_STUDIES, "Absolute vs functional iron deficiency in CKD");
        }
        b.test(NextTest.RETICULOCYTES, "Hypoproliferative anemia");
    }
}

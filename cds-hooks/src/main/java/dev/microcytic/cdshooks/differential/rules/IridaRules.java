package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.ValueFormat;

/**
 * Step 4a of the Donker 2014 flowchart: a very low TSAT with ferritin not low points to iron-refractory iron deficiency
 * anemia (TMPRSS6), read by the TSAT/hepcidin ratio, the Hb response to oral iron and the oral iron absorption test.
 * IRIDA is at most possible until oral-iron refractoriness is shown and coeliac disease, H. pylori and autoimmune
 * gastritis are excluded (Donker 2014, step 4a), and may lead only when inflammation is excluded ({@link Ranking}).
 */
final class IridaRules {

    private IridaRules() {}

    static void apply(Workup w, Board board) {
        LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
        LabValue ferritin = w.val(Analyte.FERRITIN);
        LabValue hepcidin = w.val(Analyte.HEPCIDIN);
        boolean refractory = w.oralIronResponse == Workup.Response.REFRACTORY || Boolean.FALSE.equals(w.oiatAdequate);
        boolean responsive = w.oralIronResponse == Workup.Response.RESPONSIVE || Boolean.TRUE.equals(w.oiatAdequate);
        if (tsat == null) {
            if (w.oralIronResponse == Workup.Response.REFRACTORY && !w.iron.notDeficient()) {
                CauseBuilder b = board.propose(Cause.IRIDA, CONSIDER, Score.IRIDA_TSAT_MISSING);
                b.support(w.oralIronEvidence);
                iridaTests(w, b);
            }
            return;
        }
        boolean veryLow = w.k.tsatVeryLow.test(tsat.value());
        double ratio = hepcidin != null && hepcidin.value() > 0 ? tsat.value() / hepcidin.value() : Double.NaN;
        if (!Double.isNaN(ratio)) {
            boolean low = w.k.tsatHepcidin.test(ratio);
            Evidence ratioEvidence = new Evidence(
                    "TSAT/hepcidin " + ValueFormat.evidence(ratio) + " %/nM " + (low ? "<" : ">=") + " "
                            + ValueFormat.evidence(w.k.tsatHepcidin.value()) + " %/nM ("
                            + (low
                                    ? "hepcidin inappropriately high: TMPRSS6-related IRIDA"
                                    : "hepcidin appropriately" + " suppressed: not IRIDA")
                            + ")",
                    Analyte.HEPCIDIN,
                    ratio,
                    "%/nM",
                    low ? "<" : ">=",
                    w.k.tsatHepcidin.value(),
                    w.k.tsatHepcidin.sourceId(),
                    hepcidin.sourceId());
            if (low && w.k.tsatLow.test(tsat.value())) {
                // inflammation raises hepcidin too: the ratio is validated only with CRP < 10 mg/L
                boolean crpOk = w.present(Analyte.CRP)
                        && w.k.crpRareBranch.test(w.v(Analyte.CRP))
                        && !w.flag(ClinicalFlag.INFLAMMATION);
                boolean inflamedNow = w.inflamed || (w.present(Analyte.CRP) && !crpOk);
                // at most possible until oral-iron refractoriness is shown and coeliac disease, H. pylori and
                // autoimmune gastritis are excluded (Donker 2014, step 4a)
                CauseBuilder b = crpOk
                        ? board.propose(Cause.IRIDA, POSSIBLE, Score.IRIDA_RATIO_CONFIRMED)
                        : board.propose(
                                Cause.IRIDA,
                                inflamedNow ? CONSIDER : POSSIBLE,
                                inflamedNow ? Score.IRIDA_RATIO_INFLAMED : Score.IRIDA_RATIO_CRP_UNKNOWN);
                if (!w.present(Analyte.CRP)) {
                    b.test(NextTest.CRP, "The TSAT/hepcidin ratio is valid only with CRP < 10 mg/L");
                }
                b.support(ratioEvidence);
                b.support(w.compare(tsat, w.k.tsatVeryLow, "very low TSAT"));
                if (refractory) {
                    b.support(w.oralIronEvidence != null ? w.oralIronEvidence : w.oiatEvidence);
                }
                if (w.present(Analyte.CRP) && !w.k.crpRareBranch.test(w.v(Analyte.CRP))) {
                    b.oppose(w.ev(Analyte.CRP, w.k.crpRareBranch, "the ratio was validated with CRP < 10 mg/L"));
                }
                mcvSupport(w, b);
                exclusions(w, b);
                b.test(NextTest.TMPRSS6_GENE_ANALYSIS, "Confirms IRIDA (bi-allelic TMPRSS6 variants)");
                b.caveat(new Caveat(
                        "irida-iv-iron",
                        "IRIDA responds poorly to oral iron and partially to IV iron.",
                        "donker-2016"));
            } else if (!low && w.k.tsatLow.test(tsat.value())) {
                // hepcidin appropriately suppressed: iron-deficient erythropoiesis, not IRIDA (van der Staaij 2022)
                CauseBuilder id = board.cause(Cause.MIXED) != null
                        ? board.cause(Cause.MIXED)
                        : board.propose(Cause.IRON_DEFICIENCY, POSSIBLE, Score.IRIDA_IRON_DEFICIENCY);
                id.raise(POSSIBLE, w.k.score(Score.IRIDA_IRON_DEFICIENCY));
                id.support(ratioEvidence);
                id.support(w.compare(tsat, w.k.tsatLow, "iron-deficient erythropoiesis"));
            }
            return;
        }
        if (!veryLow) {
            return;
        }
        // Donker step 4a: ferritin low-normal or normal (hyperferritinemia belongs to the ACD / CP / SLC40A1 branch)
        boolean ferritinNotLow = ferritin != null
                && ferritin.value() >= w.probableBelow
                && !w.overloadThreshold().test(ferritin.value());
        if (w.inflamed) {
            return; // anemia of inflammation / mixed state explain a very low TSAT
        }
        CauseBuilder b;
        if (ferritinNotLow) {
            if (refractory) {
                b = board.propose(Cause.IRIDA, POSSIBLE, Score.IRIDA_FERRITIN_NOT_LOW);
            } else if (responsive) {
                b = board.propose(Cause.IRIDA, CONSIDER, Score.IRIDA_FERRITIN_NOT_LOW_INFLAMED);
            } else {
                b = board.propose(Cause.IRIDA, CONSIDER, Score.IRIDA_FERRITIN_NOT_LOW_OTHER);
            }
            b.support(w.compare(tsat, w.k.tsatVeryLow, "very low TSAT"));
            b.support(w.lab(
                    ferritin,
                    ">=",
                    w.probableBelow,
                    "who-2020",
                    "ferritin not low: disproportionate to the TSAT (Donker step 4a)"));
        } else if (refractory) {
            b = board.propose(Cause.IRIDA, POSSIBLE, Score.IRIDA_REFRACTORY);
            b.support(w.compare(tsat, w.k.tsatVeryLow, "very low TSAT"));
        } else if (ferritin != null
                && ferritin.value() >= w.absentBelow
                && w.present(Analyte.MCV)
                && w.k.mcvVeryLow.test(w.v(Analyte.MCV))) {
            // stores not absent, yet TSAT and MCV very low: keep IRIDA open at the bottom, hepcidin decides
            b = board.propose(Cause.IRIDA, CONSIDER, Score.IRIDA_LOW_FERRITIN);
            b.support(w.compare(tsat, w.k.tsatVeryLow, "very low TSAT"));
            b.support(w.lab(ferritin, ">=", w.absentBelow, "who-2020", "iron stores not absent"));
        } else {
            return;
        }
        if (w.oralIronEvidence != null && w.oralIronResponse != Workup.Response.NONE) {
            if (w.oralIronResponse == Workup.Response.REFRACTORY) {
                b.support(w.oralIronEvidence);
            } else if (w.oralIronResponse == Workup.Response.RESPONSIVE) {
                b.oppose(w.oralIronEvidence);
            }
        }
        if (w.oiatEvidence != null) {
            if (Boolean.FALSE.equals(w.oiatAdequate)) {
                b.support(w.oiatEvidence);
            } else {
                b.oppose(w.oiatEvidence);
            }
        }
        if (w.ageKnown && w.k.ageEarlyChildhood.test(w.age)) {
            b.support(w.finding(Wording.IRIDA_CHILDHOOD));
        }
        mcvSupport(w, b);
        if (refractory) {
            b.caveat(Caveats.refractoryChecklist(w));
        }
        iridaTests(w, b);
    }

    private static void mcvSupport(Workup w, CauseBuilder b) {
        if (w.present(Analyte.MCV) && w.k.mcvVeryLow.test(w.v(Analyte.MCV))) {
            b.support(w.ev(Analyte.MCV, w.k.mcvVeryLow, "very low MCV (IRIDA cohort median 60.5 fL)"));
        }
    }

    /**
     * Coeliac disease, H. pylori and autoimmune gastritis explain refractoriness to oral iron and are excluded before
     * IRIDA (Donker 2014, step 4a; Hershko and Camaschella 2014): the engine reads no test that excludes them, so
     * IRIDA is at most possible and the card asks for them; one on the problem list keeps IRIDA at the bottom.
     */
    private static void exclusions(Workup w, CauseBuilder b) {
        boolean explained = false;
        if (w.flag(ClinicalFlag.COELIAC_DISEASE)) {
            b.oppose(w.finding(Wording.IRIDA_EXPLAINED_COELIAC));
            explained = true;
        } else {
            b.test(NextTest.COELIAC_SEROLOGY, "Exclude coeliac disease before IRIDA (Donker 2014)");
        }
        if (w.flag(ClinicalFlag.HELICOBACTER_PYLORI)) {
            b.oppose(w.finding(Wording.IRIDA_EXPLAINED_HELICOBACTER));
            explained = true;
        } else {
            b.test(NextTest.HELICOBACTER_TEST, "Exclude H. pylori before IRIDA");
        }
        if (w.flag(ClinicalFlag.AUTOIMMUNE_GASTRITIS)) {
            b.oppose(w.finding(Wording.IRIDA_EXPLAINED_AUTOIMMUNE_GASTRITIS));
            explained = true;
        } else if (!w.ageKnown || w.age >= 15) {
            b.test(NextTest.AUTOIMMUNE_GASTRITIS_SEROLOGY, "Exclude autoimmune gastritis before IRIDA");
        }
        if (explained) {
            b.cap(CONSIDER, Math.min(b.score, w.k.score(Score.IRIDA_EXPLAINED)));
        }
        b.test(NextTest.HEMATOLOGY_REFERRAL, DonkerRules.REFERRAL);
    }

    private static void iridaTests(Workup w, CauseBuilder b) {
        exclusions(w, b);
        if (!w.present(Analyte.CRP)) {
            b.test(NextTest.CRP, "Inflammation must be excluded (CRP < 10 mg/L for the TSAT/hepcidin ratio)");
        }
        if (!w.present(Analyte.HEPCIDIN)) {
            b.test(NextTest.HEPCIDIN, "TSAT/hepcidin < 5.6 %/nM identifies TMPRSS6-related IRIDA");
        }
        b.test(NextTest.TMPRSS6_GENE_ANALYSIS, "TMPRSS6 sequencing and MLPA if the ratio is low");
    }
}

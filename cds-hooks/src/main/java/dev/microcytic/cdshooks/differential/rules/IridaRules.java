package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

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
                    w.k.finding(Finding.IRIDA_TSAT_HEPCIDIN_RATIO)
                            .render(
                                    ValueFormat.evidence(ratio),
                                    low ? "<" : ">=",
                                    ValueFormat.evidence(w.k.tsatHepcidin.value()),
                                    w.k.meaning(low ? Meaning.IRIDA_RATIO_LOW : Meaning.IRIDA_RATIO_NOT_LOW)),
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
                    b.test(NextTest.CRP, w.k.reason(TestReason.CRP_TSAT_HEPCIDIN_RATIO_VALID_CRP));
                }
                b.support(ratioEvidence);
                b.support(w.compare(tsat, w.k.tsatVeryLow, w.k.meaning(Meaning.IRIDA_VERY_LOW_TSAT)));
                if (refractory) {
                    b.support(w.oralIronEvidence != null ? w.oralIronEvidence : w.oiatEvidence);
                }
                if (w.present(Analyte.CRP) && !w.k.crpRareBranch.test(w.v(Analyte.CRP))) {
                    b.oppose(w.ev(
                            Analyte.CRP, w.k.crpRareBranch, w.k.meaning(Meaning.IRIDA_RATIO_WAS_VALIDATED_CRP_10)));
                }
                mcvSupport(w, b);
                exclusions(w, b);
                b.test(
                        NextTest.TMPRSS6_GENE_ANALYSIS,
                        w.k.reason(TestReason.TMPRSS6_GENE_ANALYSIS_CONFIRMS_IRIDA_BI_ALLELIC_TMPRSS6));
                b.caveat(w.k.caveat(RareCaveat.IRIDA_IV_IRON));
            } else if (!low && w.k.tsatLow.test(tsat.value())) {
                // hepcidin appropriately suppressed: iron-deficient erythropoiesis, not IRIDA (van der Staaij 2022)
                CauseBuilder id = board.cause(Cause.MIXED) != null
                        ? board.cause(Cause.MIXED)
                        : board.propose(Cause.IRON_DEFICIENCY, POSSIBLE, Score.IRIDA_IRON_DEFICIENCY);
                id.raise(POSSIBLE, w.k.score(Score.IRIDA_IRON_DEFICIENCY));
                id.support(ratioEvidence);
                id.support(w.compare(tsat, w.k.tsatLow, w.k.meaning(Meaning.IRIDA_IRON_DEFICIENT_ERYTHROPOIESIS)));
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
            b.support(w.compare(tsat, w.k.tsatVeryLow, w.k.meaning(Meaning.IRIDA_VERY_LOW_TSAT)));
            b.support(w.lab(
                    ferritin,
                    ">=",
                    w.probableBelow,
                    "who-2020",
                    w.k.meaning(Meaning.IRIDA_FERRITIN_LOW_DISPROPORTIONATE_TSAT_DONKER)));
        } else if (refractory) {
            b = board.propose(Cause.IRIDA, POSSIBLE, Score.IRIDA_REFRACTORY);
            b.support(w.compare(tsat, w.k.tsatVeryLow, w.k.meaning(Meaning.IRIDA_VERY_LOW_TSAT)));
        } else if (ferritin != null
                && ferritin.value() >= w.absentBelow
                && w.present(Analyte.MCV)
                && w.k.mcvVeryLow.test(w.v(Analyte.MCV))) {
            // stores not absent, yet TSAT and MCV very low: keep IRIDA open at the bottom, hepcidin decides
            b = board.propose(Cause.IRIDA, CONSIDER, Score.IRIDA_LOW_FERRITIN);
            b.support(w.compare(tsat, w.k.tsatVeryLow, w.k.meaning(Meaning.IRIDA_VERY_LOW_TSAT)));
            b.support(w.lab(ferritin, ">=", w.absentBelow, "who-2020", w.k.meaning(Meaning.IRIDA_IRON_STORES_ABSENT)));
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
            b.support(w.ev(Analyte.MCV, w.k.mcvVeryLow, w.k.meaning(Meaning.IRIDA_VERY_LOW_MCV_IRIDA_COHORT)));
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
            b.oppose(w.finding(Finding.IRIDA_EXPLAINED_COELIAC));
            explained = true;
        } else {
            b.test(
                    NextTest.COELIAC_SEROLOGY,
                    w.k.reason(TestReason.COELIAC_SEROLOGY_EXCLUDE_COELIAC_DISEASE_BEFORE_IRIDA));
        }
        if (w.flag(ClinicalFlag.HELICOBACTER_PYLORI)) {
            b.oppose(w.finding(Finding.IRIDA_EXPLAINED_HELICOBACTER));
            explained = true;
        } else {
            b.test(NextTest.HELICOBACTER_TEST, w.k.reason(TestReason.HELICOBACTER_TEST_EXCLUDE_H_PYLORI_BEFORE_IRIDA));
        }
        if (w.flag(ClinicalFlag.AUTOIMMUNE_GASTRITIS)) {
            b.oppose(w.finding(Finding.IRIDA_EXPLAINED_AUTOIMMUNE_GASTRITIS));
            explained = true;
        } else if (!w.ageKnown || w.age >= 15) {
            b.test(
                    NextTest.AUTOIMMUNE_GASTRITIS_SEROLOGY,
                    w.k.reason(TestReason.AUTOIMMUNE_GASTRITIS_SEROLOGY_EXCLUDE_AUTOIMMUNE_GASTRITIS_BEFORE_IRIDA));
        }
        if (explained) {
            b.cap(CONSIDER, Math.min(b.score, w.k.score(Score.IRIDA_EXPLAINED)));
        }
        b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
    }

    private static void iridaTests(Workup w, CauseBuilder b) {
        exclusions(w, b);
        if (!w.present(Analyte.CRP)) {
            b.test(NextTest.CRP, w.k.reason(TestReason.CRP_INFLAMMATION_MUST_EXCLUDED_CRP_10));
        }
        if (!w.present(Analyte.HEPCIDIN)) {
            b.test(NextTest.HEPCIDIN, w.k.reason(TestReason.HEPCIDIN_TSAT_HEPCIDIN_5_6_NM));
        }
        b.test(
                NextTest.TMPRSS6_GENE_ANALYSIS,
                w.k.reason(TestReason.TMPRSS6_GENE_ANALYSIS_TMPRSS6_SEQUENCING_MLPA_RATIO_LOW));
    }
}

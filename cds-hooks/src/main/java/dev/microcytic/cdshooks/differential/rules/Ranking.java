package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one ranking step, after every rule family has proposed: gating (without iron studies nothing but a confirmatory
 * value may be likely, because missing is not negative; the rare genetic causes rank below the hemoglobinopathies
 * until fractionation has excluded them), then the order by likelihood band, score and prior prevalence (the
 * declaration order of {@link Cause}), the ranks, the de-duplicated next tests and the missing analytes.
 */
final class Ranking {

    private Ranking() {}

    /** The differential when nothing microcytic was found: findings and the values read, no causes. */
    static Differential empty(Workup w) {
        return new Differential(w.k.version, w.findings, List.of(), List.of(), List.of(), List.of(), Set.of(), w.used);
    }

    static Differential rank(Workup w, Board board) {
        if (board.has(Cause.IRON_STUDIES_NEEDED)) {
            for (CauseBuilder b : board.proposals()) {
                if (b.cause != Cause.IRON_STUDIES_NEEDED && b.score < CauseBuilder.TIER_A) {
                    b.cap(Likelihood.POSSIBLE, b.score);
                }
            }
        }
        gate(w, board);
        List<CauseBuilder> ordered = new ArrayList<>(board.proposals());
        ordered.sort((a, b) -> {
            int band = Integer.compare(a.likelihood.ordinal(), b.likelihood.ordinal());
            if (band != 0) {
                return band;
            }
            int score = Integer.compare(b.score, a.score);
            return score != 0 ? score : Integer.compare(a.cause.ordinal(), b.cause.ordinal());
        });
        List<CandidateCause> candidates = new ArrayList<>(ordered.size());
        EnumSet<NextTest> allTests = EnumSet.noneOf(NextTest.class);
        Map<NextTest, String> reasons = new EnumMap<>(NextTest.class);
        int rank = 1;
        for (CauseBuilder b : ordered) {
            b.urgency(w.severity);
            candidates.add(b.build(rank++, w.k));
            for (NextTest test : b.tests) {
                if (allTests.add(test)) {
                    reasons.put(test, b.reasons.get(test));
                }
            }
        }
        List<SuggestedTest> nextTests = new ArrayList<>(allTests.size());
        EnumSet<Analyte> missing = EnumSet.noneOf(Analyte.class);
        for (NextTest test : allTests) {
            nextTests.add(w.k.suggested(test, reasons.get(test)));
            for (Analyte a : test.analytes()) {
                if (w.val(a) == null) {
                    missing.add(a);
                }
            }
        }
        if (!w.indicesSuppressed() && w.val(Analyte.MCV) != null) {
            for (Analyte a : List.of(Analyte.RBC_COUNT, Analyte.RDW_CV, Analyte.MCH)) {
                if (w.val(a) == null) {
                    missing.add(a);
                }
            }
        }
        if (w.val(Analyte.HEMOGLOBIN) == null) {
            missing.add(Analyte.HEMOGLOBIN);
        }
        if (w.val(Analyte.MCV) == null) {
            missing.add(Analyte.MCV);
        }
        return new Differential(
                w.k.version, w.findings, candidates, w.indices, board.caveats(), nextTests, missing, w.used);
    }

    /**
     * The iron-loading rare causes may lead only when Hb fractionation was done and shows no
     * hemoglobinopathy, there was no transfusion or IV iron in the window, no sideroblastic drug or alcohol and
     * inflammation is excluded, and (for the causes read from a high TSAT) iron loading is established;
     * otherwise they rank below the hemoglobinopathies and fractionation is suggested first. IRIDA may lead only when
     * inflammation is excluded (CRP known and not raised). A pathognomonic value (tier A) lifts the gate.
     */
    private static void gate(Workup w, Board board) {
        boolean fractionationDone = w.present(Analyte.HBA2) || w.present(Analyte.HBE) || w.present(Analyte.HBH);
        boolean drugs = w.recent(MedicationClass.ISONIAZID)
                || w.recent(MedicationClass.LINEZOLID)
                || w.recent(MedicationClass.CHLORAMPHENICOL)
                || w.flag(ClinicalFlag.ALCOHOL_USE_DISORDER);
        boolean rareIronLoading = false;
        for (Cause c : DonkerRules.IRON_LOADING) {
            CauseBuilder b = board.cause(c);
            if (b != null && b.score < CauseBuilder.TIER_A && c != Cause.ACERULOPLASMINEMIA) {
                rareIronLoading = true;
            }
        }
        if (rareIronLoading && !fractionationDone && w.ironLoadingPattern()) {
            CauseBuilder beta = board.propose(Cause.BETA_THALASSEMIA, POSSIBLE, Score.GATE_NTDT);
            beta.support(w.finding(Wording.IRON_LOADED_NTDT));
            beta.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    w.k.reason(TestReason.HEMOGLOBIN_FRACTIONATION_HBA2_HBF_HBE_DECIDE));
            beta.test(NextTest.HBB_GENE_ANALYSIS, w.k.reason(TestReason.HBB_GENE_ANALYSIS_HBB_GENOTYPING));
        }
        boolean hemoglobinopathy = false;
        int bestHemoglobinopathy = 0;
        Likelihood bestBand = Likelihood.CONSIDER;
        for (Cause c : new Cause[] {
            Cause.BETA_THALASSEMIA,
            Cause.HEMOGLOBIN_H_DISEASE,
            Cause.HEMOGLOBIN_E,
            Cause.BETA_THALASSEMIA_TRAIT,
            Cause.ALPHA_THALASSEMIA_TRAIT,
            Cause.THALASSEMIA_TRAIT,
            Cause.OTHER_HEMOGLOBIN_VARIANT
        }) {
            CauseBuilder b = board.cause(c);
            if (b != null) {
                if (b.likelihood.ordinal() < bestBand.ordinal()
                        || (b.likelihood == bestBand && b.score > bestHemoglobinopathy)) {
                    bestBand = b.likelihood;
                    bestHemoglobinopathy = b.score;
                }
                if (b.likelihood == LIKELY && c != Cause.ALPHA_THALASSEMIA_TRAIT) {
                    hemoglobinopathy = true;
                }
            }
        }
        // the common explanations of an iron-loaded pattern (transfusion, IV iron, inflammation) are ruled out first
        // (Donker 2014 fig. 2, first box), and a cause read from a high TSAT needs the loading established, not one
        // high TSAT (EASL 2022)
        boolean commonExcluded =
                fractionationDone && !hemoglobinopathy && !w.transfusionRecent && !w.ivIronRecent && !drugs;
        boolean loadingEstablished = w.ironLoaded() && w.inflammationExcluded;
        for (CauseBuilder b : board.proposals()) {
            if (b.score >= CauseBuilder.TIER_A || !b.cause.genetic()) {
                continue;
            }
            boolean mayLead = commonExcluded && (loadingEstablished || !DonkerRules.TSAT_LOADING.contains(b.cause));
            if (DonkerRules.IRON_LOADING.contains(b.cause) && !mayLead && b.cause != Cause.ACERULOPLASMINEMIA) {
                // rank below the best hemoglobinopathy candidate (band first, then score)
                int ceiling = bestHemoglobinopathy > 0
                        ? bestHemoglobinopathy - 5
                        : w.k.score(Score.GATE_RARE_IRON_LOADING_CEILING);
                b.cap(
                        bestHemoglobinopathy > 0 ? bestBand : POSSIBLE,
                        Math.max(w.k.score(Score.GATE_RARE_IRON_LOADING_FLOOR), Math.min(b.score, ceiling)));
                if (!fractionationDone) {
                    b.test(
                            NextTest.HEMOGLOBIN_FRACTIONATION,
                            w.k.reason(
                                    TestReason.HEMOGLOBIN_FRACTIONATION_EXCLUDE_HEMOGLOBINOPATHY_BEFORE_RARE_CAUSES));
                }
                if (DonkerRules.TSAT_LOADING.contains(b.cause) && !w.present(Analyte.CRP) && !w.inflamed) {
                    b.test(NextTest.CRP, w.k.reason(TestReason.CRP_EXCLUDE_INFLAMMATION_BEFORE_RARE_IRON));
                }
            }
            if (b.cause == Cause.IRIDA && !w.inflammationExcluded) {
                b.cap(POSSIBLE, Math.min(b.score, w.k.score(Score.GATE_IRIDA_INFLAMMATION_CAP)));
            }
        }
    }
}

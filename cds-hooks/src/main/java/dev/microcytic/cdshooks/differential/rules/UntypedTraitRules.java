package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.terminology.Analyte;

/**
 * A microcytosis without Hb fractionation (Baird 2022; Vehapoglu 2014 on the indices): an untyped thalassaemia trait
 * beside, or instead of, iron deficiency, fractionation as its next test; HbH disease and beta-thalassaemia
 * intermedia/major only on their own evidence.
 */
final class UntypedTraitRules {

    private UntypedTraitRules() {}

    static void transfused(Workup w, Board board) {
        if (!w.microcytosis || (w.iron.deficient() && !w.disproportion())) {
            return;
        }
        CauseBuilder b = board.propose(Cause.THALASSEMIA_TRAIT, CONSIDER, Score.TRAIT_TRANSFUSED);
        b.support(w.finding(RuleText.EV_MICROCYTOSIS_HB_FRACTIONS_CANNOT_READ));
        b.caveat(Caveats.transfusion(w));
        b.test(NextTest.HBB_GENE_ANALYSIS, w.text(RuleText.TEST_HBB_GENE_ANALYSIS_DNA_TESTING_NOT_AFFECTED_DONOR));
        b.test(
                NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_DNA_TESTING_NOT_AFFECTED_DONOR));
    }

    private static void syndromes(Workup w, Board board, boolean hemolysis, boolean lean) {
        boolean ironOk = w.ironReplete();
        Likelihood band = (ironOk || hemolysis || lean) ? POSSIBLE : CONSIDER;
        Score score = ironOk
                ? Score.THAL_SYNDROME_IRON_OK
                : (hemolysis || lean ? Score.THAL_SYNDROME_LEANING : Score.THAL_SYNDROME);
        CauseBuilder hbh = board.propose(Cause.HEMOGLOBIN_H_DISEASE, band, score);
        // two points below HbH disease, so that the two syndromes keep a fixed order within the band
        CauseBuilder beta = board.propose(Cause.BETA_THALASSEMIA, band, board.score(score) - 2);
        for (CauseBuilder b : new CauseBuilder[] {hbh, beta}) {
            b.support(w.ev(
                    Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, w.text(RuleText.M_MORE_ANEMIA_THAN_THALASSAEMIA_TRAIT)));
            if (ironOk) {
                b.support(w.finding(RuleText.EV_IRON_STORES_PRESENT_IRON_DEFICIENCY_2));
            }
            HemoglobinopathyRules.hemolysisEvidence(w, b);
            if (lean) {
                b.support(Evidence.finding(w.leanText(), w.leanSource()));
            }
            b.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_HBH_BAND_HBA2_HBF_DECIDE));
            b.test(
                    NextTest.HEMOLYSIS_SCREEN,
                    w.text(RuleText.TEST_HEMOLYSIS_SCREEN_HEMOLYSIS_ACCOMPANIES_HBH_DISEASE_THALASSAEMIA));
        }
        hbh.test(
                NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_THREE_GENE_ALPHA_DELETION));
        beta.test(NextTest.HBB_GENE_ANALYSIS, w.text(RuleText.TEST_HBB_GENE_ANALYSIS_HBB_GENOTYPING));
    }

    static void apply(Workup w, Board board) {
        if (!w.microcytosis && !(w.hypochromia && !w.present(Analyte.MCV))) {
            return;
        }
        boolean deficient = w.iron.deficient();
        boolean unknown = !deficient && !w.iron.notDeficient();
        boolean lean = w.leansThalassemia();
        boolean hemolysis = HemoglobinopathyRules.hemolysis(w);
        if (HemoglobinopathyRules.severe(w)) {
            // Hb below the range of a trait: HbH disease or thalassaemia intermedia (Donker 2014) only on their own
            // evidence, haemolysis or a transfusion history; a low Hb alone is iron deficiency (with or without a
            // trait) when iron is low, and iron studies first with the trait as the alternative otherwise (Baird 2022)
            boolean ownEvidence = hemolysis || w.ctx.lastTransfusion() != null;
            if (ownEvidence && !(deficient && !w.disproportion())) {
                syndromes(w, board, hemolysis, lean);
                return;
            }
            if (!ownEvidence && !deficient) {
                CauseBuilder hbh = board.propose(Cause.HEMOGLOBIN_H_DISEASE, CONSIDER, Score.THAL_SYNDROME_LOW_HB_ONLY);
                CauseBuilder beta = board.propose(
                        Cause.BETA_THALASSEMIA, CONSIDER, board.score(Score.THAL_SYNDROME_LOW_HB_ONLY) - 2);
                for (CauseBuilder b : new CauseBuilder[] {hbh, beta}) {
                    b.support(w.ev(
                            Analyte.HEMOGLOBIN,
                            w.k.hbThalSyndrome,
                            w.text(RuleText.M_MORE_ANEMIA_THAN_THALASSAEMIA_TRAIT)));
                    b.test(
                            NextTest.HEMOGLOBIN_FRACTIONATION,
                            w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_HBH_BAND_HBA2_HBF_DECIDE));
                }
                if (unknown && !lean && !w.disproportion()) {
                    return; // a CBC alone that does not point to a trait: iron studies first
                }
            }
        }
        CauseBuilder b;
        if (deficient) {
            if (!w.disproportion()) {
                return;
            }
            b = board.propose(Cause.THALASSEMIA_TRAIT, POSSIBLE, Score.TRAIT_UNTYPED_IRON_DEFICIENT);
            b.support(w.finding(RuleText.EV_MICROCYTOSIS_OUT_PROPORTION_IRON_DEFICIENCY));
            b.caveat(Caveats.indicesUnreliable(w, "when iron deficiency and a trait coexist"));
            b.caveat(Caveats.hba2LoweredByIronDeficiency(w));
            b.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_AFTER_IRON_REPLETION_IRON_DEFICIENCY));
        } else if (unknown) {
            b = board.propose(
                    Cause.THALASSEMIA_TRAIT,
                    lean ? POSSIBLE : CONSIDER,
                    lean ? Score.TRAIT_UNTYPED_IRON_UNKNOWN_LEANING : Score.TRAIT_UNTYPED_IRON_UNKNOWN);
            b.support(Evidence.finding(w.leanText(), w.leanSource()));
            b.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    lean
                            ? w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_INDICES_LEAN_TOWARDS_THALASSAEMIA_TRAIT)
                            : w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_IF_IRON_STUDIES_NORMAL));
        } else {
            // iron stores present (or only inflammation): microcytosis needs fractionation to tell a trait (Baird 2022)
            LabValue ferritin = w.val(Analyte.FERRITIN);
            LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
            boolean abnormalIron = (ferritin != null && w.overloadThreshold().test(ferritin.value()))
                    || (tsat != null && w.k.tsatLow.test(tsat.value()));
            // a trait has normal iron studies: hyperferritinemia or a low TSAT points elsewhere first
            if (!lean && (w.inflamed || !w.ironReplete())) {
                // inflammation or iron-restricted erythropoiesis explains mild microcytosis: keep the trait open only
                b = board.propose(Cause.THALASSEMIA_TRAIT, CONSIDER, Score.TRAIT_UNTYPED_MILD);
            } else {
                b = board.propose(
                        Cause.THALASSEMIA_TRAIT,
                        POSSIBLE,
                        abnormalIron
                                ? Score.TRAIT_UNTYPED_IRON_ABNORMAL
                                : (lean ? Score.TRAIT_UNTYPED_LEANING : Score.TRAIT_UNTYPED));
            }
            b.support(w.finding(RuleText.EV_MICROCYTOSIS_IRON_STORES_PRESENT_IRON));
            if (lean) {
                b.support(Evidence.finding(w.leanText(), w.leanSource()));
            } else if (w.leansIronDeficiency()) {
                b.oppose(Evidence.finding(w.leanText(), w.leanSource()));
            }
            b.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_HBA2_3_5_BETA_TRAIT));
            b.test(
                    NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                    w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_IF_HBA2_NORMAL_ALPHA_TRAIT));
            b.caveat(Caveats.noIronInTrait(w));
        }
        if (w.present(Analyte.RBC_COUNT) && w.v(Analyte.RBC_COUNT) > 5.0) {
            b.support(
                    w.plain(Analyte.RBC_COUNT, w.text(RuleText.M_RBC_5_MICROCYTOSIS_SUGGESTS_TRAIT), "vehapoglu-2014"));
        }
        if (w.pregnant) {
            b.caveat(Caveats.indicesUnreliable(w, "in pregnancy (hemodilution)"));
        }
    }
}

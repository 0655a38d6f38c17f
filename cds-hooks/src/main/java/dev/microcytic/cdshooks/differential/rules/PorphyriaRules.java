package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;

/**
 * Step 3b of the Donker 2014 flowchart: photosensitivity with hemolysis points to congenital erythropoietic porphyria
 * (CEP), without hemolysis to erythropoietic protoporphyria (EPP) or X-linked protoporphyria (XLPP); the porphyrins and
 * protoporphyrins decide.
 */
final class PorphyriaRules {

    private PorphyriaRules() {}

    static void apply(Workup w, Board board) {
        if (!w.flag(ClinicalFlag.PHOTOSENSITIVITY)) {
            return;
        }
        Evidence photo = w.finding(Wording.PHOTOSENSITIVITY);
        boolean hemolysis = w.flag(ClinicalFlag.HEMOLYSIS)
                || w.high(Analyte.RETICULOCYTES_PERCENT, w.k.reticulocytesHigh)
                || w.low(Analyte.HAPTOGLOBIN, w.k.haptoglobinLow)
                || w.high(Analyte.BILIRUBIN_TOTAL, w.k.bilirubinHigh);
        if (hemolysis) {
            boolean porphyrins = w.high(Analyte.URINE_PORPHYRINS, w.k.porphyrinsUrineHigh)
                    || w.high(Analyte.PLASMA_PORPHYRINS, w.k.porphyrinsPlasmaHigh);
            CauseBuilder b = board.propose(
                    Cause.CEP, porphyrins ? LIKELY : POSSIBLE, porphyrins ? Score.CEP_PORPHYRINS : Score.CEP);
            b.support(photo);
            b.support(w.finding(Wording.WITH_HEMOLYSIS));
            if (w.high(Analyte.URINE_PORPHYRINS, w.k.porphyrinsUrineHigh)) {
                b.support(w.evRange(
                        Analyte.URINE_PORPHYRINS,
                        w.k.porphyrinsUrineHigh,
                        true,
                        w.k.meaning(Meaning.PORPHYRIA_PORPHYRIN_EXCESS)));
            }
            if (w.high(Analyte.PLASMA_PORPHYRINS, w.k.porphyrinsPlasmaHigh)) {
                b.support(w.evRange(
                        Analyte.PLASMA_PORPHYRINS,
                        w.k.porphyrinsPlasmaHigh,
                        true,
                        w.k.meaning(Meaning.PORPHYRIA_PORPHYRIN_EXCESS)));
            }
            b.test(
                    NextTest.PORPHYRIN_ISOMERS,
                    w.k.reason(TestReason.PORPHYRIN_ISOMERS_UROPORPHYRIN_I_COPROPORPHYRIN_I_ACCUMULATE));
            b.test(NextTest.HEMOLYSIS_SCREEN, w.k.reason(TestReason.HEMOLYSIS_SCREEN_HEMOLYSIS));
            b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
            b.test(
                    NextTest.IRON_METABOLISM_GENE_PANEL,
                    w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_UROS_GATA1_SEQUENCING));
            return;
        }
        boolean protoporphyrin = w.high(Analyte.ERYTHROCYTE_PROTOPORPHYRIN, w.k.protoporphyrinHigh)
                || w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh);
        boolean leadHigh = w.present(Analyte.BLOOD_LEAD) && w.k.leadReference.test(w.v(Analyte.BLOOD_LEAD));
        boolean strong = protoporphyrin && !leadHigh;
        CauseBuilder epp = board.propose(Cause.EPP, strong ? LIKELY : POSSIBLE, strong ? Score.EPP_STRONG : Score.EPP);
        CauseBuilder xlpp =
                board.propose(Cause.XLPP, strong ? POSSIBLE : CONSIDER, strong ? Score.XLPP_STRONG : Score.XLPP);
        for (CauseBuilder b : new CauseBuilder[] {epp, xlpp}) {
            b.support(photo);
            b.support(w.finding(Wording.WITHOUT_HEMOLYSIS));
            if (w.high(Analyte.ERYTHROCYTE_PROTOPORPHYRIN, w.k.protoporphyrinHigh)) {
                b.support(w.evRange(
                        Analyte.ERYTHROCYTE_PROTOPORPHYRIN,
                        w.k.protoporphyrinHigh,
                        true,
                        w.k.meaning(Meaning.PORPHYRIA_ERYTHROCYTE_PROTOPORPHYRIN_RAISED)));
            }
            if (w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh)) {
                b.support(w.evRange(
                        Analyte.ZINC_PROTOPORPHYRIN,
                        w.k.zppHigh,
                        true,
                        w.k.meaning(Meaning.PORPHYRIA_PROTOPORPHYRIN_RAISED)));
            }
            b.test(
                    NextTest.PROTOPORPHYRIN_FRACTIONATION,
                    w.k.reason(
                            TestReason.ERYTHROCYTE_PROTOPORPHYRIN_FRACTIONATION_MAINLY_FREE_PROTOPORPHYRIN_EPP_FECH));
            b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
            b.test(
                    NextTest.IRON_METABOLISM_GENE_PANEL,
                    w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_FECH_ALAS2_EXON_11_SEQUENCING));
        }
        if (w.iron.deficient()) {
            epp.support(w.finding(Wording.EPP_LOW_FERRITIN));
        }
        xlpp.oppose(w.finding(Wording.XLPP_NORMOCYTIC));
    }
}

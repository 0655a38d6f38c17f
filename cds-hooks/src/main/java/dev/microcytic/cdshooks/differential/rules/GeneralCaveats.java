package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.ValueFormat;

/**
 * The caveats that apply to the whole interpretation: inflammation, transfusion, IV and oral iron, pregnancy, young
 * children, unknown age or sex, a missing MCV, values past their validity window, a derived TSAT, assay-dependent
 * cut-offs and heart failure.
 */
final class GeneralCaveats {

    private GeneralCaveats() {}

    static void apply(Workup w, Board board) {
        if (w.inflamed && w.val(Analyte.FERRITIN) != null) {
            board.caveat(w.inflammationCaveat());
        }
        if (w.transfusionRecent) {
            board.caveat(Caveats.transfusion(w));
        }
        if (w.ivIronRecent) {
            board.caveat(Caveats.ivIron(w));
        }
        if (w.oralIron != null) {
            board.caveat(Caveats.oralIron(w));
        }
        if (w.pregnant) {
            board.caveat(Caveats.pregnancy(w));
        }
        if (w.ageKnown && w.age < 6) {
            board.caveat(Caveats.youngChild(w));
        }
        if (!w.ageKnown) {
            board.caveat(Caveats.of(w, "age-unknown", Wording.AGE_UNKNOWN));
        }
        if (w.sex == Sex.UNKNOWN && (!w.ageKnown || w.age >= 15)) {
            // the source is that of the cut-off set in use, not the sentence's
            board.caveat(
                    new Caveat("sex-unknown", w.k.wording(Wording.SEX_UNKNOWN).render(), w.hbCutoff.sourceId()));
        }
        if (w.val(Analyte.MCV) == null) {
            board.caveat(Caveats.of(w, "mcv-missing", Wording.MCV_MISSING));
        }
        if (!w.stale.isEmpty()) {
            StringBuilder analytes = new StringBuilder();
            for (Analyte a : w.stale) {
                analytes.append(analytes.length() == 0 ? "" : ", ").append(w.k.names.evidence(a));
            }
            board.caveat(Caveats.of(w, "stale-values", Wording.STALE_VALUES, analytes.toString()));
        }
        if (w.val(Analyte.TRANSFERRIN_SATURATION) != null
                && w.val(Analyte.TRANSFERRIN_SATURATION).derived()
                && w.val(Analyte.TRANSFERRIN_SATURATION).sourceId() == null) {
            board.caveat(Caveats.of(
                    w,
                    "tsat-derived",
                    Wording.TSAT_DERIVED,
                    ValueFormat.evidence(w.v(Analyte.TRANSFERRIN_SATURATION))));
        }
        if (!Double.isNaN(w.stfrIndex) || w.val(Analyte.HEPCIDIN) != null) {
            board.caveat(Caveats.of(w, "assay-dependent", Wording.ASSAY_DEPENDENT));
        }
        if (w.ctx.has(ClinicalFlag.HEART_FAILURE) && w.val(Analyte.FERRITIN) != null) {
            board.caveat(Caveats.of(w, "heart-failure-context", Wording.HEART_FAILURE));
        }
    }
}

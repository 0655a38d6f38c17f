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
            board.caveat(new Caveat(
                    "age-unknown",
                    "Birth date unknown: adult cut-offs were used; paediatric limits differ (brief review K6).",
                    "who-2011"));
        }
        if (w.sex == Sex.UNKNOWN && (!w.ageKnown || w.age >= 15)) {
            board.caveat(new Caveat(
                    "sex-unknown",
                    "Sex unknown: the lower (women's) WHO hemoglobin cut-off was used.",
                    w.hbCutoff.sourceId()));
        }
        if (w.val(Analyte.MCV) == null) {
            board.caveat(new Caveat(
                    "mcv-missing",
                    "No current MCV: microcytosis is not confirmed; the interpretation is provisional until a full"
                            + " blood count with MCV/MCH is available.",
                    "donker-2014"));
        }
        if (!w.stale.isEmpty()) {
            StringBuilder text = new StringBuilder("Results older than their validity window were not used: ");
            boolean first = true;
            for (Analyte a : w.stale) {
                text.append(first ? "" : ", ").append(w.k.names.evidence(a));
                first = false;
            }
            board.caveat(new Caveat("stale-values", text.append('.').toString(), "donker-2014"));
        }
        if (w.val(Analyte.TRANSFERRIN_SATURATION) != null
                && w.val(Analyte.TRANSFERRIN_SATURATION).derived()
                && w.val(Analyte.TRANSFERRIN_SATURATION).sourceId() == null) {
            board.caveat(new Caveat(
                    "tsat-derived",
                    "TSAT was computed from serum iron and TIBC/transferrin ("
                            + ValueFormat.evidence(w.v(Analyte.TRANSFERRIN_SATURATION)) + " %).",
                    "donker-2014"));
        }
        if (!Double.isNaN(w.stfrIndex) || w.val(Analyte.HEPCIDIN) != null) {
            board.caveat(new Caveat(
                    "assay-dependent",
                    "sTfR and hepcidin cut-offs are assay-specific (no international standard): published cut-offs"
                            + " apply only with a matching assay.",
                    "weiss-2005"));
        }
        if (w.ctx.has(ClinicalFlag.HEART_FAILURE) && w.val(Analyte.FERRITIN) != null) {
            board.caveat(new Caveat(
                    "heart-failure-context",
                    "Heart failure: the ESC definition of iron deficiency (ferritin < 100, or 100–299 with TSAT < 20 %)"
                            + " is a treatment-eligibility criterion for IV iron, not a diagnosis.",
                    "masini-2022"));
        }
    }
}

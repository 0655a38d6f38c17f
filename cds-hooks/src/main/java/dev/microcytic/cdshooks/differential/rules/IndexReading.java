package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.knowledge.rules.DiscriminationIndexDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The discrimination indices of the CBC (Mentzer, England & Fraser, ...) and their vote between thalassaemia trait
 * and iron deficiency. Not computed after a recent transfusion (donor cells).
 *
 * @param indices the computable indices in knowledge-package order
 * @param thalVotes voting indices that favour thalassaemia trait
 * @param idVotes voting indices that favour iron deficiency
 * @param mentzer MCV / RBC, or NaN
 * @param suppressed whether the indices were withheld because of a transfusion
 */
record IndexReading(List<ComputedIndex> indices, int thalVotes, int idVotes, double mentzer, boolean suppressed) {

    static IndexReading of(KnowledgeView k, LabSelection values, boolean transfusionRecent) {
        double mcv = value(values, Analyte.MCV);
        double rbc = value(values, Analyte.RBC_COUNT);
        double hb = value(values, Analyte.HEMOGLOBIN);
        double rdw = value(values, Analyte.RDW_CV);
        double mch = value(values, Analyte.MCH);
        List<ComputedIndex> indices = new ArrayList<>(10);
        int thalVotes = 0;
        int idVotes = 0;
        double mentzer = Double.NaN;
        boolean suppressed = false;
        if (!Double.isNaN(mcv)) {
            if (transfusionRecent) {
                suppressed = true;
            } else {
                if (!Double.isNaN(rbc) && rbc > 0) {
                    mentzer = mcv / rbc;
                }
                for (DiscriminationIndexDefinition d : k.indices) {
                    double value = formula(d.code(), mcv, rbc, hb, rdw, mch);
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    boolean thal = d.favoursThalassemia(value);
                    if (d.vote()) {
                        if (thal) {
                            thalVotes++;
                        } else {
                            idVotes++;
                        }
                    }
                    indices.add(new ComputedIndex(
                            d.code(),
                            d.name(),
                            d.formula(),
                            value,
                            d.cutoff(),
                            thal ? Cause.THALASSEMIA_TRAIT.code() : Cause.IRON_DEFICIENCY.code(),
                            d.sensitivity(),
                            d.specificity(),
                            d.sourceId()));
                }
            }
        }
        return new IndexReading(List.copyOf(indices), thalVotes, idVotes, mentzer, suppressed);
    }

    private static double value(LabSelection values, Analyte analyte) {
        var v = values.val(analyte);
        return v == null ? Double.NaN : v.value();
    }

    /** The index formulas by code (kept in code: no expression parsing on the hot path). */
    static double formula(String code, double mcv, double rbc, double hb, double rdw, double mch) {
        double nan = Double.NaN;
        boolean hasRbc = !Double.isNaN(rbc) && rbc > 0;
        return switch (code) {
            case "mentzer" -> hasRbc ? mcv / rbc : nan;
            case "england-fraser" -> hasRbc && !Double.isNaN(hb) ? mcv - rbc - 5 * hb - 3.4 : nan;
            case "green-king" -> !Double.isNaN(rdw) && !Double.isNaN(hb) && hb > 0 ? mcv * mcv * rdw / (hb * 100) : nan;
            case "rdwi" -> hasRbc && !Double.isNaN(rdw) ? mcv * rdw / rbc : nan;
            case "sirdah" -> hasRbc && !Double.isNaN(hb) ? mcv - rbc - 3 * hb : nan;
            case "ehsani" -> hasRbc ? mcv - 10 * rbc : nan;
            case "shine-lal" -> !Double.isNaN(mch) ? mcv * mcv * mch / 100 : nan;
            case "srivastava" -> hasRbc && !Double.isNaN(mch) ? mch / rbc : nan;
            case "ricerca" -> hasRbc && !Double.isNaN(rdw) ? rdw / rbc : nan;
            case "rbc-count" -> hasRbc ? rbc : nan;
            default -> nan;
        };
    }

    boolean leansThalassemia() {
        return !suppressed && thalVotes >= 2 && thalVotes > idVotes;
    }

    boolean leansIronDeficiency() {
        return !suppressed && idVotes >= 2 && idVotes > thalVotes;
    }

    /** One sentence saying where the indices lean (worded on demand: most evaluations never show it). */
    String leanText(KnowledgeView k) {
        if (indices.isEmpty()) {
            return k.wording(suppressed ? Wording.INDICES_NOT_COMPUTED_TRANSFUSION : Wording.INDICES_NOT_COMPUTABLE)
                    .render();
        }
        String total = Integer.toString(thalVotes + idVotes);
        if (leansThalassemia()) {
            return k.wording(Wording.INDICES_LEAN_THALASSEMIA)
                    .render(Integer.toString(thalVotes), total, ValueFormat.evidence(mentzer));
        }
        if (leansIronDeficiency()) {
            return Double.isNaN(mentzer)
                    ? k.wording(Wording.INDICES_LEAN_IRON_DEFICIENCY_NO_MENTZER)
                            .render(Integer.toString(idVotes), total)
                    : k.wording(Wording.INDICES_LEAN_IRON_DEFICIENCY)
                            .render(Integer.toString(idVotes), total, ValueFormat.evidence(mentzer));
        }
        return k.wording(Wording.INDICES_SPLIT).render(Integer.toString(thalVotes), Integer.toString(idVotes));
    }
}

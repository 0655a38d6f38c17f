package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.knowledge.rules.Threshold;
import java.util.List;

/**
 * Whether Hb and MCV are unchanged against the blood count before the current one: each differs from its previous
 * value by less than its reference change value (the change two serial results need to differ significantly, from the
 * within-subject and analytical variation; Fraser et al., Am J Clin Pathol 1989, doi:10.1093/ajcp/92.4.465).
 */
final class IndexStability {

    private IndexStability() {}

    static boolean stable(KnowledgeView k, LabPanel panel, LabValue hb, LabValue mcv) {
        return unchanged(panel, hb, k.hbStableChange) && unchanged(panel, mcv, k.mcvStableChange);
    }

    private static boolean unchanged(LabPanel panel, LabValue current, Threshold change) {
        if (current == null || current.effective() == null) {
            return false;
        }
        Analyte analyte = current.analyte();
        List<LabValue> series = panel.series(analyte);
        for (int i = series.size() - 1; i >= 0; i--) {
            LabValue v = series.get(i);
            if (v.effective() != null && v.effective().isBefore(current.effective()) && Double.isFinite(v.value())) {
                return change.test(Math.abs(current.value() - v.value()));
            }
        }
        return false;
    }
}

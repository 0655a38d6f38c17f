package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An oral iron absorption test: two serum iron values a few hours apart. A rise below 15 umol/L (84 ug/dL) is poor
 * absorption (Loveikyte et al. 2023); the pre-dose value is the one read for TSAT.
 *
 * @param before the pre-dose serum iron
 * @param after the post-dose serum iron
 * @param adequate whether the rise shows adequate absorption
 * @param evidence the test as evidence
 */
record OralIronAbsorption(LabValue before, LabValue after, boolean adequate, Evidence evidence) {

    /** The latest such pair, or null when the series has none. */
    static OralIronAbsorption of(LabPanel panel, KnowledgeView k, Instant evalEnd) {
        List<LabValue> series = panel.series(Analyte.IRON);
        for (int i = series.size() - 1; i > 0; i--) {
            LabValue after = series.get(i);
            LabValue before = series.get(i - 1);
            if (after.effective() == null
                    || before.effective() == null
                    || after.effective().isAfter(evalEnd)) {
                continue;
            }
            long minutes =
                    Duration.between(before.effective(), after.effective()).toMinutes();
            if (minutes > 0 && minutes <= 6 * 60 && after.value() > before.value() - 0.001) {
                double rise = after.value() - before.value();
                boolean adequate = k.oiatAdequate.test(rise);
                Evidence evidence = new Evidence(
                        "Oral iron absorption test: serum iron rose " + ValueFormat.evidence(rise) + " ug/dL ("
                                + ValueFormat.evidence(before.value()) + " → " + ValueFormat.evidence(after.value())
                                + ") "
                                + (adequate ? ">= " : "< ") + ValueFormat.evidence(k.oiatAdequate.value())
                                + " ug/dL (" + (adequate ? "adequate absorption" : "poor absorption") + ")",
                        Analyte.IRON,
                        rise,
                        "ug/dL",
                        adequate ? ">=" : "<",
                        k.oiatAdequate.value(),
                        k.oiatAdequate.sourceId(),
                        after.sourceId());
                return new OralIronAbsorption(before, after, adequate, evidence);
            }
        }
        return null;
    }
}

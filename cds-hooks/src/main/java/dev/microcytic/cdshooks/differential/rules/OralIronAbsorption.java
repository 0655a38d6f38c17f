package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.ValueFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An oral iron absorption test: a documented oral iron dose (its amount and the time it was taken) with a serum iron
 * drawn shortly before it and one about 4 hours after it. A rise below 15 umol/L (84 ug/dL) is poor absorption
 * (Kloepfer et al., Swiss Med Wkly 2015: 200 mg ferrous fumarate fasting, plasma iron at 0, 2 and 4 h); the pre-dose
 * value is the one read for TSAT. Two serum irons a few hours apart without a documented dose are not a test.
 *
 * @param before the pre-dose serum iron
 * @param after the post-dose serum iron
 * @param adequate whether the rise shows adequate absorption
 * @param evidence the test as evidence
 */
record OralIronAbsorption(LabValue before, LabValue after, boolean adequate, Evidence evidence) {

    /** The latest test (a documented dose with a serum iron before and after it), or null when there is none. */
    static OralIronAbsorption of(LabPanel panel, KnowledgeView k, Instant evalEnd, List<MedicationExposure> meds) {
        MedicationExposure dose = null;
        for (MedicationExposure m : meds) {
            if (m != null
                    && m.medication() == MedicationClass.ORAL_IRON
                    && m.documentedDose()
                    && !m.takenAt().isAfter(evalEnd)
                    && (dose == null || m.takenAt().isAfter(dose.takenAt()))) {
                dose = m;
            }
        }
        if (dose == null) {
            return null;
        }
        Instant taken = dose.takenAt();
        LabValue before = null;
        LabValue after = null;
        for (LabValue v : panel.series(Analyte.IRON)) {
            if (v.effective() == null
                    || !Double.isFinite(v.value())
                    || v.effective().isAfter(evalEnd)) {
                continue;
            }
            long minutes = Duration.between(taken, v.effective()).toMinutes();
            if (minutes <= 0 && -minutes <= k.oiatPreDoseEarliest.value()) {
                before = v; // the series is oldest first: the last one before the dose is the closest
            } else if (k.oiatPostDoseEarliest.test(minutes) && k.oiatPostDoseLatest.test(minutes) && after == null) {
                after = v;
            }
        }
        if (before == null || after == null) {
            return null;
        }
        double rise = after.value() - before.value();
        boolean adequate = k.oiatAdequate.test(rise);
        long minutes = Duration.between(taken, after.effective()).toMinutes();
        Evidence evidence = new Evidence(
                k.wording(adequate ? Wording.OIAT_ADEQUATE : Wording.OIAT_POOR)
                        .render(
                                ValueFormat.evidence(rise),
                                ValueFormat.evidence(before.value()),
                                ValueFormat.evidence(after.value()),
                                Long.toString(minutes),
                                ValueFormat.evidence(dose.doseMg()),
                                ValueFormat.evidence(k.oiatAdequate.value())),
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

package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.knowledge.rules.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hb response to oral iron and to pyridoxine, from serial hemoglobin values.
 *
 * @param oralIron the response to oral iron (NONE without a course)
 * @param oralIronEvidence the baseline and follow-up Hb as evidence, or null
 * @param pyridoxine the response to pyridoxine (NONE without a course)
 * @param pyridoxineEvidence the baseline and follow-up Hb as evidence, or null
 * @param used the Hb values the responses read, in the order read
 */
record TreatmentResponses(
        Workup.Response oralIron,
        Evidence oralIronEvidence,
        Workup.Response pyridoxine,
        Evidence pyridoxineEvidence,
        List<LabValue> used) {

    static final TreatmentResponses NONE =
            new TreatmentResponses(Workup.Response.NONE, null, Workup.Response.NONE, null, List.of());

    /** One response: its verdict and the baseline and follow-up values it compared (either may be null). */
    private record Reading(Workup.Response response, LabValue baseline, LabValue followUp) {}

    static TreatmentResponses of(
            KnowledgeView k, EngineSettings s, LabPanel panel, Exposures exposures, Instant evalEnd) {
        if (exposures.oralIron() == null && exposures.pyridoxine() == null) {
            return NONE;
        }
        boolean donker = s.oralIronCriterion() == EngineSettings.OralIronCriterion.DONKER_2016;
        Threshold rise = donker ? k.oralIronDonkerRise : k.oralIronBsgRise;
        Threshold days = donker ? k.oralIronDonkerDays : k.oralIronBsgDays;
        List<LabValue> used = new ArrayList<>(4);
        Workup.Response oralIron = Workup.Response.NONE;
        Evidence oralIronEvidence = null;
        Workup.Response pyridoxine = Workup.Response.NONE;
        Evidence pyridoxineEvidence = null;
        if (exposures.oralIron() != null) {
            Reading r = response(
                    panel,
                    exposures.oralIron(),
                    rise.value(),
                    (int) days.value(),
                    evalEnd,
                    exposures.afterTransfusion());
            oralIron = r.response();
            oralIronEvidence = evidence("oral iron", exposures.oralIron(), rise, days, r, used);
        }
        if (exposures.pyridoxine() != null) {
            Reading r = response(
                    panel,
                    exposures.pyridoxine(),
                    k.pyridoxineRise.value(),
                    (int) days.value(),
                    evalEnd,
                    exposures.afterTransfusion());
            pyridoxine = r.response();
            pyridoxineEvidence = evidence("pyridoxine", exposures.pyridoxine(), k.pyridoxineRise, days, r, used);
        }
        return new TreatmentResponses(oralIron, oralIronEvidence, pyridoxine, pyridoxineEvidence, List.copyOf(used));
    }

    /**
     * The Hb response to a treatment from serial values: the latest Hb on or before the start (within 90 days) is the
     * baseline; a rise of at least {@code minRise} at any later point is a response; no such rise at least {@code
     * minDays} after the start is refractoriness. An Hb drawn inside a transfusion's window is neither a baseline nor a
     * follow-up: the donor cells, not the treatment, set it (Donker et al., Blood 2014).
     */
    private static Reading response(
            LabPanel panel,
            MedicationExposure exposure,
            double minRise,
            int minDays,
            Instant evalEnd,
            List<Exposures.Span> transfused) {
        if (exposure.start() == null) {
            return new Reading(Workup.Response.NO_DATA, null, null);
        }
        Instant start = exposure.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant baselineFrom = start.minus(Duration.ofDays(90));
        List<LabValue> hbs = panel.series(Analyte.HEMOGLOBIN);
        LabValue baseline = null;
        for (LabValue v : hbs) {
            if (v.effective() == null || !Double.isFinite(v.value()) || Exposures.inAny(transfused, v.effective())) {
                continue;
            }
            if (!v.effective().isAfter(start.plus(Duration.ofDays(1)))
                    && !v.effective().isBefore(baselineFrom)) {
                if (!v.effective().isAfter(start) || baseline == null) {
                    baseline = v;
                }
            }
        }
        if (baseline == null) {
            return new Reading(Workup.Response.NO_DATA, null, null);
        }
        Workup.Response result = Workup.Response.NO_DATA;
        LabValue best = null;
        for (LabValue v : hbs) {
            if (v.effective() == null
                    || !Double.isFinite(v.value())
                    || !v.effective().isAfter(baseline.effective())
                    || v.effective().isAfter(evalEnd)
                    || Exposures.inAny(transfused, v.effective())) {
                continue;
            }
            long elapsed = Duration.between(start, v.effective()).toDays();
            double delta = v.value() - baseline.value();
            if (delta >= minRise - 1e-9 && elapsed >= 7) {
                return new Reading(Workup.Response.RESPONSIVE, baseline, v);
            }
            if (elapsed >= minDays) {
                result = Workup.Response.REFRACTORY;
                best = v;
            } else if (result != Workup.Response.REFRACTORY) {
                result = Workup.Response.TOO_EARLY;
                best = v;
            }
        }
        return new Reading(result, baseline, best);
    }

    private static Evidence evidence(
            String what,
            MedicationExposure exposure,
            Threshold rise,
            Threshold days,
            Reading reading,
            List<LabValue> used) {
        LabValue baseline = reading.baseline();
        LabValue followUp = reading.followUp();
        if (baseline == null || followUp == null) {
            return null;
        }
        used.add(baseline);
        used.add(followUp);
        double delta = followUp.value() - baseline.value();
        long elapsed = Duration.between(
                        exposure.start().atStartOfDay(ZoneOffset.UTC).toInstant(), followUp.effective())
                .toDays();
        String verdict =
                switch (reading.response()) {
                    case RESPONSIVE -> "responsive";
                    case REFRACTORY -> "refractory: rise < " + ValueFormat.evidence(rise.value()) + " g/dL after ≥ "
                            + ValueFormat.evidence(days.value()) + " days";
                    default -> "too early to judge";
                };
        return new Evidence(
                "Hb " + ValueFormat.evidence(baseline.value()) + " → " + ValueFormat.evidence(followUp.value())
                        + " g/dL ("
                        + (delta >= 0 ? "+" : "") + ValueFormat.evidence(delta) + ") " + elapsed
                        + " days after starting "
                        + what + " (" + verdict + ")",
                Analyte.HEMOGLOBIN,
                delta,
                "g/dL",
                reading.response() == Workup.Response.RESPONSIVE ? ">=" : "<",
                rise.value(),
                rise.sourceId(),
                followUp.sourceId());
    }
}

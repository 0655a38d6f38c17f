package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.Analyte;
import java.time.Instant;

/**
 * One normalised laboratory result: the value is already in {@link Analyte#canonicalUnit()}.
 *
 * @param analyte what was measured
 * @param value the value in the analyte's canonical unit
 * @param effective when the specimen was taken (or the result issued when no collection time is known)
 * @param sourceId a reference to the source record (e.g. {@code Observation/123}), kept for provenance; may be null
 *     for values the adapter derived (e.g. TSAT computed from iron and TIBC)
 * @param referenceLow the lab's own lower reference limit in the canonical unit, or null
 * @param referenceHigh the lab's own upper reference limit in the canonical unit, or null
 * @param derived true when the value was computed rather than reported
 */
public record LabValue(
        Analyte analyte,
        double value,
        Instant effective,
        String sourceId,
        Double referenceLow,
        Double referenceHigh,
        boolean derived) {

    public static LabValue of(Analyte analyte, double value, Instant effective) {
        return new LabValue(analyte, value, effective, null, null, null, false);
    }

    public String unit() {
        return analyte.canonicalUnit();
    }
}

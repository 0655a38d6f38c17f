package dev.microcytic.bench.growth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated patient and the lab results a laboratory sends for them, oldest first.
 *
 * @param index position in the generated sequence (from 0)
 * @param id the Patient's resource id
 * @param serial whether the results span two visits months apart
 */
public record SyntheticPatient(
        long index,
        String id,
        SyntheticCause cause,
        boolean female,
        LocalDate birthDate,
        boolean serial,
        List<LabResult> labs) {

    /** One result: the value in the analyte's UCUM unit, taken at {@code effective}. */
    public record LabResult(LabAnalyte analyte, double value, Instant effective) {}

    public int observationCount() {
        return labs.size();
    }
}

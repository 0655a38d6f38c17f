package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.MedicationClass;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A period on a medication of interest, or one documented dose.
 *
 * @param medication the group
 * @param start the first known date of exposure, or null when unknown
 * @param end the last date of exposure, or null while ongoing or unknown
 * @param active true when the record says the patient is still taking it
 * @param takenAt the documented time of a single dose (an oral iron absorption test's dose), or null
 * @param doseMg the documented dose in mg, or null when not recorded
 */
public record MedicationExposure(
        MedicationClass medication, LocalDate start, LocalDate end, boolean active, Instant takenAt, Double doseMg) {

    /** A period without a documented single dose. */
    public MedicationExposure(MedicationClass medication, LocalDate start, LocalDate end, boolean active) {
        this(medication, start, end, active, null, null);
    }

    /** Whether this is one dose with its time and amount documented. */
    public boolean documentedDose() {
        return takenAt != null && doseMg != null && doseMg > 0;
    }
}

package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.MedicationClass;
import java.time.LocalDate;

/**
 * A period on a medication of interest.
 *
 * @param medication the group
 * @param start the first known date of exposure, or null when unknown
 * @param end the last date of exposure, or null while ongoing or unknown
 * @param active true when the record says the patient is still taking it
 */
public record MedicationExposure(MedicationClass medication, LocalDate start, LocalDate end, boolean active) {}

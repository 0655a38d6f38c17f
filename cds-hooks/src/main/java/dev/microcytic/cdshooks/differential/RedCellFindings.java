package dev.microcytic.cdshooks.differential;

import java.util.List;

/**
 * The first step of the workup: is there anemia, microcytosis, hypochromia, by which cut-offs.
 *
 * @param anemia hemoglobin below the WHO cut-off for age, sex and pregnancy
 * @param microcytosis MCV below the age-specific lower limit (or the lab's own range)
 * @param hypochromia MCH below its lower limit
 * @param evidence the comparisons that decided each finding
 */
public record RedCellFindings(boolean anemia, boolean microcytosis, boolean hypochromia, List<Evidence> evidence) {

    public RedCellFindings {
        evidence = List.copyOf(evidence);
    }

    /** Whether the differential applies at all: microcytosis with or without anemia. */
    public boolean microcytic() {
        return microcytosis;
    }
}

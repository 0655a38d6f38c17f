package dev.microcytic.terminology;

import java.util.Objects;

/**
 * One LOINC code the service reads and the analyte it means.
 *
 * @param loinc the LOINC code (system {@value LabConcepts#LOINC})
 * @param analyte what the value means
 * @param display the abridged LOINC long name (clinical brief §4.1)
 * @param verification how the code-to-meaning link was verified (brief §4.1 key: V2, V1; or the review id, e.g.
 *     "review C18")
 */
public record LabConcept(String loinc, Analyte analyte, String display, String verification) {

    public LabConcept {
        Objects.requireNonNull(loinc, "loinc");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(verification, "verification");
    }
}

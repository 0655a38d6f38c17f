package dev.microcytic.terminology;

import java.util.Objects;

/**
 * One LOINC code the service reads and the analyte it means.
 *
 * @param loinc the LOINC code (system {@value LabConcepts#LOINC})
 * @param analyte what the value means
 * @param display the abridged LOINC long name (loinc.org)
 * @param verification how the code-to-meaning link was checked, in the words the knowledge package README defines
 *     (e.g. "two public mappings", "LOINC entry checked")
 */
public record LabConcept(String loinc, Analyte analyte, String display, String verification) {

    public LabConcept {
        Objects.requireNonNull(loinc, "loinc");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(verification, "verification");
    }
}

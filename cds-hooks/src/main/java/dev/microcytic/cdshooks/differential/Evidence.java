package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.Analyte;

/**
 * One fact that argues for or against a cause: a value compared with a sourced threshold, or a clinical finding.
 *
 * @param statement a short human-readable sentence, e.g. "Ferritin 6 ng/mL < 15 ng/mL (absent iron stores)"
 * @param analyte the analyte compared, or null for a non-lab finding (a condition, a medication, an index)
 * @param value the patient's value in the analyte's canonical unit, or null
 * @param unit the unit of value and threshold
 * @param comparator how value relates to threshold: "<", "<=", ">", ">=", or null
 * @param threshold the cut-off compared against, or null
 * @param sourceId the knowledge-package reference id the threshold comes from (e.g. "who-2020")
 * @param labValueRef the source record of the value (e.g. "Observation/123"), or null
 */
public record Evidence(
        String statement,
        Analyte analyte,
        Double value,
        String unit,
        String comparator,
        Double threshold,
        String sourceId,
        String labValueRef) {

    /** A finding that is not a lab comparison (a condition, a medication, a history item). */
    public static Evidence finding(String statement, String sourceId) {
        return new Evidence(statement, null, null, null, null, null, sourceId, null);
    }
}

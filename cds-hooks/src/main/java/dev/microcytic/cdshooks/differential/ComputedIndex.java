package dev.microcytic.cdshooks.differential;

/**
 * A red-cell discrimination index computed from the CBC (Vehapoglu 2014; Hoffmann 2015), with its published performance.
 *
 * @param code the index id in the knowledge package (e.g. "mentzer")
 * @param name display name (e.g. "Mentzer index")
 * @param formula the formula as text (e.g. "MCV / RBC")
 * @param value the computed value
 * @param cutoff the published cut-off
 * @param favours "thalassemia-trait" or "iron-deficiency": which way this value leans
 * @param sensitivity published sensitivity for beta-thalassaemia trait (0–100), or null
 * @param specificity published specificity (0–100), or null
 * @param sourceId the knowledge-package reference id of the performance figures
 */
public record ComputedIndex(
        String code,
        String name,
        String formula,
        double value,
        double cutoff,
        String favours,
        Double sensitivity,
        Double specificity,
        String sourceId) {}

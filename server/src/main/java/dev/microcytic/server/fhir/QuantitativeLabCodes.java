package dev.microcytic.server.fhir;

/**
 * Which Observation codes are numeric laboratory results, i.e. must carry their value as a {@code valueQuantity}.
 * The ingest rules ask this; the answer should match what the differential reads as a number.
 */
@FunctionalInterface
public interface QuantitativeLabCodes {

    /** Whether an Observation (or component) coded {@code system|code} must hold its value as a Quantity. */
    boolean isQuantitative(String system, String code);
}

package dev.microcytic.terminology.knowledge;

import java.util.Objects;

/**
 * A suggested next test (contract §7), as defined in the {@code microcytic-test} CodeSystem of the knowledge package.
 *
 * @param code the contract code, e.g. {@code hemoglobin-fractionation}
 * @param display short human-readable name
 * @param loinc a LOINC orderable verified by the clinical brief §4.3 or its review, or null when none is verified
 * @param description what the test is and why it is suggested
 */
public record TestDefinition(String code, String display, String loinc, String description) {
    public TestDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(description, "description");
    }
}

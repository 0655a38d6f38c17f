package dev.microcytic.terminology.knowledge;

import java.util.Objects;

/**
 * A suggested next test, as defined in the {@code microcytic-test} CodeSystem of the knowledge package.
 *
 * @param code the test code, e.g. {@code hemoglobin-fractionation}
 * @param display short human-readable name
 * @param loinc a LOINC orderable whose code and meaning were checked (two public mappings), or null when none is
 * @param description what the test is and why it is suggested
 */
public record TestDefinition(String code, String display, String loinc, String description) {
    public TestDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(description, "description");
    }
}

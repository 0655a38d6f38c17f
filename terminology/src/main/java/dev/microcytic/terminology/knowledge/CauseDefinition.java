package dev.microcytic.terminology.knowledge;

import java.util.Objects;

/**
 * A cause of the differential, as defined in the {@code microcytic-cause} CodeSystem of the knowledge
 * package.
 *
 * @param code the cause code, e.g. {@code iron-deficiency}
 * @param display short human-readable name
 * @param definition what the code means clinically
 */
public record CauseDefinition(String code, String display, String definition) {
    public CauseDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(definition, "definition");
    }
}

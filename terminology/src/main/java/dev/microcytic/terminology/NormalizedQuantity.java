package dev.microcytic.terminology;

import java.util.Objects;

/**
 * A lab value after unit normalisation to its analyte's canonical UCUM unit ({@link QuantityNormalizer}).
 *
 * @param analyte what the value means
 * @param value in {@link Analyte#canonicalUnit()} when {@link #usable()} or {@link Status#IMPLAUSIBLE} after a
 *     successful conversion; otherwise the value as sent
 * @param status how the value was obtained
 * @param reason why the value is not usable or how it was converted; null for {@link Status#OK}
 */
public record NormalizedQuantity(Analyte analyte, double value, Status status, String reason) {

    public NormalizedQuantity {
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(status, "status");
    }

    /** Outcome of the normalisation. */
    public enum Status {
        /** Sent in the canonical unit (or a known spelling of it). */
        OK,
        /** Converted from another unit (UCUM or the molar-mass table); the reason names the source unit. */
        CONVERTED,
        /** Missing unit, a spelling that is neither UCUM nor a known lab spelling, or a unit of another dimension. */
        UNKNOWN_UNIT,
        /** A unit whose conversion depends on the assay (sTfR in nmol/L, hepcidin in ng/mL, ferritin in pmol/L). */
        ASSAY_SPECIFIC,
        /** Negative, not a number, or outside the physiologically possible range; the reason says which. */
        IMPLAUSIBLE
    }

    /** True when the engine may use {@link #value()} (status OK or CONVERTED). */
    public boolean usable() {
        return status == Status.OK || status == Status.CONVERTED;
    }
}

package dev.microcytic.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * Thin, thread-safe facade over {@code org.fhir:ucum} with the bundled {@code ucum-essence.xml}: validation,
 * comparability and multiplicative conversion factors (cached; all lab units here are ratio scales, no offsets).
 */
final class UcumUnits {

    private static final String ONE = "1.000000000000";

    private final UcumService ucum;
    private final Map<String, OptionalDouble> factors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> validity = new ConcurrentHashMap<>();

    private UcumUnits(UcumService ucum) {
        this.ucum = ucum;
    }

    static UcumUnits bundled() {
        try (InputStream essence = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
            if (essence == null) {
                throw new IllegalStateException("ucum-essence.xml not on the classpath (org.fhir:ucum)");
            }
            return new UcumUnits(new UcumEssenceService(essence));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UcumException e) {
            throw new IllegalStateException("Cannot load UCUM essence", e);
        }
    }

    boolean valid(String unit) {
        return validity.computeIfAbsent(unit, u -> {
            synchronized (ucum) {
                return ucum.validate(u) == null;
            }
        });
    }

    /** True when both units are valid and share a canonical form (same dimension). */
    boolean comparable(String from, String to) {
        return factor(from, to).isPresent();
    }

    /** The factor f such that {@code value[from] * f = value[to]}, or empty when UCUM cannot convert. */
    OptionalDouble factor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1.0);
        }
        return factors.computeIfAbsent(from + "\u0000" + to, key -> compute(from, to));
    }

    private OptionalDouble compute(String from, String to) {
        if (!valid(from) || !valid(to)) {
            return OptionalDouble.empty();
        }
        synchronized (ucum) {
            try {
                Decimal converted = ucum.convert(new Decimal(ONE), from, to);
                return OptionalDouble.of(Double.parseDouble(converted.asDecimal()));
            } catch (UcumException | RuntimeException e) {
                // Different canonical forms (e.g. ug/dL vs umol/L): not a UCUM conversion.
                return OptionalDouble.empty();
            }
        }
    }
}

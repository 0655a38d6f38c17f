package dev.microcytic.server.fhir;

import ca.uhn.fhir.jpa.model.util.UcumServiceUtil;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.Pair;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * HAPI's UCUM service with a fast path for indexing normalized quantities.
 *
 * <p>Why: HAPI converts every indexed quantity (value-quantity and the three Observation composites, so four times per
 * lab result) to UCUM canonical form with the {@code ucum} library, whose string-digit {@link Decimal} arithmetic
 * expands the unit definition and multiplies step by step on every call. That was ~40 % of the server's CPU during
 * lab ingest. Canonical form is linear for every non-special unit, so here each unit's factor and canonical code are
 * computed once with the library and a value is multiplied with {@link BigDecimal} (exact, like the library).
 *
 * <p>The fast path is taken only when HAPI's search parameter extractor asks, because it keeps only the number
 * ({@code Double.parseDouble(asDecimal())}) and the code. Searches ({@code toCanonicalQuantityOrNull}) and in-memory
 * matching also read the library's precision (trailing zeros set HAPI's match tolerance), so they keep the library's
 * own answer. A unit is cached only if the fast result equals the library's for probe values of several precisions;
 * otherwise (special units such as Cel, which HAPI handles before calling, or any unit that fails the probe) every call
 * goes to the library.
 */
public final class IndexingUcumService extends UcumEssenceService {

    private static final String EXTRACTOR = "ca.uhn.fhir.jpa.searchparam.extractor.BaseSearchParamExtractor";
    private static final List<String> PROBES = List.of("1", "7", "7.1", "0.0725", "123.456", "98765.4321");
    private static final StackWalker STACK = StackWalker.getInstance();

    /** A unit's canonical form per 1: canonical value = value × multiplier. */
    private record Factor(BigDecimal multiplier, String code) {}

    // Keyed by the unit strings clients send, so bounded: a cache keyed by client input must not grow without limit.
    private final Cache<String, Optional<Factor>> factors =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final AtomicLong fastConversions = new AtomicLong();

    public IndexingUcumService(InputStream essence) throws UcumException {
        super(essence);
    }

    /**
     * Installs a new instance as HAPI's UCUM service ({@code UcumServiceUtil} has no setter; its static field is
     * only initialised when null, so setting it first is enough) and returns it.
     */
    public static IndexingUcumService install() {
        try (InputStream essence = UcumServiceUtil.class.getResourceAsStream("/ucum-essence.xml")) {
            if (essence == null) {
                throw new IllegalStateException("ucum-essence.xml not on the class path");
            }
            IndexingUcumService service = new IndexingUcumService(essence);
            Field field = UcumServiceUtil.class.getDeclaredField("myUcumEssenceService");
            field.setAccessible(true);
            synchronized (UcumServiceUtil.class) {
                field.set(null, service);
            }
            return service;
        } catch (IOException | UcumException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot install the indexing UCUM service", e);
        }
    }

    @Override
    public Pair getCanonicalForm(Pair value) throws UcumException {
        if (value == null || value.getValue() == null || value.getCode() == null || !calledByIndexer()) {
            return super.getCanonicalForm(value);
        }
        Optional<Pair> fast = indexForm(value);
        return fast.isPresent() ? fast.get() : super.getCanonicalForm(value);
    }

    /** The fast canonical form (number and code as the library's), or empty when the unit must go to the library. */
    Optional<Pair> indexForm(Pair value) throws UcumException {
        Optional<Factor> factor = factors.get(value.getCode(), this::factor);
        if (factor.isEmpty()) {
            return Optional.empty();
        }
        fastConversions.incrementAndGet();
        return Optional.of(
                new Pair(fast(value.getValue(), factor.get()), factor.get().code()));
    }

    /** How many conversions took the fast path (tests check that indexing uses it). */
    public long fastConversions() {
        return fastConversions.get();
    }

    private static Decimal fast(Decimal value, Factor factor) throws UcumException {
        return new Decimal(
                new BigDecimal(value.asDecimal()).multiply(factor.multiplier()).toPlainString());
    }

    private Optional<Factor> factor(String unit) {
        try {
            Pair one = super.getCanonicalForm(new Pair(new Decimal("1"), unit));
            if (one == null || one.getValue() == null || one.getCode() == null) {
                return Optional.empty();
            }
            Factor factor = new Factor(new BigDecimal(one.getValue().asDecimal()), one.getCode());
            for (String probe : PROBES) {
                BigDecimal v = new BigDecimal(probe);
                Pair exact = super.getCanonicalForm(new Pair(new Decimal(v.toPlainString(), v.precision()), unit));
                if (exact == null
                        || !factor.code().equals(exact.getCode())
                        || Double.parseDouble(exact.getValue().asDecimal())
                                != Double.parseDouble(fast(exact(v), factor).asDecimal())) {
                    return Optional.empty();
                }
            }
            return Optional.of(factor);
        } catch (UcumException | RuntimeException e) {
            // Unknown or special unit: the library decides (and fails) as before.
            return Optional.empty();
        }
    }

    private static Decimal exact(BigDecimal v) throws UcumException {
        return new Decimal(v.toPlainString(), v.precision());
    }

    /** Frames: 0 this method, 1 getCanonicalForm, 2 UcumServiceUtil.getCanonicalForm, 3 the code that asked. */
    private static boolean calledByIndexer() {
        return STACK.walk(frames -> frames.skip(3)
                .findFirst()
                .map(frame -> EXTRACTOR.equals(frame.getClassName()))
                .orElse(false));
    }
}

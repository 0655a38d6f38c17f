package dev.microcytic.terminology;

import dev.microcytic.terminology.NormalizedQuantity.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Converts a lab value in any common unit to its analyte's {@link Analyte#canonicalUnit() canonical UCUM unit}, so the
 * engine never sees a raw quantity. UCUM (org.fhir.ucum) converts within a dimension; it has no analyte molar masses,
 * so mass-to-molar conversions use the analyte's molar mass from {@link QuantityRule}.
 *
 * <p>Order of decisions: unit spelling ({@link UnitSpellings}, then UCUM as sent), negative or non-finite values,
 * assay-specific units (flagged, never converted), UCUM conversion ({@code org.fhir:ucum}), then molar &lt;-&gt; mass
 * with the molar-mass table (UCUM has no analyte molar masses), then the plausibility range. Instances are immutable
 * and thread-safe.
 */
public final class QuantityNormalizer {

    private static final QuantityNormalizer STANDARD =
            new QuantityNormalizer(UcumUnits.bundled(), UnitSpellings.standard(), QuantityRule.standard());

    /** Mass/amount dimension pairs between which a molar mass converts (concentration, entitic, per time). */
    private static final String[][] MASS_MOLAR_PAIRS = {{"g/L", "mol/L"}, {"g", "mol"}, {"g/d", "mol/d"}};

    private final UcumUnits ucum;
    private final UnitSpellings spellings;
    private final Map<Analyte, QuantityRule> rules;

    private QuantityNormalizer(UcumUnits ucum, UnitSpellings spellings, Map<Analyte, QuantityRule> rules) {
        this.ucum = ucum;
        this.spellings = spellings;
        this.rules = rules;
        for (Analyte analyte : Analyte.values()) {
            if (!rules.containsKey(analyte)) {
                throw new IllegalStateException("No quantity rule for " + analyte);
            }
            if (!ucum.valid(analyte.canonicalUnit())) {
                throw new IllegalStateException("Canonical unit of " + analyte + " is not UCUM");
            }
        }
    }

    /** The bundled normaliser (shared, thread-safe). */
    public static QuantityNormalizer standard() {
        return STANDARD;
    }

    /**
     * The UCUM code a unit spelling means: a known lab spelling first, else the spelling itself when it is valid UCUM.
     */
    public Optional<String> ucumCode(String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = spellings.ucumFor(unit);
        if (known.isPresent()) {
            return known;
        }
        String compact = UnitSpellings.compact(unit);
        return ucum.valid(compact) ? Optional.of(compact) : Optional.empty();
    }

    /**
     * Normalises one value.
     *
     * @param analyte what the value means (from {@link LabConcepts})
     * @param value the number as sent
     * @param ucumCode the unit as sent (UCUM or a common lab spelling); null or blank gives UNKNOWN_UNIT
     */
    public NormalizedQuantity normalize(Analyte analyte, double value, String ucumCode) {
        QuantityRule rule = rules.get(analyte);
        if (!Double.isFinite(value)) {
            return new NormalizedQuantity(analyte, value, Status.IMPLAUSIBLE, "value is not a finite number");
        }
        Optional<String> resolved = ucumCode(ucumCode);
        if (resolved.isEmpty()) {
            String reason = ucumCode == null || ucumCode.isBlank()
                    ? "no unit given (expected " + analyte.canonicalUnit() + ")"
                    : "unit '" + ucumCode + "' is neither UCUM nor a known lab spelling";
            return new NormalizedQuantity(analyte, value, Status.UNKNOWN_UNIT, reason);
        }
        String unit = rule.unitEquivalents().getOrDefault(resolved.get(), resolved.get());
        if (value < 0) {
            return new NormalizedQuantity(
                    analyte, value, Status.IMPLAUSIBLE, "negative value " + format(value) + " " + unit);
        }
        for (Map.Entry<String, String> assay : rule.assaySpecific().entrySet()) {
            if (ucum.comparable(unit, assay.getKey())) {
                return new NormalizedQuantity(
                        analyte, value, Status.ASSAY_SPECIFIC, assay.getValue() + " (sent in " + unit + ")");
            }
        }
        OptionalDouble converted = convert(analyte, rule, value, unit);
        if (converted.isEmpty()) {
            return new NormalizedQuantity(
                    analyte,
                    value,
                    Status.UNKNOWN_UNIT,
                    "unit " + unit + " cannot express " + display(analyte) + " (expected " + analyte.canonicalUnit()
                            + ")");
        }
        double canonical = converted.getAsDouble();
        String implausible = implausibility(analyte, rule, canonical);
        if (implausible != null) {
            return new NormalizedQuantity(analyte, canonical, Status.IMPLAUSIBLE, implausible);
        }
        if (unit.equals(analyte.canonicalUnit())) {
            return new NormalizedQuantity(analyte, canonical, Status.OK, null);
        }
        return new NormalizedQuantity(
                analyte,
                canonical,
                Status.CONVERTED,
                "converted from " + format(value) + " " + unit + " to " + analyte.canonicalUnit());
    }

    private OptionalDouble convert(Analyte analyte, QuantityRule rule, double value, String unit) {
        String canonical = analyte.canonicalUnit();
        if (!rule.ratioUnits().isEmpty()) {
            // Dimensionless: only the listed units, never "any ratio to any ratio".
            if (!rule.ratioUnits().contains(unit)) {
                return OptionalDouble.empty();
            }
            if (analyte == Analyte.HBA1C && unit.equals("mmol/mol")) {
                // IFCC mmol/mol to NGSP % is an affine master equation, not a unit factor (IFCC-NGSP master equation:
                // NGSP % = IFCC / 10.929 + 2.15).
                return OptionalDouble.of(value / 10.929 + 2.15);
            }
        }
        OptionalDouble direct = ucum.factor(unit, canonical);
        if (direct.isPresent()) {
            return OptionalDouble.of(value * direct.getAsDouble());
        }
        if (rule.molarMass() == null) {
            return OptionalDouble.empty();
        }
        double molarMass = rule.molarMass();
        for (String[] pair : MASS_MOLAR_PAIRS) {
            String mass = pair[0];
            String molar = pair[1];
            OptionalDouble toMolar = ucum.factor(unit, molar);
            OptionalDouble massToCanonical = ucum.factor(mass, canonical);
            if (toMolar.isPresent() && massToCanonical.isPresent()) {
                return OptionalDouble.of(value * toMolar.getAsDouble() * molarMass * massToCanonical.getAsDouble());
            }
            OptionalDouble toMass = ucum.factor(unit, mass);
            OptionalDouble molarToCanonical = ucum.factor(molar, canonical);
            if (toMass.isPresent() && molarToCanonical.isPresent()) {
                return OptionalDouble.of(value * toMass.getAsDouble() / molarMass * molarToCanonical.getAsDouble());
            }
        }
        return OptionalDouble.empty();
    }

    private static String implausibility(Analyte analyte, QuantityRule rule, double canonical) {
        if (canonical >= rule.plausibleMin() && canonical <= rule.plausibleMax()) {
            return null;
        }
        String unit = analyte.canonicalUnit();
        String base = display(analyte) + " " + format(canonical) + " " + unit + " is outside the possible range "
                + format(rule.plausibleMin()) + "-" + format(rule.plausibleMax()) + " " + unit;
        double tenth = canonical / 10;
        if (rule.largerUnitHint() != null && tenth >= rule.plausibleMin() && tenth <= rule.plausibleMax()) {
            return base + "; probably reported in " + rule.largerUnitHint() + " (" + format(tenth) + " " + unit + ")";
        }
        double tenfold = canonical * 10;
        if (rule.smallerUnitHint() != null && tenfold >= rule.plausibleMin() && tenfold <= rule.plausibleMax()) {
            return base + "; probably reported in " + rule.smallerUnitHint() + " (" + format(tenfold) + " " + unit
                    + ")";
        }
        return base;
    }

    private static String display(Analyte analyte) {
        return analyte.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Four significant digits without trailing zeros (1.2000000000000002 reads 1.2). */
    private static String format(double value) {
        return BigDecimal.valueOf(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}

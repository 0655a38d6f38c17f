package dev.microcytic.cdshooks.fhir;

import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.NormalizedQuantity;
import dev.microcytic.terminology.QuantityNormalizer;
import dev.microcytic.terminology.Vocabulary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Reads FHIR R4 lab Observations into the engine's {@link LabPanel}: the analyte comes from the LOINC
 * code ({@link LabConcepts}), the value is converted to the analyte's canonical unit ({@link QuantityNormalizer},
 * including molar and mass units under either code), the lab's {@code referenceRange} is kept, and results that are
 * not final, amended or corrected are not used. Panels sent as one Observation with components are read per
 * component. TSAT is derived from iron and TIBC (or iron + UIBC) of the same day when the lab did not report it.
 *
 * <p>Values that cannot be used (unknown unit, assay-specific unit, implausible number, no date) are left out and
 * described in {@link Result#notes()}, which the card shows as caveats. Nothing here logs values.
 */
public final class LabPanelReader {

    private static final Set<Observation.ObservationStatus> USABLE = Set.of(
            Observation.ObservationStatus.FINAL,
            Observation.ObservationStatus.AMENDED,
            Observation.ObservationStatus.CORRECTED);

    private final LabConcepts concepts;
    private final QuantityNormalizer normalizer;

    public LabPanelReader(LabConcepts concepts, QuantityNormalizer normalizer) {
        this.concepts = concepts;
        this.normalizer = normalizer;
    }

    public static LabPanelReader standard() {
        return new LabPanelReader(LabConcepts.standard(), QuantityNormalizer.standard());
    }

    /**
     * @param panel the usable values
     * @param notes data-quality notes about values that were left out or derived, for the clinician
     */
    public record Result(LabPanel panel, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Reads the Observations among a search Bundle's entries (other resource types are ignored). */
    public Result read(Bundle bundle) {
        return read(observations(bundle));
    }

    /** The Observations of a Bundle, in entry order. */
    public static List<Observation> observations(Bundle bundle) {
        List<Observation> observations = new ArrayList<>();
        if (bundle == null) {
            return observations;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Observation observation) {
                observations.add(observation);
            }
        }
        return observations;
    }

    public Result read(Collection<? extends IBaseResource> resources) {
        List<LabValue> values = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (IBaseResource resource : resources) {
            if (resource instanceof Observation observation) {
                readObservation(observation, values, notes, seen);
            }
        }
        values.addAll(derivedSaturations(values, notes));
        return new Result(LabPanel.of(values), new ArrayList<>(notes));
    }

    /**
     * Whether this reader reads the resource, by its codes only (status and value are not looked at): an Observation
     * whose code or a component's code is a lab concept the engine reads.
     */
    public boolean concerns(IBaseResource resource) {
        if (!(resource instanceof Observation observation)) {
            return false;
        }
        if (analyte(observation.getCode()).isPresent()) {
            return true;
        }
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            if (analyte(component.getCode()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void readObservation(Observation observation, List<LabValue> values, Set<String> notes, Set<String> seen) {
        if (observation.hasStatus() && !USABLE.contains(observation.getStatus())) {
            return;
        }
        String sourceId = observation.getIdElement().hasIdPart()
                ? "Observation/" + observation.getIdElement().getIdPart()
                : null;
        Optional<Analyte> analyte = analyte(observation.getCode());
        Instant effective = effective(observation);
        if (analyte.isPresent()) {
            if (observation.hasValueQuantity() || !observation.hasComponent()) {
                readValue(
                        analyte.get(),
                        observation.hasValueQuantity() ? observation.getValueQuantity() : null,
                        observation.getReferenceRange(),
                        effective,
                        sourceId,
                        values,
                        notes,
                        seen);
            }
        }
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            Optional<Analyte> componentAnalyte = analyte(component.getCode());
            if (componentAnalyte.isPresent()) {
                readValue(
                        componentAnalyte.get(),
                        component.hasValueQuantity() ? component.getValueQuantity() : null,
                        component.getReferenceRange(),
                        effective,
                        sourceId,
                        values,
                        notes,
                        seen);
            }
        }
    }

    private Optional<Analyte> analyte(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (coding.hasSystem() && coding.hasCode()) {
                Optional<Analyte> analyte = concepts.analyteFor(coding.getSystem(), coding.getCode());
                if (analyte.isPresent()) {
                    return analyte;
                }
            }
        }
        return Optional.empty();
    }

    private void readValue(
            Analyte analyte,
            Quantity quantity,
            List<Observation.ObservationReferenceRangeComponent> ranges,
            Instant effective,
            String sourceId,
            List<LabValue> values,
            Set<String> notes,
            Set<String> seen) {
        String name = analyte.name().toLowerCase().replace('_', ' ');
        if (quantity == null || !quantity.hasValue()) {
            notes.add("A " + name + " result without a numeric value was not used.");
            return;
        }
        if (effective == null) {
            notes.add("A " + name + " result without a date was not used.");
            return;
        }
        if (sourceId != null && !seen.add(sourceId + "#" + analyte)) {
            return;
        }
        NormalizedQuantity normalized = normalizer.normalize(analyte, toDouble(quantity.getValue()), unit(quantity));
        if (!normalized.usable()) {
            notes.add("A " + name + " result was not used: " + normalized.reason() + ".");
            return;
        }
        Double low = null;
        Double high = null;
        for (Observation.ObservationReferenceRangeComponent range : ranges) {
            if (range.hasLow() || range.hasHigh()) {
                low = rangeLimit(analyte, range.hasLow() ? range.getLow() : null, quantity);
                high = rangeLimit(analyte, range.hasHigh() ? range.getHigh() : null, quantity);
                break;
            }
        }
        values.add(new LabValue(analyte, normalized.value(), effective, sourceId, low, high, false));
    }

    private Double rangeLimit(Analyte analyte, Quantity limit, Quantity value) {
        if (limit == null || !limit.hasValue()) {
            return null;
        }
        // A range limit without its own unit is in the unit of the value.
        String unit = unit(limit) != null ? unit(limit) : unit(value);
        NormalizedQuantity normalized = normalizer.normalize(analyte, toDouble(limit.getValue()), unit);
        return normalized.usable() ? normalized.value() : null;
    }

    private static double toDouble(BigDecimal value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    /** The UCUM code when the quantity is coded in UCUM, else the unit text as sent. */
    private static String unit(Quantity quantity) {
        if (quantity.hasCode() && (!quantity.hasSystem() || Vocabulary.UCUM.equals(quantity.getSystem()))) {
            return quantity.getCode();
        }
        return quantity.hasUnit() ? quantity.getUnit() : null;
    }

    static Instant effective(Observation observation) {
        try {
            if (observation.hasEffectiveDateTimeType()
                    && observation.getEffectiveDateTimeType().getValue() != null) {
                return observation.getEffectiveDateTimeType().getValue().toInstant();
            }
            if (observation.hasEffectiveInstantType()
                    && observation.getEffectiveInstantType().getValue() != null) {
                return observation.getEffectiveInstantType().getValue().toInstant();
            }
            if (observation.hasEffectivePeriod()
                    && observation.getEffectivePeriod().getStart() != null) {
                return observation.getEffectivePeriod().getStart().toInstant();
            }
        } catch (RuntimeException e) {
            // An effective[x] of an unexpected type: fall back to the issue time.
        }
        return observation.hasIssued() ? observation.getIssued().toInstant() : null;
    }

    /**
     * TSAT = iron / TIBC x 100 for each day that has iron and TIBC (or UIBC, TIBC = iron + UIBC) but no reported TSAT.
     */
    private static List<LabValue> derivedSaturations(List<LabValue> values, Set<String> notes) {
        List<LabValue> derived = new ArrayList<>();
        Set<LocalDate> reported = new HashSet<>();
        for (LabValue value : values) {
            if (value.analyte() == Analyte.TRANSFERRIN_SATURATION) {
                reported.add(day(value));
            }
        }
        for (LabValue iron : values) {
            if (iron.analyte() != Analyte.IRON || reported.contains(day(iron))) {
                continue;
            }
            Double capacity = sameDay(values, Analyte.TIBC, iron);
            if (capacity == null) {
                Double unsaturated = sameDay(values, Analyte.UIBC, iron);
                capacity = unsaturated == null ? null : iron.value() + unsaturated;
            }
            if (capacity == null || capacity <= 0) {
                continue;
            }
            double saturation = iron.value() / capacity * 100.0;
            if (saturation > 100) {
                notes.add("Iron exceeds the iron-binding capacity on the same day; TSAT was not derived.");
                continue;
            }
            derived.add(
                    new LabValue(Analyte.TRANSFERRIN_SATURATION, saturation, iron.effective(), null, null, null, true));
            reported.add(day(iron));
        }
        return derived;
    }

    private static Double sameDay(List<LabValue> values, Analyte analyte, LabValue reference) {
        LocalDate day = day(reference);
        return values.stream()
                .filter(v -> v.analyte() == analyte && day(v).equals(day))
                .map(LabValue::value)
                .findFirst()
                .orElse(null);
    }

    private static LocalDate day(LabValue value) {
        return value.effective().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

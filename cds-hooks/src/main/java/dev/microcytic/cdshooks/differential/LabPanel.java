package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.Analyte;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient's usable laboratory results, grouped by analyte, each series ordered oldest first. Only
 * final/amended/corrected results reach a panel; the adapter that builds it drops entered-in-error and cancelled ones.
 */
public final class LabPanel {

    private static final LabPanel EMPTY = new LabPanel(List.of());

    private final Map<Analyte, List<LabValue>> series;

    private LabPanel(Collection<LabValue> values) {
        Map<Analyte, List<LabValue>> grouped = new EnumMap<>(Analyte.class);
        for (LabValue value : values) {
            grouped.computeIfAbsent(value.analyte(), a -> new ArrayList<>()).add(value);
        }
        grouped.replaceAll((analyte, list) -> {
            list.sort(Comparator.comparing(LabValue::effective));
            return List.copyOf(list);
        });
        this.series = grouped;
    }

    public static LabPanel of(Collection<LabValue> values) {
        return values.isEmpty() ? EMPTY : new LabPanel(values);
    }

    public static LabPanel empty() {
        return EMPTY;
    }

    /** The most recent value of an analyte, regardless of age (the engine applies validity windows). */
    public Optional<LabValue> latest(Analyte analyte) {
        List<LabValue> values = series.get(analyte);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** All values of an analyte, oldest first. */
    public List<LabValue> series(Analyte analyte) {
        return series.getOrDefault(analyte, List.of());
    }

    public boolean has(Analyte analyte) {
        return series.containsKey(analyte);
    }

    /** Every value in the panel, grouped by analyte in enum order, oldest first within an analyte. */
    public List<LabValue> all() {
        List<LabValue> all = new ArrayList<>();
        series.values().forEach(all::addAll);
        return all;
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }
}

package dev.microcytic.terminology.knowledge.rules;

import java.util.List;

/**
 * One sourced decision threshold of the microcytic workup; {@code sources} cites references.json ids.
 *
 * @param id stable id, e.g. {@code ferritin.absent-stores.5y-plus}
 * @param analyte the analyte name ({@code dev.microcytic.terminology.Analyte}) or null for derived quantities
 * @param comparator how a value meets the threshold: "<", "<=", ">", ">="
 * @param value the cut-off in {@link #unit()}
 * @param unit the canonical UCUM unit of the analyte
 * @param meaning what meeting the threshold means, in a few words
 * @param sources reference ids of the knowledge package (references.json)
 */
public record Threshold(
        String id, String analyte, String comparator, double value, String unit, String meaning, List<String> sources) {

    public Threshold {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("threshold " + id + " has no source");
        }
    }

    /** The first (principal) source. */
    public String sourceId() {
        return sources.get(0);
    }

    /** Whether {@code observed} meets the threshold under its comparator. */
    public boolean test(double observed) {
        return switch (comparator) {
            case "<" -> observed < value;
            case "<=" -> observed <= value;
            case ">" -> observed > value;
            case ">=" -> observed >= value;
            default -> throw new IllegalStateException("unknown comparator " + comparator + " in " + id);
        };
    }
}

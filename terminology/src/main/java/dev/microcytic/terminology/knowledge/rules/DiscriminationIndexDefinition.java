package dev.microcytic.terminology.knowledge.rules;

import java.util.List;

/**
 * A red-cell discrimination index for beta-thalassaemia trait versus iron deficiency (e.g. Mentzer 1973). The formula
 * is evaluated in code by {@link #code()}; the file carries its text, cut-off and published performance.
 *
 * @param code stable id, e.g. "mentzer"
 * @param name display name
 * @param formula the formula as text (MCV fL, MCH pg, Hb g/dL, RBC 10^12/L, RDW-CV %)
 * @param cutoff the published cut-off
 * @param thalassemiaWhen "<" or ">": which side of the cut-off favours thalassaemia trait
 * @param sensitivity published sensitivity for beta-thalassaemia trait in percent, or null
 * @param specificity published specificity in percent, or null
 * @param performance the published performance as text (Youden, AUC, DOR, population)
 * @param vote whether the index takes part in the "which way the CBC leans" majority (the better-performing ones)
 * @param sources reference ids
 */
public record DiscriminationIndexDefinition(
        String code,
        String name,
        String formula,
        double cutoff,
        String thalassemiaWhen,
        Double sensitivity,
        Double specificity,
        String performance,
        boolean vote,
        List<String> sources) {

    public DiscriminationIndexDefinition {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("index " + code + " has no source");
        }
        if (!"<".equals(thalassemiaWhen) && !">".equals(thalassemiaWhen)) {
            throw new IllegalArgumentException("index " + code + ": thalassemiaWhen must be < or >");
        }
    }

    public String sourceId() {
        return sources.get(0);
    }

    /** Whether a computed value favours thalassaemia trait (true) or iron deficiency (false). */
    public boolean favoursThalassemia(double value) {
        return "<".equals(thalassemiaWhen) ? value < cutoff : value > cutoff;
    }
}

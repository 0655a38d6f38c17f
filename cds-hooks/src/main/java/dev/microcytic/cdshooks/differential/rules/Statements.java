package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.knowledge.rules.Threshold;

/** Evidence statements built from a value and a threshold: one wording for every rule. */
final class Statements {

    private Statements() {}

    /** Evidence comparing a value with a threshold; the comparator shown is the one that holds. */
    static Evidence compare(LabValue value, Threshold threshold, String meaning) {
        boolean holds = threshold.test(value.value());
        String comparator = holds ? threshold.comparator() : negate(threshold.comparator());
        return lab(value, comparator, threshold.value(), threshold.sourceId(), meaning);
    }

    static Evidence lab(LabValue value, String comparator, double threshold, String sourceId, String meaning) {
        String unit = value.analyte().canonicalUnit();
        String statement = name(value.analyte()) + " " + Text.num(value.value()) + " " + unit + " " + comparator + " "
                + Text.num(threshold) + " " + unit + (value.derived() ? " [derived]" : "")
                + (meaning == null ? "" : " (" + meaning + ")");
        return new Evidence(
                statement, value.analyte(), value.value(), unit, comparator, threshold, sourceId, value.sourceId());
    }

    static String negate(String comparator) {
        return switch (comparator) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            default -> comparator;
        };
    }

    /** The analyte's short name in evidence statements (e.g. "Hb", "TSAT"). */
    static String name(Analyte analyte) {
        return AnalyteNames.SHORT.get(analyte);
    }
}

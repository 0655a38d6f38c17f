package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.knowledge.rules.Threshold;

/** Evidence statements built from a value and a threshold: one wording for every rule. */
final class Statements {

    private Statements() {}

    /** Evidence comparing a value with a threshold; the comparator shown is the one that holds. */
    static Evidence compare(KnowledgeView k, LabValue value, Threshold threshold, String meaning) {
        boolean holds = threshold.test(value.value());
        String comparator = holds ? threshold.comparator() : negate(threshold.comparator());
        return lab(k, value, comparator, threshold.value(), threshold.sourceId(), meaning);
    }

    static Evidence lab(
            KnowledgeView k, LabValue value, String comparator, double threshold, String sourceId, String meaning) {
        String unit = value.analyte().canonicalUnit();
        String statement = k.names.evidence(value.analyte()) + " " + ValueFormat.evidence(value.value()) + " " + unit
                + " " + comparator + " "
                + ValueFormat.evidence(threshold) + " " + unit + (value.derived() ? " [derived]" : "")
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

    /** Evidence against the lab's own range (when the result carries one) or the fallback threshold. */
    static Evidence range(KnowledgeView k, LabValue value, Threshold fallback, boolean upper, String meaning) {
        Double limit = upper ? value.referenceHigh() : value.referenceLow();
        if (limit == null) {
            return compare(k, value, fallback, meaning);
        }
        String comparator = upper ? (value.value() > limit ? ">" : "<=") : (value.value() < limit ? "<" : ">=");
        return lab(k, value, comparator, limit, Detection.LAB_RANGE, meaning);
    }

    /** A value with what it means, without a threshold. */
    static Evidence plain(KnowledgeView k, Analyte analyte, LabValue value, String meaning, String sourceId) {
        String unit = analyte.canonicalUnit();
        return new Evidence(
                k.names.evidence(analyte) + " " + ValueFormat.evidence(value.value()) + " " + unit + " (" + meaning
                        + ")",
                analyte,
                value.value(),
                unit,
                null,
                null,
                sourceId,
                value.sourceId());
    }
}

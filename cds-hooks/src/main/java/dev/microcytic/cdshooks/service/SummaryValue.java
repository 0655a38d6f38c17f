package dev.microcytic.cdshooks.service;

import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.knowledge.rules.AnalyteNames;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deciding value of a card's summary, labelled as what it is: a measured level carries the analyte's name
 * ("ferritin 6 ng/mL"); a quantity computed from it does not pass for the level. A ratio keeps the name the finding
 * gives it ("TSAT/hepcidin 0.6 %/nM", not "hepcidin", which is a concentration in nM; "sTfR/log10 ferritin 0.77"),
 * and a difference between two results ("Hb 9.5 → 9.8 g/dL") is called a rise or a change ("Hb rise 0.3 g/dL", not
 * "Hb 0.3 g/dL").
 */
final class SummaryValue {

    /** The words of a finding before its first number, e.g. "TSAT/hepcidin" in "TSAT/hepcidin 0.6 %/nM < 5.6 %/nM". */
    private static final Pattern LABEL = Pattern.compile("^(\\S.{0,39}?)\\s+[-+−]?\\d");

    private SummaryValue() {}

    static String of(Evidence evidence, String unit, Differential differential) {
        String name = AnalyteNames.bundled().card(evidence.analyte());
        String quantity = ValueFormat.quantity(evidence.value(), unit);
        if (isMeasuredLevel(evidence, differential)) {
            return name + " " + quantity;
        }
        String statement = evidence.statement() == null ? "" : evidence.statement();
        if (statement.contains("→") || statement.contains(" rose ") || statement.contains(" fell ")) {
            return name + (evidence.value() > 0 ? " rise " : " change ") + quantity;
        }
        Matcher m = LABEL.matcher(statement);
        if (m.find() && !m.group(1).strip().equalsIgnoreCase(name)) {
            return m.group(1).strip() + " " + quantity;
        }
        return name + " " + quantity;
    }

    /** Whether the value is one of the results read (in the analyte's unit), not a quantity computed from them. */
    static boolean isMeasuredLevel(Evidence evidence, Differential differential) {
        if (evidence.unit() != null
                && !evidence.unit().equals(evidence.analyte().canonicalUnit())) {
            return false;
        }
        for (LabValue value : differential.valuesUsed()) {
            if (value.analyte() == evidence.analyte() && Math.abs(value.value() - evidence.value()) < 1e-9) {
                return true;
            }
        }
        return false;
    }
}

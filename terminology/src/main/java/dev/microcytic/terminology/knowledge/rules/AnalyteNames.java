package dev.microcytic.terminology.knowledge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcytic.terminology.Analyte;

/**
 * How each analyte is named (the knowledge package's {@code analyte-names.json}): in evidence statements ("Ferritin",
 * "TSAT", "Blood lead") and in the short value list of a card summary ("ferritin", "TSAT", "lead"). Every analyte
 * must be named; a missing one fails the load.
 */
public final class AnalyteNames {

    private final String[] evidence = new String[Analyte.values().length];
    private final String[] card = new String[Analyte.values().length];

    AnalyteNames(JsonNode root) {
        for (JsonNode entry : root.path("names")) {
            Analyte analyte = Analyte.valueOf(entry.path("analyte").asText());
            evidence[analyte.ordinal()] = entry.path("evidence").asText();
            card[analyte.ordinal()] = entry.path("card").asText();
        }
        for (Analyte analyte : Analyte.values()) {
            if (evidence[analyte.ordinal()] == null || card[analyte.ordinal()] == null) {
                throw new IllegalArgumentException("analyte-names.json does not name " + analyte);
            }
        }
    }

    /** The bundled package's names. */
    public static AnalyteNames bundled() {
        return RuleKnowledge.bundled().analyteNames();
    }

    /** The name in an evidence statement, e.g. "Hb", "Ferritin". */
    public String evidence(Analyte analyte) {
        return evidence[analyte.ordinal()];
    }

    /** The name in a card summary, e.g. "Hb", "ferritin". */
    public String card(Analyte analyte) {
        return card[analyte.ordinal()];
    }
}

package dev.microcytic.terminology.knowledge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The score weights of the knowledge package's {@code scores.json}: one integer per named rule outcome, ordering the
 * candidate causes within a likelihood band. Every entry must carry a value and at least one source; a malformed or
 * duplicate entry fails the load.
 */
public final class Scores {

    /** One weight with the guideline or paper whose criterion it applies. */
    public record Score(String id, String family, int value, String meaning, List<String> sources) {}

    private final Map<String, Score> byId = new LinkedHashMap<>();

    Scores(JsonNode root) {
        for (JsonNode entry : root.path("scores")) {
            String id = entry.path("id").asText("");
            JsonNode value = entry.get("value");
            if (id.isEmpty() || value == null || !value.canConvertToInt()) {
                throw new IllegalArgumentException("scores.json entry without id or integer value: " + entry);
            }
            List<String> sources = RuleKnowledge.strings(entry.path("sources"));
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("score " + id + " has no source");
            }
            Score score = new Score(
                    id,
                    entry.path("family").asText(),
                    value.asInt(),
                    entry.path("meaning").asText(),
                    sources);
            if (byId.put(id, score) != null) {
                throw new IllegalArgumentException("duplicate score " + id);
            }
        }
    }

    /** The weight of one rule outcome; an unknown id fails (resolved once when an engine is built). */
    public int get(String id) {
        Score score = byId.get(id);
        if (score == null) {
            throw new IllegalArgumentException("scores.json lacks score " + id);
        }
        return score.value();
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public List<Score> all() {
        return List.copyOf(byId.values());
    }
}

package dev.microcytic.cdshooks.differential.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge package's rule catalogue ({@code rules.json}) joined with the score weights ({@code scores.json}) it
 * describes: one {@link Entry} per rule outcome, in the order of {@code scores.json}.
 */
final class RuleCatalogue {

    static final String FILE = "rules.json";

    /** The kinds of rule outcome: a proposal of a cause with a band, or a cap on an earlier proposal. */
    static final List<String> KINDS = List.of("proposal", "cap");

    static final List<String> BANDS = List.of("likely", "possible", "consider");

    /** Inputs that are neither an analyte, a clinical flag nor a medication class. */
    static final Map<String, String> OTHER_INPUTS = Map.of(
            "age", "age",
            "sex", "sex",
            "pregnancy", "pregnancy",
            "transfusion", "red-cell transfusion (date)",
            "iv-iron", "intravenous iron (date)",
            "indices", "red-cell discrimination indices (indices.json)");

    /** The fields an entry of {@code rules.json} may have. */
    static final List<String> FIELDS =
            List.of("score", "kind", "causes", "bands", "findings", "inputs", "thresholds", "nextTests", "note");

    /**
     * A derived finding several rules read (iron status, inflammation, iron loading...), described once.
     *
     * @param id its id, which rules name under {@code findings}
     * @param meaning what it is, in words
     * @param inputs what it reads
     * @param thresholds the threshold ids it applies
     */
    record Finding(String id, String meaning, List<String> inputs, List<String> thresholds) {}

    /**
     * One rule outcome.
     *
     * @param score the id in scores.json (the engine's {@code Score} key)
     * @param family the rule family (scores.json)
     * @param meaning when the outcome applies (scores.json)
     * @param weight its score weight (scores.json)
     * @param sources the reference ids of its criterion (scores.json)
     * @param kind "proposal" or "cap"
     * @param causes the cause codes it proposes (or caps)
     * @param bands the likelihood bands it proposes (or caps to)
     * @param findings the ids of the derived findings its decision step reads
     * @param inputs what its decision step reads
     * @param thresholds the threshold ids its decision step reads
     * @param nextTests the test codes its decision step suggests
     * @param note an optional remark, or null
     * @param raw the rules.json entry, or null when there is none
     */
    record Entry(
            String score,
            String family,
            String meaning,
            int weight,
            List<String> sources,
            String kind,
            List<String> causes,
            List<String> bands,
            List<String> findings,
            List<String> inputs,
            List<String> thresholds,
            List<String> nextTests,
            String note,
            JsonNode raw) {}

    final KnowledgePackage pkg;
    /** Every scores.json id with its catalogue entry (raw null where rules.json has none), in scores.json order. */
    final Map<String, Entry> entries = new LinkedHashMap<>();
    /** The rules.json entries whose score is not in scores.json. */
    final List<String> orphans = new ArrayList<>();
    /** The score ids with more than one rules.json entry. */
    final List<String> duplicates = new ArrayList<>();

    final String description;
    /** The derived findings, by id, in file order. */
    final Map<String, Finding> findings = new LinkedHashMap<>();

    RuleCatalogue(KnowledgePackage pkg) {
        this.pkg = pkg;
        JsonNode rules = pkg.json(FILE);
        description = rules.path("description").asText();
        for (JsonNode f : rules.path("findings")) {
            findings.put(
                    f.path("id").asText(),
                    new Finding(
                            f.path("id").asText(),
                            f.path("meaning").asText(),
                            texts(f.path("inputs")),
                            texts(f.path("thresholds"))));
        }
        Map<String, JsonNode> byScore = new LinkedHashMap<>();
        for (JsonNode rule : rules.path("rules")) {
            String score = rule.path("score").asText();
            if (byScore.put(score, rule) != null) {
                duplicates.add(score);
            }
        }
        for (JsonNode s : pkg.json("scores.json").path("scores")) {
            String id = s.path("id").asText();
            JsonNode rule = byScore.remove(id);
            entries.put(
                    id,
                    new Entry(
                            id,
                            s.path("family").asText(),
                            s.path("meaning").asText(),
                            s.path("value").asInt(),
                            texts(s.path("sources")),
                            rule == null ? null : rule.path("kind").asText(),
                            rule == null ? List.of() : texts(rule.path("causes")),
                            rule == null ? List.of() : texts(rule.path("bands")),
                            rule == null ? List.of() : texts(rule.path("findings")),
                            rule == null ? List.of() : texts(rule.path("inputs")),
                            rule == null ? List.of() : texts(rule.path("thresholds")),
                            rule == null ? List.of() : texts(rule.path("nextTests")),
                            rule == null || !rule.hasNonNull("note")
                                    ? null
                                    : rule.get("note").asText(),
                            rule));
        }
        orphans.addAll(byScore.keySet());
    }

    static RuleCatalogue bundled() {
        return new RuleCatalogue(KnowledgePackage.load());
    }

    Entry entry(Score score) {
        return entries.get(score.key());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(node.asText());
        }
        return out;
    }
}

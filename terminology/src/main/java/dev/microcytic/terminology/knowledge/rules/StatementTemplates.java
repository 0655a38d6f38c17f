package dev.microcytic.terminology.knowledge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the engine's caveats and evidence statements (the knowledge package's {@code statements.json}):
 * sentences with named placeholders such as {@code {ferritinBelow}}, each with its sources. Templates are parsed once
 * at load into literal parts and placeholder names, so rendering is string concatenation only.
 */
public final class StatementTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /**
     * One sentence with its placeholders in order of appearance; {@code parts} has one more element than
     * {@code placeholders} (the literal text around them).
     */
    public record StatementTemplate(
            String id, String text, List<String> sources, List<String> placeholders, String[] parts) {

        /** The sentence with the values in placeholder order; the count must match. */
        public String render(String... values) {
            if (values.length != placeholders.size()) {
                throw new IllegalArgumentException(
                        "statement " + id + " takes " + placeholders + ", got " + values.length + " values");
            }
            StringBuilder out = new StringBuilder(text.length() + 32);
            for (int i = 0; i < values.length; i++) {
                out.append(parts[i]).append(values[i]);
            }
            return out.append(parts[values.length]).toString();
        }

        /** The first source, shown on the card. */
        public String sourceId() {
            return sources.get(0);
        }
    }

    private final Map<String, StatementTemplate> byId = new LinkedHashMap<>();

    StatementTemplates(JsonNode root) {
        for (JsonNode entry : root.path("statements")) {
            String id = entry.path("id").asText("");
            String text = entry.path("text").asText("");
            if (id.isEmpty() || text.isEmpty()) {
                throw new IllegalArgumentException("statements.json entry without id or text: " + entry);
            }
            List<String> sources = RuleKnowledge.strings(entry.path("sources"));
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("statement " + id + " has no source");
            }
            if (byId.put(id, parse(id, text, sources)) != null) {
                throw new IllegalArgumentException("duplicate statement " + id);
            }
        }
    }

    private static StatementTemplate parse(String id, String text, List<String> sources) {
        List<String> names = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            parts.add(text.substring(from, m.start()));
            names.add(m.group(1));
            from = m.end();
        }
        parts.add(text.substring(from));
        return new StatementTemplate(id, text, sources, List.copyOf(names), parts.toArray(String[]::new));
    }

    /**
     * The template of one statement, checked against the placeholders the caller fills; a missing id or a different
     * placeholder list fails (resolved once when an engine is built).
     */
    public StatementTemplate get(String id, List<String> placeholders) {
        StatementTemplate template = byId.get(id);
        if (template == null) {
            throw new IllegalArgumentException("statements.json lacks statement " + id);
        }
        if (!template.placeholders().equals(placeholders)) {
            throw new IllegalArgumentException("statement " + id + " has placeholders " + template.placeholders()
                    + ", the engine fills " + placeholders);
        }
        return template;
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public List<StatementTemplate> all() {
        return List.copyOf(byId.values());
    }
}

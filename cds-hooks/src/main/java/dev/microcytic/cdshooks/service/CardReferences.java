package dev.microcytic.cdshooks.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The references one card cites, numbered in order of first use, and the list of them under the detail. */
final class CardReferences {

    private final Citation.Lookup citations;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    CardReferences(Citation.Lookup citations) {
        this.citations = citations;
    }

    String marker(String referenceId) {
        if (referenceId == null || referenceId.isBlank()) {
            return "";
        }
        return "[" + numbers.computeIfAbsent(referenceId, id -> numbers.size() + 1) + "]";
    }

    /** Forgets every number given so far (the detail is being written again). */
    void clear() {
        numbers.clear();
    }

    /** The first cited work that has a label and a link: the card's source. */
    Optional<Citation> firstLinked() {
        return numbers.keySet().stream()
                .map(citations::find)
                .flatMap(Optional::stream)
                .filter(citation -> citation.url() != null && !citation.url().isBlank())
                .filter(citation ->
                        citation.label() != null && !citation.label().isBlank())
                .findFirst();
    }

    void appendTo(StringBuilder md) {
        if (numbers.isEmpty()) {
            return;
        }
        md.append("\n\n**References:**\n\n");
        for (Map.Entry<String, Integer> entry : numbers.entrySet()) {
            md.append(entry.getValue()).append(". ");
            Optional<Citation> citation = citations.find(entry.getKey());
            if (citation.isPresent()) {
                md.append(CardText.cell(citation.get().text()));
                if (citation.get().url() != null) {
                    md.append(" <").append(citation.get().url()).append('>');
                }
            } else {
                md.append(CardText.cell(entry.getKey()));
            }
            md.append('\n');
        }
    }
}

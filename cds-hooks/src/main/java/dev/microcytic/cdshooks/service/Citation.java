package dev.microcytic.cdshooks.service;

import java.util.Optional;

/**
 * A literature reference a card cites.
 *
 * @param id the knowledge-package reference id (e.g. "donker-2014")
 * @param text the citation as text
 * @param url where to read it (the DOI link where there is one), or null
 * @param label a short name with the year (e.g. "Donker et al., Blood 2014") for the card's source, or null
 */
public record Citation(String id, String text, String url, String label) {

    public Citation(String id, String text, String url) {
        this(id, text, url, null);
    }

    /** Finds the citation of a knowledge-package reference id. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Citation> find(String referenceId);
    }
}

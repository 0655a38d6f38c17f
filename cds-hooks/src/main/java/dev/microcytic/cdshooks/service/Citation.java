package dev.microcytic.cdshooks.service;

import java.util.Optional;

/**
 * A literature reference a card cites.
 *
 * @param id the knowledge-package reference id (e.g. "donker-2014")
 * @param text the citation as text
 * @param url where to read it, or null
 */
public record Citation(String id, String text, String url) {

    /** Finds the citation of a knowledge-package reference id. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Citation> find(String referenceId);
    }
}

package dev.microcytic.terminology.knowledge;

import java.util.Objects;

/**
 * A literature reference of the knowledge package (clinical brief §8, brief review §4). Every threshold, index and
 * interval cites one or more reference ids.
 *
 * @param id {@code <firstauthor-or-org>-<year>}, lower case, e.g. {@code donker-2014}
 * @param citation the bibliographic citation
 * @param url a stable link (DOI, PubMed Central, publisher page), or null
 */
public record Reference(String id, String citation, String url) {
    public Reference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
    }
}

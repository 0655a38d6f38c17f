package dev.microcytic.terminology.knowledge;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A literature reference of the knowledge package. Every threshold, index and interval cites one or more reference
 * ids, and every reference carries at least one checkable identifier: a DOI, a PubMed id or a stable URL.
 *
 * @param id {@code <firstauthor-or-org>-<year>}, lower case, e.g. {@code donker-2014}
 * @param label a short name with the year for display, e.g. "Donker et al., Blood 2014", or null
 * @param citation the bibliographic citation
 * @param doi the DOI without resolver prefix, e.g. {@code 10.1002/ajh.24561}, or null
 * @param pmid the PubMed id, digits only, or null
 * @param url a stable link (publisher, PubMed Central, guideline page), or null
 */
public record Reference(String id, String label, String citation, String doi, String pmid, String url) {

    /** Crossref's recommended pattern for modern DOIs. */
    public static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");

    public static final Pattern PMID = Pattern.compile("^\\d+$");

    public Reference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
        if (doi != null && !DOI.matcher(doi).matches()) {
            throw new IllegalArgumentException("Reference " + id + ": malformed DOI '" + doi + "'");
        }
        if (pmid != null && !PMID.matcher(pmid).matches()) {
            throw new IllegalArgumentException("Reference " + id + ": PMID '" + pmid + "' is not numeric");
        }
    }

    /** Where a reader finds the work: the DOI link, else the PubMed record, else the URL. */
    public Optional<String> link() {
        if (doi != null) {
            return Optional.of("https://doi.org/" + doi);
        }
        if (pmid != null) {
            return Optional.of("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
        }
        return Optional.ofNullable(url);
    }
}

package dev.microcytic.server.fhir;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.jpa.searchparam.extractor.ResourceIndexedSearchParamComposite;
import ca.uhn.fhir.jpa.searchparam.extractor.SearchParamExtractorR4;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's R4 search parameter extractor, without the composite index values that nothing reads.
 *
 * <p>Why: when HAPI stores a resource it extracts every search parameter ({@link ISearchParamExtractor#ALL_PARAMS}),
 * composites included. Composite values are not written to the database: the only reader is Hibernate Search's
 * "advanced indexing" ({@code ExtendedHSearchIndexExtractor}), which this server runs without. Composite searches
 * ({@code Observation?code-value-quantity=...}) join the token and quantity index rows instead. Observation has eight
 * composite search parameters, and each extracts the codes and the (UCUM-normalised) value of a lab result again:
 * about 12 % of the server's CPU while ingesting lab transactions (JFR, BENCHMARKS.md "Analysis"). HAPI has no switch
 * for this, so the one method is overridden.
 *
 * <p>Composites are still extracted when advanced Hibernate Search indexing is on, and whenever a caller asks for a
 * subset of the parameters (the in-memory matcher of subscriptions and conditional URLs passes its own filter).
 */
public class StorageSearchParamExtractor extends SearchParamExtractorR4 {

    private final JpaStorageSettings storageSettings;
    private final AtomicLong skipped = new AtomicLong();

    public StorageSearchParamExtractor(JpaStorageSettings storageSettings) {
        this.storageSettings = storageSettings;
    }

    @Override
    public SearchParamSet<ResourceIndexedSearchParamComposite> extractSearchParamComposites(
            IBaseResource resource, ISearchParamFilter filter) {
        if (filter == ISearchParamExtractor.ALL_PARAMS && !storageSettings.isAdvancedHSearchIndexing()) {
            skipped.incrementAndGet();
            return new SearchParamSet<>();
        }
        return super.extractSearchParamComposites(resource, filter);
    }

    /** How many resources were indexed without composite extraction (for tests). */
    public long skippedCompositeExtractions() {
        return skipped.get();
    }
}

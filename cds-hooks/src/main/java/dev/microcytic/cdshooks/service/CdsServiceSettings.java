package dev.microcytic.cdshooks.service;

import java.time.Duration;

/**
 * Settings of the CDS services (bound from {@code microcytic.cds.*} by the server).
 *
 * @param connectTimeout connect timeout of a {@code fhirServer} read
 * @param readTimeout socket read timeout of a {@code fhirServer} read
 * @param maxPages how many search pages one prefetch key may follow
 * @param allowHttpFhirServer whether a plain-http {@code fhirServer} outside loopback is read (CDS Hooks 2.0: https for
 *     production); loopback http is always allowed for local trials
 * @param guidelineUrl the guideline linked from every card
 */
public record CdsServiceSettings(
        Duration connectTimeout, Duration readTimeout, int maxPages, boolean allowHttpFhirServer, String guidelineUrl) {

    /** Donker et al. 2014, the flowchart the differential follows. */
    public static final String DONKER_2014 = "https://doi.org/10.1182/blood-2014-01-548776";

    public static CdsServiceSettings defaults() {
        return new CdsServiceSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 5, false, DONKER_2014);
    }
}

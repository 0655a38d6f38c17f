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
 * @param deadline the time all {@code fhirServer} reads of one hook call may take together
 * @param maxResponseBytes the largest {@code fhirServer} answer read (per request)
 */
public record CdsServiceSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxPages,
        boolean allowHttpFhirServer,
        String guidelineUrl,
        Duration deadline,
        long maxResponseBytes) {

    /** Donker et al. 2014, the flowchart the differential follows. */
    public static final String DONKER_2014 = "https://doi.org/10.1182/blood-2014-01-548776";

    /** All reads of one hook call end within this, whatever the per-request timeouts add up to. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** A prefetch answer larger than this (bytes on the wire; compressed answers are not requested) is refused. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

    public CdsServiceSettings(
            Duration connectTimeout,
            Duration readTimeout,
            int maxPages,
            boolean allowHttpFhirServer,
            String guidelineUrl) {
        this(
                connectTimeout,
                readTimeout,
                maxPages,
                allowHttpFhirServer,
                guidelineUrl,
                DEFAULT_DEADLINE,
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    public static CdsServiceSettings defaults() {
        return new CdsServiceSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 5, false, DONKER_2014);
    }
}

package dev.microcytic.server.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * Hook for features that add operation providers or REST interceptors to the FHIR server at {@code /fhir}. Declare
 * one as a bean; every customizer is applied (in {@link org.springframework.core.annotation.Order} order) before the
 * server serves its first request.
 */
@FunctionalInterface
public interface FhirServerCustomizer {

    void customize(RestfulServer server);
}

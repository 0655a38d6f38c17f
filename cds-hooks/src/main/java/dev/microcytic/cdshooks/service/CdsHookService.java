package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import java.util.Set;

/** One CDS service: its discovery entry and how it answers a call whose prefetch has been completed. */
public interface CdsHookService {

    /** The discovery entry; its id, hook and prefetch templates drive routing and prefetch completion. */
    CdsServiceJson definition();

    /**
     * Prefetch keys without which the service cannot answer: when such a key is absent or null and the data cannot be
     * read from {@code fhirServer}, the call is answered 412. Other keys are read when possible and otherwise treated
     * as "no data".
     */
    Set<String> requiredPrefetch();

    /** Answers a call. Every prefetch key of {@link #definition()} is present (possibly null) when this is called. */
    CdsServiceResponseJson handle(CdsServiceRequestJson request);
}

package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeedbackJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServicesJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The CDS services this product offers and the steps every call goes through: read and check the body, check the
 * hook, complete the prefetch (from {@code fhirServer} when a key is absent, null or an OperationOutcome), then let
 * the service answer. Transport-free: the server's controller adds HTTP, authentication and persistence.
 */
public final class CdsServiceCatalog {

    private final Map<String, CdsHookService> services = new LinkedHashMap<>();
    private final HookRequestReader requestReader;
    private final FhirServerPrefetcher prefetcher;
    private final FeedbackReader feedbackReader;

    public CdsServiceCatalog(
            List<CdsHookService> services, HookRequestReader requestReader, FhirServerPrefetcher prefetcher) {
        for (CdsHookService service : services) {
            this.services.put(service.definition().getId(), service);
        }
        this.requestReader = requestReader;
        this.prefetcher = prefetcher;
        this.feedbackReader = new FeedbackReader(requestReader);
    }

    /** The discovery document ({@code GET /cds-services}). */
    public CdsServicesJson discovery() {
        CdsServicesJson discovery = new CdsServicesJson();
        services.values().forEach(service -> discovery.addService(service.definition()));
        return discovery;
    }

    public boolean exists(String serviceId) {
        return services.containsKey(serviceId);
    }

    /**
     * Answers {@code POST /cds-services/{id}}.
     *
     * @throws CdsHookException 404 unknown service, 400 malformed request or wrong hook, 412 required data unavailable
     */
    public CdsServiceResponseJson call(String serviceId, byte[] body) {
        CdsHookService service = service(serviceId);
        CdsServiceRequestJson request = requestReader.read(body);
        CdsServiceJson definition = service.definition();
        if (!definition.getHook().equals(request.getHook())) {
            throw CdsHookException.badRequest(
                    "Service '" + serviceId + "' answers the hook '" + definition.getHook() + "', not the hook sent");
        }
        completePrefetch(service, request);
        return service.handle(request);
    }

    /**
     * Reads {@code POST /cds-services/{id}/feedback}; storing the items is the caller's job.
     *
     * @throws CdsHookException 404 unknown service, 400 malformed feedback
     */
    public List<CdsServiceFeedbackJson> feedback(String serviceId, byte[] body) {
        service(serviceId);
        return feedbackReader.read(body);
    }

    private CdsHookService service(String serviceId) {
        CdsHookService service = services.get(serviceId);
        if (service == null) {
            throw CdsHookException.notFound("No CDS service with this id; see GET /cds-services");
        }
        return service;
    }

    private void completePrefetch(CdsHookService service, CdsServiceRequestJson request) {
        Map<String, String> templates = service.definition().getPrefetch();
        if (templates == null) {
            return;
        }
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String key = template.getKey();
            IBaseResource value = request.getPrefetch(key);
            if (value != null && !(value instanceof OperationOutcome)) {
                continue;
            }
            boolean required = service.requiredPrefetch().contains(key);
            IBaseResource fetched = fetch(request, template.getValue(), required);
            request.addPrefetch(key, fetched);
        }
    }

    private IBaseResource fetch(CdsServiceRequestJson request, String template, boolean required) {
        String fhirServer = request.getFhirServer();
        if (fhirServer == null) {
            if (required) {
                throw CdsHookException.preconditionFailed(
                        "Required prefetch data is missing and the request names no fhirServer to read it from");
            }
            return null;
        }
        String query = PrefetchTemplates.resolve(template, request);
        if (query == null) {
            if (required) {
                throw CdsHookException.preconditionFailed("A required prefetch query cannot be filled from context");
            }
            return null;
        }
        String token = request.getServiceRequestAuthorizationJson().getAccessToken();
        try {
            return prefetcher.fetch(fhirServer, token, query);
        } catch (CdsHookException e) {
            if (required) {
                throw e;
            }
            return null;
        }
    }
}

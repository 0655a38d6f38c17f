package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeedbackJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServicesJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
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
        return call(serviceId, body, fhirServer -> true);
    }

    /**
     * Answers {@code POST /cds-services/{id}} for a caller that may name only some FHIR servers.
     *
     * @param fhirServerAllowed whether the request's {@code fhirServer} may be read; any other is refused with 400
     *     before any connection
     * @throws CdsHookException 404 unknown service, 400 malformed request, wrong hook or fhirServer not allowed, 412
     *     required data unavailable
     */
    public CdsServiceResponseJson call(String serviceId, byte[] body, Predicate<String> fhirServerAllowed) {
        CdsHookService service = service(serviceId);
        CdsServiceRequestJson request = requestReader.read(body);
        if (request.getFhirServer() != null && !fhirServerAllowed.test(request.getFhirServer())) {
            throw CdsHookException.badRequest("'fhirServer' is not one of the FHIR servers this service may read");
        }
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

    /**
     * Fills every absent key from {@code fhirServer}. The reads are independent and run in parallel on the
     * prefetcher's reader threads; together they get the prefetcher's deadline, after which a required key still
     * missing fails the call (412).
     */
    private void completePrefetch(CdsHookService service, CdsServiceRequestJson request) {
        Map<String, String> templates = service.definition().getPrefetch();
        if (templates == null) {
            return;
        }
        List<MissingKey> missing = new ArrayList<>();
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String key = template.getKey();
            IBaseResource value = request.getPrefetch(key);
            if (value != null && !(value instanceof OperationOutcome)) {
                continue;
            }
            boolean required = service.requiredPrefetch().contains(key);
            String query = query(request, template.getValue(), required);
            if (query == null) {
                request.addPrefetch(key, null);
            } else {
                missing.add(new MissingKey(key, query, required));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String fhirServer = request.getFhirServer();
        String token = request.getServiceRequestAuthorizationJson().getAccessToken();
        long deadline = System.nanoTime() + prefetcher.deadline().toNanos();
        List<CompletableFuture<IBaseResource>> reads = new ArrayList<>(missing.size());
        for (MissingKey key : missing) {
            reads.add(prefetcher.fetchAsync(fhirServer, token, key.query(), deadline));
        }
        try {
            for (int i = 0; i < reads.size(); i++) {
                request.addPrefetch(missing.get(i).key(), await(missing.get(i), reads.get(i), deadline));
            }
        } finally {
            reads.forEach(read -> read.cancel(false));
        }
    }

    /** A failed or late read of a required key fails the call (412); of an optional key it leaves the key empty. */
    private static IBaseResource await(MissingKey key, CompletableFuture<IBaseResource> read, long deadline) {
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (key.required()) {
                throw CdsHookException.preconditionFailed(
                        "Prefetch data missing and the fhirServer did not answer in time");
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CdsHookException.preconditionFailed("Prefetch data missing and the read was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CdsHookException failure) {
                if (key.required()) {
                    throw failure;
                }
                return null;
            }
            throw new IllegalStateException("fhirServer read failed unexpectedly", e.getCause());
        }
    }

    /** The resolved query for a key, or null when an optional key cannot be read (no server, no context value). */
    private static String query(CdsServiceRequestJson request, String template, boolean required) {
        if (request.getFhirServer() == null) {
            if (required) {
                throw CdsHookException.preconditionFailed(
                        "Required prefetch data is missing and the request names no fhirServer to read it from");
            }
            return null;
        }
        String query = PrefetchTemplates.resolve(template, request);
        if (query == null && required) {
            throw CdsHookException.preconditionFailed("A required prefetch query cannot be filled from context");
        }
        return query;
    }

    private record MissingKey(String key, String query, boolean required) {}
}

package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.microcytic.cdshooks.differential.DifferentialEngine;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.terminology.LabConcepts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback reads every missing prefetch key from {@code fhirServer} at the same time. The fake server below holds
 * each request until all five have arrived: sequential reads would never get there and time out.
 */
class ParallelPrefetchTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final String EMPTY_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";
    private static final String PATIENT =
            "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1985-04-02\"}";

    private final CountDownLatch allArrived = new CountDownLatch(5);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, String> cacheControlByPath = new ConcurrentHashMap<>();
    private volatile String failingPath = "";
    private volatile String brokenOncePath = "";
    private final java.util.concurrent.atomic.AtomicBoolean brokenOnce =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<String, Optional<IBaseResource>> prefetchSeen = new ConcurrentHashMap<>();
    private HttpServer server;
    private FhirServerPrefetcher prefetcher;
    private CdsServiceCatalog catalog;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/fhir", this::answer);
        server.start();
        prefetcher = new FhirServerPrefetcher(new CdsServiceSettings(
                Duration.ofSeconds(2), Duration.ofSeconds(10), 5, false, CdsServiceSettings.DONKER_2014));
        DifferentialEngine engine = GuidelineDifferentialEngine.standard();
        MicrocyticAnemiaService anemia = new MicrocyticAnemiaService(
                new DifferentialPipeline(engine, LabPanelReader.standard(), PatientContextReader.standard()),
                new CardWriter(id -> Optional.empty(), CdsServiceSettings.DONKER_2014),
                LabConcepts.standard(),
                CLOCK);
        catalog = new CdsServiceCatalog(List.of(new PrefetchRecorder(anemia)), new HookRequestReader(FHIR), prefetcher);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        prefetcher.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String requested = exchange.getRequestURI().getPath();
        if (requested.equals(brokenOncePath) && brokenOnce.compareAndSet(false, true)) {
            // Hang up without an answer, as a server does on a keep-alive connection it has just closed.
            exchange.close();
            return;
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String path = exchange.getRequestURI().getPath();
        cacheControlByPath.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Cache-Control")));
        allArrived.countDown();
        try {
            allArrived.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean fail = path.equals(failingPath);
        byte[] body = (path.endsWith("/Patient/p1") ? PATIENT : EMPTY_BUNDLE).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(fail ? 500 : 200, fail ? -1 : body.length);
        if (!fail) {
            exchange.getResponseBody().write(body);
        }
        inFlight.decrementAndGet();
        exchange.close();
    }

    /** Records the completed prefetch the service is handed, then lets the real service answer. */
    private final class PrefetchRecorder implements CdsHookService {
        private final CdsHookService service;

        PrefetchRecorder(CdsHookService service) {
            this.service = service;
        }

        @Override
        public CdsServiceJson definition() {
            return service.definition();
        }

        @Override
        public Set<String> requiredPrefetch() {
            return service.requiredPrefetch();
        }

        @Override
        public CdsServiceResponseJson handle(CdsServiceRequestJson request) {
            for (String key : definition().getPrefetch().keySet()) {
                prefetchSeen.put(key, Optional.ofNullable(request.getPrefetch(key)));
            }
            return service.handle(request);
        }
    }

    private String request() {
        return """
                {"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "fhirServer":"http://127.0.0.1:%d/fhir",
                 "context":{"userId":"Practitioner/1","patientId":"p1"}}"""
                .formatted(server.getAddress().getPort());
    }

    @Test
    void readsAllMissingKeysAtOnceAndAsksSearchesNotToBeStored() {
        CdsServiceResponseJson response =
                catalog.call("microcytic-anemia", request().getBytes(StandardCharsets.UTF_8));

        assertThat(response.getCards()).isNotNull();
        assertThat(maxInFlight.get()).isEqualTo(5);
        assertThat(cacheControlByPath)
                .containsEntry("/fhir/Patient/p1", "null")
                .containsEntry("/fhir/Observation", "no-store")
                .containsEntry("/fhir/Condition", "no-store")
                .containsEntry("/fhir/MedicationRequest", "no-store")
                .containsEntry("/fhir/Procedure", "no-store");
    }

    @Test
    void aFailedOptionalReadLeavesItsKeyEmptyAndTheCallIsAnswered() {
        failingPath = "/fhir/Condition";

        CdsServiceResponseJson response =
                catalog.call("microcytic-anemia", request().getBytes(StandardCharsets.UTF_8));

        assertThat(response.getCards()).isNotNull();
        assertThat(maxInFlight.get()).isEqualTo(5);
        assertThat(prefetchSeen).containsOnlyKeys("patient", "labs", "conditions", "medications", "procedures");
        assertThat(prefetchSeen.get("conditions")).isEmpty();
        assertThat(prefetchSeen.get("patient")).get().isInstanceOf(Patient.class);
        assertThat(prefetchSeen.get("labs")).get().isInstanceOf(Bundle.class);
        assertThat(prefetchSeen.get("medications")).get().isInstanceOf(Bundle.class);
    }

    @Test
    void aReadWhoseConnectionBrokeIsRetriedOnce() {
        brokenOncePath = "/fhir/Patient/p1";

        CdsServiceResponseJson response =
                catalog.call("microcytic-anemia", request().getBytes(StandardCharsets.UTF_8));

        assertThat(response.getCards()).isNotNull();
        assertThat(brokenOnce).isTrue();
        assertThat(cacheControlByPath).containsKey("/fhir/Patient/p1");
    }

    @Test
    void aFailedRequiredReadAmongParallelReadsIs412() {
        failingPath = "/fhir/Observation";

        assertThatThrownBy(() -> catalog.call("microcytic-anemia", request().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CdsHookException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    // The upstream status and body are not echoed (only logged at DEBUG).
                    assertThat(e.getMessage())
                            .isEqualTo("Prefetch data missing and it could not be read from the fhirServer");
                });
    }
}

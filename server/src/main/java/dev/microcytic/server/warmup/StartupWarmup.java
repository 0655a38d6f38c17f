package dev.microcytic.server.warmup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.cdshooks.service.CdsServiceCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * Warms the CDS Hooks path before health reports UP (so that the first call after start answers within 100 ms). Everything
 * that a first request would otherwise pay for once happens here: class loading and JIT of the request reader, the
 * engine and the card writer (in-process calls on a bundled synthetic panel), Spring MVC's lazily initialised
 * dispatcher and Jetty's connection path (one HTTP call to the service, one to discovery).
 *
 * <p>It only reads: nothing is stored. {@link WarmupConfig} runs it on a thread of its own once the web server listens,
 * so it overlaps the other start-up runners (the terminology load) on the second core; health stays OUT_OF_SERVICE
 * until it has finished. A failure is logged and start-up goes on, since a cold first call is slow, not wrong.
 */
final class StartupWarmup {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final String LABS_SEARCH = "/fhir/Observation?patient=" + WarmupRequest.PATIENT_ID
            + "&code=http%3A%2F%2Floinc.org%7C718-7,http%3A%2F%2Floinc.org%7C787-2&_sort=-date&_count=50";

    private final WarmupProperties properties;
    private final WarmupHealthIndicator health;
    private final ObjectProvider<CdsServiceCatalog> catalog;
    private final ObjectMapper writer;
    private final Environment environment;
    private final Clock clock;

    StartupWarmup(
            WarmupProperties properties,
            WarmupHealthIndicator health,
            ObjectProvider<CdsServiceCatalog> catalog,
            ObjectMapper writer,
            Environment environment,
            Clock clock) {
        this.properties = properties;
        this.health = health;
        this.catalog = catalog;
        this.writer = writer;
        this.environment = environment;
        this.clock = clock;
    }

    /** Runs the warm-up on the calling thread and then marks health as finished. */
    void run() {
        if (!properties.enabled()) {
            health.finished("disabled");
            return;
        }
        long start = System.nanoTime();
        long deadline = start + properties.budget().toNanos();
        int calls = 0;
        int httpCalls = 0;
        try {
            calls = inProcessCalls(deadline);
            httpCalls = httpCalls();
        } catch (RuntimeException e) {
            log.warn("Start-up warm-up stopped early: {}", e.toString());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = calls + " in-process CDS calls, " + httpCalls + " HTTP calls, " + millis + " ms";
        log.info("Start-up warm-up done: {}", summary);
        health.finished(summary);
    }

    private int inProcessCalls(long deadline) {
        CdsServiceCatalog services = catalog.getIfAvailable();
        if (services == null || !services.exists(WarmupRequest.SERVICE_ID)) {
            return 0;
        }
        byte[] body = WarmupRequest.withPrefetch(clock.instant());
        int calls = 0;
        while (calls < properties.iterations() && System.nanoTime() < deadline) {
            Object response = services.call(WarmupRequest.SERVICE_ID, body);
            try {
                writer.writeValueAsString(response);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the warm-up response could not be written", e);
            }
            calls++;
        }
        return calls;
    }

    private int httpCalls() {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(HTTP_TIMEOUT)
                .build();
        String base = selfBase();
        int calls = 0;
        // With client authentication on this answers 401, which still initialises the dispatcher and the filters.
        calls += send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/cds-services/" + WarmupRequest.SERVICE_ID))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        WarmupRequest.withPrefetch(clock.instant()))))
                ? 1
                : 0;
        calls += send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/cds-services"))
                                .GET())
                ? 1
                : 0;
        // Not /fhir/metadata: HAPI's CapabilityStatement costs ~1 s of a CPU-bound start, and only a client's first
        // metadata read pays for it (EHRs read it when they are configured, not per patient).
        return calls;
    }

    private static boolean send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<Void> response =
                    http.send(request.timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
            log.debug("warm-up {} answered {}", response.request().uri().getPath(), response.statusCode());
            return true;
        } catch (IOException e) {
            log.debug("warm-up HTTP call failed", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This server as seen from itself: the bound address (loopback when bound to all) and the actual port. */
    private String selfBase() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

package dev.microcytic.bench.scenario;

import dev.microcytic.bench.load.RequestSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The HTTP requests of each scenario, against one server base URL ({@code http://127.0.0.1:PORT}). */
public final class Scenarios {

    public static final String SERVICE_PATH = "/cds-services/microcytic-anemia";
    public static final String CONTENT_JSON = "application/json";
    public static final String CONTENT_FHIR = "application/fhir+json";

    private final String base;
    private final Duration timeout;

    public Scenarios(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    public String base() {
        return base;
    }

    public String serviceUrl() {
        return base + SERVICE_PATH;
    }

    public String fhirBase() {
        return base + "/fhir";
    }

    /** POSTs {@code body} (with a fresh hookInstance each time) to the microcytic-anemia service. */
    public RequestSource hookCalls(String body) {
        URI uri = URI.create(base + SERVICE_PATH);
        int at = body.indexOf("{{HOOK}}");
        String head = body.substring(0, at);
        String tail = body.substring(at + "{{HOOK}}".length());
        return sequence -> post(uri, CONTENT_JSON, head + fastUuid() + tail);
    }

    /** POSTs one transaction per call, each for a new patient {@code <tag>-<sequence>}. */
    public RequestSource ingestTransactions(String template, String tag) {
        URI uri = URI.create(fhirBase());
        return sequence -> post(uri, CONTENT_FHIR, template.replace(CaseFixtures.PATIENT_ID, tag + "-" + sequence));
    }

    public HttpRequest post(URI uri, String contentType, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    public HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    // UUID.randomUUID() draws from SecureRandom; a benchmark id needs no cryptographic randomness.
    private static String fastUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(
                        random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
                .toString();
    }
}

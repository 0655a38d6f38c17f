package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.terminology.LabConcepts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the prefetcher refuses to do for a hostile or broken {@code fhirServer}. */
class FhirServerReadLimitsTest {

    private static final String PAGE =
            """
            {"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"%s"}],
             "entry":[{"resource":{"resourceType":"Observation","id":"o1","status":"final",
               "code":{"text":"x"}}}]}""";

    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer ehr;
    private HttpServer elsewhere;
    private FhirServerPrefetcher prefetcher;

    @BeforeEach
    void start() throws IOException {
        ehr = server("ehr");
        elsewhere = server("elsewhere");
        prefetcher = new FhirServerPrefetcher(new CdsServiceSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                5,
                false,
                CdsServiceSettings.DONKER_2014,
                Duration.ofMillis(1500),
                64 * 1024));
    }

    private HttpServer server(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/fhir", exchange -> answer(name, exchange));
        server.start();
        return server;
    }

    private void answer(String name, HttpExchange exchange) throws IOException {
        requests.add(name + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        String body = bodies.getOrDefault(name + exchange.getRequestURI().getPath(), "");
        if (body.equals("SLOW")) {
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            body = PAGE.formatted(base(ehr) + "/done").replace("\"link\"", "\"linkx\"");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        boolean chunked = body.length() > 100_000;
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client hung up on a too-large answer
        }
    }

    private static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    @AfterEach
    void stop() {
        ehr.stop(0);
        elsewhere.stop(0);
        prefetcher.close();
    }

    @Test
    void followsNextLinksUnderTheSameBase() {
        bodies.put("ehr/fhir/Observation", PAGE.formatted(base(ehr) + "?_getpages=abc"));
        bodies.put("ehr/fhir", PAGE.formatted(base(ehr) + "/x").replace("\"link\"", "\"linkx\""));

        Bundle bundle = (Bundle) prefetcher.fetch(base(ehr), "secret", "Observation?patient=p1");

        assertThat(bundle.getEntry()).hasSize(2);
        assertThat(requests).hasSize(2).allMatch(request -> request.startsWith("ehr /fhir"));
    }

    @Test
    void neverFollowsANextLinkToAnotherHostAndNeverSendsItTheToken() {
        bodies.put("ehr/fhir/Observation", PAGE.formatted(base(elsewhere) + "/Observation?page=2"));

        assertThatThrownBy(() -> prefetcher.fetch(base(ehr), "secret", "Observation?patient=p1"))
                .isInstanceOfSatisfying(
                        CdsHookException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThat(requests).hasSize(1).allMatch(request -> request.startsWith("ehr "));
    }

    @Test
    void aNextLinkThatOnlyStartsLikeTheBaseIsNotFollowed() {
        assertThat(FhirServerPrefetcher.underBase(
                        "https://ehr.example.org/fhir?page=2", "https://ehr.example.org/fhir"))
                .isTrue();
        assertThat(FhirServerPrefetcher.underBase("https://ehr.example.org/fhirx/p", "https://ehr.example.org/fhir"))
                .isFalse();
        assertThat(FhirServerPrefetcher.underBase("https://ehr.example.org.evil.test/fhir", "https://ehr.example.org"))
                .isFalse();
    }

    @Test
    void anAnswerOverTheSizeLimitIs412AndUncompressedIsRequested() {
        String huge =
                PAGE.formatted(base(ehr) + "/x").replace("\"text\":\"x\"", "\"text\":\"" + "x".repeat(200_000) + "\"");
        bodies.put("ehr/fhir/Observation", huge);

        assertThatThrownBy(() -> prefetcher.fetch(base(ehr), "secret", "Observation?patient=p1"))
                .isInstanceOfSatisfying(CdsHookException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).doesNotContain("bytes");
                });
        assertThat(requests.get(0)).endsWith(" null");
    }

    @Test
    void theHookCallDeadlineEndsSlowReadsWith412() {
        bodies.put("ehr/fhir/Patient/p1", "SLOW");
        CdsServiceCatalog catalog = catalog();
        String call =
                """
                {"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "fhirServer":"%s","context":{"userId":"Practitioner/1","patientId":"p1"}}"""
                        .formatted(base(ehr));
        long start = System.nanoTime();

        assertThatThrownBy(() -> catalog.call("microcytic-anemia", call.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CdsHookException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).contains("in time");
                });
        // The deadline (1.5 s) ends the call; the slow server would have answered after 4 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
    }

    @Test
    void aFhirServerNotAllowedIs400BeforeAnyConnection() {
        CdsServiceCatalog catalog = catalog();
        String call =
                """
                {"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "fhirServer":"%s","context":{"userId":"Practitioner/1","patientId":"p1"}}"""
                        .formatted(base(elsewhere));

        assertThatThrownBy(
                        () -> catalog.call("microcytic-anemia", call.getBytes(StandardCharsets.UTF_8), server -> false))
                .isInstanceOfSatisfying(
                        CdsHookException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(requests).isEmpty();
    }

    private CdsServiceCatalog catalog() {
        return new CdsServiceCatalog(
                List.of(new MicrocyticAnemiaService(
                        new DifferentialPipeline(
                                GuidelineDifferentialEngine.standard(),
                                LabPanelReader.standard(),
                                PatientContextReader.standard()),
                        new CardWriter(id -> Optional.empty(), CdsServiceSettings.DONKER_2014),
                        LabConcepts.standard(),
                        Clock.systemUTC())),
                new HookRequestReader(FhirContext.forR4Cached()),
                prefetcher);
    }
}

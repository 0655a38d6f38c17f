package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.server.AbstractServerIT;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CDS Hooks HTTP surface: every status code CDS Hooks 2.0 defines for service and feedback calls, CORS, cards, feedback persistence. */
class CdsHooksHttpIT extends AbstractServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DataSource dataSource;

    @Autowired
    FeedbackStore feedbackStore;

    private String serviceUrl() {
        return baseUrl() + "/cds-services/microcytic-anemia";
    }

    static String request(String patientId, String prefetch) {
        return """
                {"hook":"patient-view","hookInstance":"%s",
                 "context":{"userId":"Practitioner/it","patientId":"%s"}%s}"""
                .formatted(UUID.randomUUID(), patientId, prefetch == null ? "" : ",\"prefetch\":" + prefetch);
    }

    static String observation(String id, String patientId, String loinc, double value, String unit) {
        return """
                {"resource":{"resourceType":"Observation","id":"%s","status":"final",
                 "subject":{"reference":"Patient/%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
                 "effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"}}}"""
                .formatted(id, patientId, loinc, java.time.LocalDate.now().minusDays(2), value, unit);
    }

    /** Prefetch of a 35-year-old woman with iron deficiency anemia (ferritin 6, TSAT 6%). */
    static String ironDeficiencyPrefetch(String patientId) {
        String patient = """
                {"resourceType":"Patient","id":"%s","gender":"female","birthDate":"%s"}"""
                .formatted(patientId, java.time.LocalDate.now().minusYears(35));
        String labs = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + String.join(
                        ",",
                        observation("hb", patientId, "718-7", 9.8, "g/dL"),
                        observation("mcv", patientId, "787-2", 68, "fL"),
                        observation("mch", patientId, "785-6", 21, "pg"),
                        observation("rbc", patientId, "789-8", 4.3, "10*6/uL"),
                        observation("rdw", patientId, "788-0", 17.5, "%"),
                        observation("fer", patientId, "2276-4", 6, "ng/mL"),
                        observation("fe", patientId, "2498-4", 25, "ug/dL"),
                        observation("tibc", patientId, "2500-7", 420, "ug/dL"),
                        observation("crp", patientId, "1988-5", 2, "mg/L"))
                + "]}";
        String empty = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";
        return "{\"patient\":" + patient + ",\"labs\":" + labs + ",\"conditions\":" + empty + ",\"medications\":"
                + empty + ",\"procedures\":" + empty + "}";
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return ItCdsClient.send(request.build());
    }

    @Test
    void discoveryListsTheServices() throws Exception {
        HttpResponse<String> response = get("/cds-services", Map.of(), "GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode services = json(response).get("services");
        assertThat(services.findValuesAsText("id")).containsExactly("microcytic-anemia", "microcytic-iron-order-check");
        assertThat(services.get(0).get("prefetch").get("labs").asText()).contains("http://loinc.org|718-7");
    }

    @Test
    void corsPreflightIsAnsweredForTheServiceAndDiscovery() {
        for (String path : List.of("/cds-services/microcytic-anemia", "/cds-services")) {
            HttpResponse<String> response = get(
                    path,
                    Map.of(
                            "Origin", "https://sandbox.cds-hooks.org",
                            "Access-Control-Request-Method", "POST",
                            "Access-Control-Request-Headers", "authorization,content-type"),
                    "OPTIONS");

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .isPresent();
            assertThat(response.headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElse(""))
                    .contains("POST");
        }
    }

    @Test
    void callWithoutTokenIs401WithJsonErrorAndCorsHeaders() throws Exception {
        HttpResponse<String> response = ItCdsClient.send(HttpRequest.newBuilder(URI.create(serviceUrl()))
                .header("Content-Type", "application/json")
                .header("Origin", "https://sandbox.cds-hooks.org")
                .POST(HttpRequest.BodyPublishers.ofString(request("p1", null)))
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        // The body was never read, so the server closes the connection and must say so (CdsHooksErrorHandler).
        assertThat(response.headers().firstValue("Connection")).contains("close");
    }

    @Test
    void tokenForAnotherUrlUntrustedIssuerAndReplayAre401() {
        String body = request("p1", ironDeficiencyPrefetch("p1"));
        assertThat(ItCdsClient.post(serviceUrl(), body.getBytes(), ItCdsClient.bearer(serviceUrl() + "/feedback"))
                        .statusCode())
                .isEqualTo(401);
        TestEhr stranger = new TestEhr("https://stranger.example.org");
        assertThat(ItCdsClient.post(serviceUrl(), body.getBytes(), stranger.bearerFor(serviceUrl()))
                        .statusCode())
                .isEqualTo(401);
        String token = ItCdsClient.bearer(serviceUrl());
        HttpResponse<String> accepted = ItCdsClient.post(serviceUrl(), body.getBytes(), token);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Connection")).isEmpty();
        assertThat(ItCdsClient.post(serviceUrl(), body.getBytes(), token).statusCode())
                .isEqualTo(401);
    }

    /**
     * Regression: CI once failed here with "HTTP/1.1 header parser received no bytes" because a 401 left the request
     * body unread, Jetty closed the connection without saying so, and the pooled client sent the next call on it.
     */
    @Test
    void pooledClientCallsAgainRightAfterA401() {
        String body = request("p2", ironDeficiencyPrefetch("p2"));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = ItCdsClient.post(serviceUrl(), body.getBytes(), null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Connection")).contains("close");
            assertThat(ItCdsClient.post(serviceUrl(), body.getBytes(), ItCdsClient.bearer(serviceUrl()))
                            .statusCode())
                    .as("call %d after a 401", i)
                    .isEqualTo(200);
        }
    }

    /**
     * The race above made certain: the 401 is answered while the body is still on its way, so Jetty cannot keep the
     * connection and the answer must say so (it did not before the fix).
     */
    @Test
    void a401BeforeTheBodyArrivedSaysConnectionClose() throws Exception {
        URI uri = URI.create(serviceUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                lines.add(line.toLowerCase(Locale.ROOT));
            }
            assertThat(lines.get(0)).startsWith("http/1.1 401");
            assertThat(lines).contains("connection: close");
        }
    }

    @Test
    void ironDeficiencyGivesOrderedCardsWithTopicSuggestionsAndUuids() throws Exception {
        HttpResponse<String> response =
                ItCdsClient.post(serviceUrl(), request("ida-1", ironDeficiencyPrefetch("ida-1")), true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode cards = json(response).get("cards");
        assertThat(cards.size()).isBetween(1, 4);
        JsonNode first = cards.get(0);
        assertThat(first.get("source").get("topic").get("system").asText())
                .isEqualTo("https://fhir.microcytic.dev/CodeSystem/microcytic-cause");
        assertThat(first.get("source").get("topic").get("code").asText()).isEqualTo("iron-deficiency");
        assertThat(first.get("summary").asText()).contains("ferritin 6 ng/mL").hasSizeLessThan(140);
        assertThat(first.get("uuid").asText()).isNotBlank();
        assertThat(first.get("indicator").asText()).isIn("info", "warning", "critical");
        assertThat(first.get("detail").asText())
                .startsWith("**Iron deficiency anemia: likely**")
                .contains("- Ferritin 6 ng/mL")
                .contains("Knowledge microcytic ")
                .doesNotContain("| Index |");
        assertThat(first.get("source").get("label").asText()).containsPattern("(19|20)\\d\\d");
        assertThat(cards.findValuesAsText("code").stream()
                        .filter(c -> !c.isBlank())
                        .count())
                .isPositive();
        JsonNode suggestion = first.get("suggestions").get(0);
        assertThat(suggestion.get("uuid").asText()).isNotBlank();
        JsonNode resource = suggestion.get("actions").get(0).get("resource");
        assertThat(resource.get("resourceType").asText()).isEqualTo("ServiceRequest");
        assertThat(resource.get("status").asText()).isEqualTo("draft");
        assertThat(resource.get("intent").asText()).isEqualTo("proposal");
        assertThat(resource.get("subject").get("reference").asText()).isEqualTo("Patient/ida-1");
        assertThat(resource.get("code").get("coding").get(0).get("system").asText())
                .isEqualTo("https://fhir.microcytic.dev/CodeSystem/microcytic-test");
        List<String> topics = cards.findValues("topic").stream()
                .map(t -> t.get("code").asText())
                .toList();
        assertThat(topics).doesNotHaveDuplicates();
    }

    @Test
    void normalValuesGiveEmptyCards() throws Exception {
        String patient =
                "{\"resourceType\":\"Patient\",\"id\":\"n1\",\"gender\":\"male\",\"birthDate\":\"1980-01-01\"}";
        String labs = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + observation("hb", "n1", "718-7", 15.0, "g/dL") + "," + observation("mcv", "n1", "787-2", 90, "fL")
                + "]}";

        HttpResponse<String> response = ItCdsClient.post(
                serviceUrl(), request("n1", "{\"patient\":" + patient + ",\"labs\":" + labs + "}"), true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().replace(" ", "")).isEqualTo("{\"cards\":[]}");
    }

    @Test
    void clientErrorsGet400WithJsonBody() throws Exception {
        for (String body : List.of(
                "{not json",
                request("p1", "{}").replace("patient-view", "order-sign"),
                "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{}}")) {
            HttpResponse<String> response = ItCdsClient.post(serviceUrl(), body, true);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("bad-request");
            assertThat(json(response).get("message").asText()).isNotBlank();
        }
    }

    @Test
    void unknownServiceIs404() throws Exception {
        String url = baseUrl() + "/cds-services/no-such-service";

        HttpResponse<String> response = ItCdsClient.post(url, request("p1", null), true);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("not-found");
    }

    @Test
    void missingDataWithoutFhirServerIs412() throws Exception {
        HttpResponse<String> response = ItCdsClient.post(serviceUrl(), request("p1", null), true);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(json(response).get("error").asText()).isEqualTo("precondition-failed");
    }

    /** 3 MB of valid JSON (an object padded with spaces): over the 2 MB default limit. */
    private static byte[] hugeBody() {
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        return huge;
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        byte[] huge = hugeBody();

        HttpResponse<String> response = ItCdsClient.post(serviceUrl(), huge, ItCdsClient.bearer(serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).isEqualTo("payload-too-large");
    }

    @Test
    void chunkedBodiesWithoutContentLengthAreReadAndLimited() throws Exception {
        byte[] small = request("p1", null).getBytes(StandardCharsets.UTF_8);
        byte[] huge = hugeBody();

        HttpResponse<String> answered = chunked(small);
        HttpResponse<String> tooLarge = chunked(huge);

        // The answer of missingDataWithoutFhirServerIs412, so the chunked body was read whole and parsed.
        assertThat(answered.statusCode()).isEqualTo(412);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).get("error").asText()).isEqualTo("payload-too-large");
    }

    private HttpResponse<String> chunked(byte[] body) {
        // An InputStream publisher has no known length, so the client sends Transfer-Encoding: chunked.
        return ItCdsClient.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(serviceUrl()))
                .timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", ItCdsClient.bearer(serviceUrl()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build());
    }

    @Test
    void feedbackIsStoredInTheDatabase() throws Exception {
        String card = UUID.randomUUID().toString();
        String url = serviceUrl() + "/feedback";
        String body =
                """
                {"feedback":[
                  {"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"s-1"},{"id":"s-2"}],
                   "outcomeTimestamp":"2026-11-21T10:00:00Z"},
                  {"card":"%s","outcome":"overridden","overrideReason":{"reason":{"code":"known-diagnosis",
                   "system":"https://fhir.microcytic.dev/CodeSystem/microcytic-override-reason",
                   "display":"Known diagnosis explains the findings"},"userComment":"known trait"},
                   "outcomeTimestamp":"2026-11-21T10:05:00Z"}]}"""
                        .formatted(card, card);

        HttpResponse<String> response = ItCdsClient.post(url, body, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("stored").asInt()).isEqualTo(2);
        // Read back with plain SQL, not through the store that wrote it.
        List<Map<String, Object>> rows = new JdbcTemplate(dataSource)
                .queryForList(
                        "SELECT outcome, override_reason_code, client_iss FROM mcds_cds_feedback"
                                + " WHERE card_uuid = ? ORDER BY outcome_timestamp",
                        card);
        assertThat(rows).hasSize(2);
        assertThat(
                        rows.get(0).get("OUTCOME") != null
                                ? rows.get(0).get("OUTCOME")
                                : rows.get(0).get("outcome"))
                .isEqualTo("accepted");
        assertThat(feedbackStore.forCard(card))
                .satisfiesExactly(
                        first -> {
                            assertThat(first.outcome()).isEqualTo("accepted");
                            assertThat(first.acceptedSuggestions()).containsExactly("s-1", "s-2");
                            assertThat(first.clientIssuer()).isEqualTo(ItCdsClient.ISSUER);
                        },
                        second -> {
                            assertThat(second.outcome()).isEqualTo("overridden");
                            assertThat(second.overrideReasonCode()).isEqualTo("known-diagnosis");
                            assertThat(second.overrideComment()).isEqualTo("known trait");
                        });
    }

    @Test
    void malformedFeedbackIs400AndFeedbackNeedsItsOwnAudience() {
        String url = serviceUrl() + "/feedback";

        assertThat(ItCdsClient.post(url, "{\"feedback\":[{\"card\":\"c\"}]}", true)
                        .statusCode())
                .isEqualTo(400);
        assertThat(ItCdsClient.post(url, "{\"feedback\":[]}".getBytes(), ItCdsClient.bearer(serviceUrl()))
                        .statusCode())
                .isEqualTo(401);
    }
}

package dev.microcytic.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CaseFixtures fixtures = CaseFixtures.load(Instant.parse("2026-11-21T12:00:00Z"));

    @Test
    void patientViewCarriesTwelveLabsInAbout8KB() throws Exception {
        String body = fixtures.patientViewWithPrefetch(
                        "p1", "http://127.0.0.1:18080/fhir", List.of("patient", "labs", "conditions", "medications"))
                .replace("{{HOOK}}", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");

        JsonNode request = JSON.readTree(body);
        assertThat(request.path("hook").asText()).isEqualTo("patient-view");
        assertThat(request.path("context").path("patientId").asText()).isEqualTo("p1");
        assertThat(request.path("prefetch").path("labs").path("entry")).hasSize(12);
        assertThat(request.path("prefetch").path("patient").path("id").asText()).isEqualTo("p1");
        assertThat(request.path("prefetch").path("conditions").path("total").asInt())
                .isZero();
        assertThat(body).doesNotContain("{{");
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(7_000, 11_000);
    }

    @Test
    void labsAreDatedTheDayBefore() throws Exception {
        JsonNode request = JSON.readTree(
                fixtures.patientViewWithPrefetch("p1", null, List.of("labs")).replace("{{HOOK}}", "x"));

        JsonNode first =
                request.path("prefetch").path("labs").path("entry").get(0).path("resource");
        assertThat(first.path("effectiveDateTime").asText()).isEqualTo("2026-11-20T08:15:00Z");
        assertThat(first.path("code").path("coding").get(0).path("code").asText())
                .isEqualTo("718-7");
    }

    @Test
    void fallbackRequestHasNoPrefetchButAFhirServer() throws Exception {
        JsonNode request = JSON.readTree(fixtures.patientViewWithoutPrefetch("p2", "http://127.0.0.1:18080/fhir")
                .replace("{{HOOK}}", "x"));

        assertThat(request.has("prefetch")).isFalse();
        assertThat(request.path("fhirServer").asText()).isEqualTo("http://127.0.0.1:18080/fhir");
    }

    @Test
    void ingestTransactionHoldsOnePatientAndTwelveNewObservations() throws Exception {
        JsonNode bundle = JSON.readTree(
                fixtures.transaction(CaseFixtures.PATIENT_ID, false).replace(CaseFixtures.PATIENT_ID, "p3"));

        assertThat(bundle.path("type").asText()).isEqualTo("transaction");
        assertThat(bundle.path("entry")).hasSize(13);
        assertThat(bundle.path("entry").get(0).path("request").path("url").asText())
                .isEqualTo("Patient/p3");
        JsonNode observation = bundle.path("entry").get(1);
        assertThat(observation.path("request").path("method").asText()).isEqualTo("POST");
        assertThat(observation.path("resource").has("id")).isFalse();
        assertThat(observation
                        .path("resource")
                        .path("subject")
                        .path("reference")
                        .asText())
                .isEqualTo("Patient/p3");
    }

    @Test
    void preloadTransactionPutsObservationsUnderStableIds() throws Exception {
        JsonNode bundle = JSON.readTree(fixtures.transaction("p4", true).replace(CaseFixtures.PATIENT_ID, "p4"));

        assertThat(bundle.path("entry").get(12).path("request").path("url").asText())
                .isEqualTo("Observation/p4-lab-12");
    }
}

package dev.microcytic.server.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarmupRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void syntheticPanelIsDatedTheDayBeforeAndComplete() throws Exception {
        byte[] body = WarmupRequest.withPrefetch(Instant.parse("2027-03-02T17:00:00Z"));

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("{{");
        JsonNode request = JSON.readTree(body);
        assertThat(request.path("hook").asText()).isEqualTo("patient-view");
        assertThat(request.path("context").path("patientId").asText()).isEqualTo(WarmupRequest.PATIENT_ID);
        JsonNode labs = request.path("prefetch").path("labs").path("entry");
        assertThat(labs).hasSize(12);
        assertThat(labs.get(0).path("resource").path("effectiveDateTime").asText())
                .isEqualTo("2027-03-01T08:15:00Z");
        assertThat(request.path("prefetch").fieldNames())
                .toIterable()
                .containsExactly("patient", "labs", "conditions", "medications", "procedures");
    }
}

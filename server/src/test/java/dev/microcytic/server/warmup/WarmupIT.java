package dev.microcytic.server.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WarmupIT extends AbstractServerIT {

    @Autowired
    private WarmupHealthIndicator warmup;

    @Test
    void theWarmupRanTheServiceBeforeHealthSaidUp() throws Exception {
        assertThat(warmup.isFinished()).isTrue();
        String summary = warmup.health().getDetails().get("warmup").toString();
        int inProcessCalls = Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
        // The synthetic panel went through the real service (reader, engine, card writer) more than once.
        assertThat(inProcessCalls).isGreaterThan(1);

        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}

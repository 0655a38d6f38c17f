package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a full authenticated {@code patient-view} call over HTTP with a realistic prefetch (9 labs), after a
 * warm-up. CDS Hooks asks for answers "on the order of 500 ms"; the bound asserted here is loose because the build
 * machine is shared, and the measured numbers are logged.
 */
class CdsHooksLatencyIT extends AbstractServerIT {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksLatencyIT.class);

    @Test
    void patientViewAnswersWellWithinTheSpecBudget() {
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        byte[] body = CdsHooksHttpIT.request("lat-1", CdsHooksHttpIT.ironDeficiencyPrefetch("lat-1"))
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 30; i++) {
            assertThat(ItCdsClient.post(url, body, ItCdsClient.bearer(url)).statusCode())
                    .isEqualTo(200);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String token = ItCdsClient.bearer(url);
            long start = System.nanoTime();
            int status = ItCdsClient.post(url, body, token).statusCode();
            micros.add((System.nanoTime() - start) / 1_000);
            assertThat(status).isEqualTo(200);
        }
        Collections.sort(micros);
        double p50 = micros.get(micros.size() / 2) / 1000.0;
        double p95 = micros.get((int) (micros.size() * 0.95)) / 1000.0;
        double max = micros.get(micros.size() - 1) / 1000.0;
        String summary = String.format(
                java.util.Locale.ROOT,
                "patient-view over HTTP with JWT, 9-lab prefetch, 200 sequential calls: p50 %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms%n",
                p50,
                p95,
                max);
        log.info(summary.strip());
        // Kept as a build artifact: the application's log level may hide INFO lines of tests.
        try {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(System.getProperty("user.dir"), "target", "cds-hooks-latency.txt"), summary);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(p50).isLessThan(500.0);
    }
}

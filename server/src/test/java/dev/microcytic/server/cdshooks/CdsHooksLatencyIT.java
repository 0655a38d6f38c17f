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
        log.info(
                "patient-view over HTTP with JWT, 9-lab prefetch, 200 calls: p50 {} ms, p95 {} ms, max {} ms",
                p50,
                p95,
                max);
        assertThat(p50).isLessThan(500.0);
    }
}

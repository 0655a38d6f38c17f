package dev.microcytic.bench.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.bench.load.LoadGenerator;
import dev.microcytic.bench.scenario.Scenarios;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the server's background re-evaluation has interpreted every stored patient (the meters
 * {@code microcytic.reevaluation.pending} and {@code .running} both 0 twice in a row), so the interpretation queries
 * see every patient and no evaluation competes with a measurement. Needs the metrics actuator endpoint exposed.
 */
final class ReevaluationBacklog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadGenerator http;
    private final Scenarios scenarios;

    ReevaluationBacklog(LoadGenerator http, Scenarios scenarios) {
        this.http = http;
        this.scenarios = scenarios;
    }

    /** Seconds until drained; NaN when the meters are not readable; the limit when it did not drain in time. */
    double awaitDrained(Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        int quiet = 0;
        while (System.nanoTime() - t0 < limit.toNanos()) {
            double pending = meter("microcytic.reevaluation.pending");
            double running = meter("microcytic.reevaluation.running");
            if (Double.isNaN(pending) || Double.isNaN(running)) {
                return Double.NaN;
            }
            quiet = pending == 0 && running == 0 ? quiet + 1 : 0;
            if (quiet >= 2) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(250);
        }
        return limit.toSeconds();
    }

    private double meter(String name) throws InterruptedException {
        try {
            HttpResponse<String> response = http.call(scenarios.get("/actuator/metrics/" + name));
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            return JSON.readTree(response.body())
                    .path("measurements")
                    .path(0)
                    .path("value")
                    .asDouble(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}

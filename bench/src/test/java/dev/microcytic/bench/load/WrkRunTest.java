package dev.microcytic.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkRunTest {

    @Test
    void readsTheLineWrittenByPostBodyLua() {
        String output = "Running 15s test @ http://127.0.0.1:18080/cds-services/microcytic-anemia\n"
                + "  1 threads and 4 connections\n"
                + "wrk: 71719 requests in 20.1 s = 3567.9 req/s, non-2xx/socket errors 0, p50 0.97 ms, p99 5.17 ms,"
                + " p99.9 10.04 ms, max 19.75 ms\n";

        WrkRun run = WrkRun.parse(4, output).orElseThrow();

        assertThat(run.requests()).isEqualTo(71719);
        assertThat(run.seconds()).isEqualTo(20.1);
        assertThat(run.errors()).isZero();
        assertThat(run.p50Millis()).isEqualTo(0.97);
        assertThat(run.p99Millis()).isEqualTo(5.17);
        assertThat(run.p999Millis()).isEqualTo(10.04);
        assertThat(run.maxMillis()).isEqualTo(19.75);
        assertThat(run.throughput()).isBetween(3568.0, 3568.3);
    }

    @Test
    void outputWithoutTheResultLineIsEmpty() {
        assertThat(WrkRun.parse(4, "unable to connect to 127.0.0.1:18080 Connection refused"))
                .isEmpty();
    }
}

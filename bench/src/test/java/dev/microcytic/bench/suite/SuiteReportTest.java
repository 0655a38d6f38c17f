package dev.microcytic.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.microcytic.bench.load.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SuiteReportTest {

    private static final String ON = "product, re-evaluation on";
    private static final String OFF = "product, re-evaluation off";

    @Test
    void ingestRatiosArePairedWithinARoundAndTheTargetUsesTheirMedian() {
        SuiteResults results = new SuiteResults();
        // Round 1: on 30 / off 40 = 0.75; round 2: 38 / 40 = 0.95; round 3: 36 / 40 = 0.90. Plain HAPI 40 each round.
        double[] on = {30, 38, 36};
        for (int round = 1; round <= 3; round++) {
            results.ingest(ON, round, run(on[round - 1]), 13, null);
            results.ingest(OFF, round, run(40), 13, null);
            results.ingest(SuiteResults.PLAIN, round, run(40), 13, null);
        }

        String markdown = new SuiteReport(options(), results).markdown();

        assertThat(markdown)
                .contains("| ingest, re-evaluation on vs off | >= 0.90 | 0.90 (median of 3 rounds, 0.75-0.95) | met |")
                .contains("| ingest, re-evaluation on vs plain HAPI | >= 1.50 | 0.90 (median of 3 rounds, 0.75-0.95)"
                        + " | **MISSED** |")
                .contains("- ratio re-evaluation on / off: **0.90** (median; rounds: 0.75, 0.95, 0.90)")
                .contains("- ratio re-evaluation off / plain HAPI: **1.00**");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(SuiteReport.median(List.of(0.9, 0.7, 1.0, 0.8))).isCloseTo(0.85, within(1e-9));
        assertThat(SuiteReport.median(List.of(0.93))).isEqualTo(0.93);
    }

    /** A 10-second closed-loop run that completed {@code perSecond} transactions a second without errors. */
    private static LoadResult run(double perSecond) {
        Histogram latency = new Histogram(3);
        latency.recordValue(100_000);
        long completed = Math.round(perSecond * 10);
        return new LoadResult(
                "ingest", "closed 4 clients", completed, 0, 10, latency, Map.of(201, completed), List.of());
    }

    private static SuiteOptions options() {
        return SuiteOptions.parse(new String[0], Path.of("bench.jar"));
    }
}

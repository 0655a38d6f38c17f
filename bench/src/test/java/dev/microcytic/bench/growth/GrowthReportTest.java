package dev.microcytic.bench.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class GrowthReportTest {

    private static final String SLOW_QUERY = "leading cause iron deficiency, with Patients";

    @Test
    void targetsAreJudgedAtTheLargestCheckpointAgainstTheEmptyStore() {
        GrowthOptions options = GrowthOptions.parse(
                new String[] {"--target", "1000000", "--store", "postgres", "--command", "bench/growth.sh --postgres"});
        List<CheckpointResult> results = List.of(
                checkpoint(0, 40_000, 3_200, 500, 20, 10, 40, 300 << 20),
                checkpoint(100_000, 100_000, 8_000, 450, 25, 12, 80, 800L << 20),
                checkpoint(1_000_000, 1_000_000, 80_000, 390, 45, 31, 350, 7_000L << 20));

        String markdown =
                new GrowthReport(options, Instant.parse("2026-12-07T16:00:00Z"), results, List.of()).markdown();

        assertThat(markdown)
                .contains("### Growth run of 2026-12-07T16:00:00Z (PostgreSQL)")
                .contains("- Command: `bench/growth.sh --postgres`")
                .contains("#### Targets at 1,000,000 lab Observations\n")
                .contains("| ingest rate vs the empty store | >= 0.80 | 0.78 (390 vs 500 obs/s) | **MISSED** |")
                .contains("| $microcytic-differential p50 | <= 50 ms | 45.0 / 90.0 | met |")
                .contains("| CDS fallback p50 | <= 30 ms | 31.0 / 62.0 | **MISSED** |")
                // HdrHistogram keeps 3 significant digits: 350 ms reads back as 350.2.
                .containsPattern("\\| every documented query, p50 \\| <= 300 ms \\| slowest: " + SLOW_QUERY
                        + " 350\\.\\d / 70\\d\\.\\d \\| \\*\\*MISSED\\*\\* \\|")
                .contains("| 100,000 | 100,000 | 8,000 | 450 (36.0 tx/s) | 0.90 | 30 / 60 | 600 | 2.5 | 800 |")
                .contains("PostgreSQL database (MB)")
                .contains("| request | at 40,000 | at 100,000 | at 1,000,000 |")
                .contains("| current differential of a patient | 2.0 / 4.0 | 2.0 / 4.0 | 2.0 / 4.0 |");
    }

    @Test
    void aSmallRunSaysTheTargetsAreForAMillionAndListsProblems() {
        GrowthOptions options = GrowthOptions.parse(new String[] {"--target", "20000", "--checkpoints", "0,20000"});
        List<CheckpointResult> results = new ArrayList<>();
        results.add(checkpoint(0, 2_000, 160, 400, 20, 10, 40, 50 << 20));
        results.add(checkpoint(20_000, 20_000, 1_600, 380, 20, 10, 40, 120 << 20));

        String markdown = new GrowthReport(
                        options,
                        Instant.parse("2026-12-07T16:00:00Z"),
                        results,
                        List.of("checkpoint 20000: 2 transactions failed"))
                .markdown();

        assertThat(markdown)
                .contains("(H2 file)")
                .contains("#### Targets at 20,000 lab Observations (the targets are set for 1,000,000)")
                .contains("| ingest rate vs the empty store | >= 0.80 | 0.95 (380 vs 400 obs/s) | met |")
                .contains("H2 files (MB)")
                .contains("- checkpoint 20000: 2 transactions failed");
    }

    @Test
    void checkpointZeroIsMeasuredAfterTheWarmUpAndOneWindow() {
        GrowthOptions big = GrowthOptions.parse(new String[] {"--target", "1000000"});
        GrowthOptions small = GrowthOptions.parse(new String[] {"--target", "20000", "--checkpoints", "20000,0,10000"});

        assertThat(big.window()).isEqualTo(20_000);
        assertThat(big.checkpoints()).containsExactly(0L, 100_000L, 1_000_000L);
        assertThat(big.effective(0)).isEqualTo(40_000);
        assertThat(big.effective(100_000)).isEqualTo(100_000);
        assertThat(small.window()).isEqualTo(1_000);
        assertThat(small.checkpoints()).containsExactly(0L, 10_000L, 20_000L);
        assertThat(small.effective(0)).isEqualTo(2_000);
    }

    @Test
    void queriesAreTheReadmesWithTheSampledPatientAndEncodedBars() {
        List<InterpretationQueries.Query> queries =
                InterpretationQueries.all(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7));

        assertThat(queries).hasSize(12);
        assertThat(queries.get(3).path("growth-0000007"))
                .isEqualTo("/fhir/Observation?subject=Patient/growth-0000007&code=https://fhir.microcytic.dev/"
                        + "CodeSystem/microcytic-cds%7Cdifferential&status=final&_sort=-date&_count=1");
        assertThat(queries.get(11).path("x"))
                .isEqualTo("/fhir/GuidanceResponse?_lastUpdated=ge2026-11-07&_lastUpdated=lt2026-12-08&_summary=count");
        assertThat(InterpretationQueries.isQuery(SLOW_QUERY)).isTrue();
        assertThat(InterpretationQueries.isQuery(GrowthReport.FALLBACK)).isFalse();
    }

    /** A checkpoint whose every timing is 2/4 ms except the differential, the fallback and the slowest query. */
    private static CheckpointResult checkpoint(
            long checkpoint,
            long observations,
            long patients,
            double observationsPerSecond,
            double differentialMillis,
            double fallbackMillis,
            double slowQueryMillis,
            long storeBytes) {
        List<Timing> timings = new ArrayList<>();
        timings.add(timing(GrowthReport.DIFFERENTIAL, differentialMillis));
        timings.add(timing(GrowthReport.FALLBACK, fallbackMillis));
        for (InterpretationQueries.Query q : InterpretationQueries.all(LocalDate.EPOCH, LocalDate.EPOCH)) {
            timings.add(timing(q.name(), q.name().equals(SLOW_QUERY) ? slowQueryMillis : 2));
        }
        return new CheckpointResult(
                checkpoint,
                observations,
                patients,
                stretch(60_000, 100),
                stretch(observationsPerSecond * 10, 10),
                2.5,
                storeBytes,
                timings);
    }

    /** Half the calls at {@code millis}, half at twice that: p50 = millis, p99 = 2 x millis. */
    private static Timing timing(String name, double millis) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount((long) (millis * 1000), 50);
        h.recordValueWithCount((long) (millis * 2000), 50);
        return new Timing(name, h, 0, "");
    }

    private static IngestStretch stretch(double observations, double seconds) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(30_000, 50);
        h.recordValueWithCount(60_000, 50);
        return new IngestStretch((long) observations, (long) (observations / 12.5), seconds, h, 0, 0, List.of());
    }
}

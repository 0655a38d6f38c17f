package dev.microcytic.bench.growth;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One stretch of loading: how many lab Observations (in how many transactions) went in, in how long, and each
 * transaction's latency in microseconds.
 */
record IngestStretch(
        long observations,
        long transactions,
        double seconds,
        Histogram latency,
        long errors,
        long retries,
        List<String> errorSamples) {

    double observationsPerSecond() {
        return seconds <= 0 ? 0 : observations / seconds;
    }

    double transactionsPerSecond() {
        return seconds <= 0 ? 0 : transactions / seconds;
    }

    double percentileMillis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }
}

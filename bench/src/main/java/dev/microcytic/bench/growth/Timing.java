package dev.microcytic.bench.growth;

import org.HdrHistogram.Histogram;

/**
 * Latencies (microseconds) of one kind of request at one checkpoint, and how many answers were not the expected
 * status.
 *
 * @param firstError the first unexpected answer, abbreviated, or empty
 */
record Timing(String name, Histogram latency, long errors, String firstError) {

    double percentileMillis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    long count() {
        return latency.getTotalCount();
    }
}

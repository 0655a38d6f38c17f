package dev.microcytic.bench.load;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured. Latencies are in microseconds in {@code latency}; for fixed-rate runs they are taken
 * from each request's intended send time (so a stalled server is not hidden by coordinated omission).
 *
 * @param name scenario name
 * @param mode "fixed 200/s" or "closed 4 clients"
 * @param completed requests that got any answer or failed (ok + errors)
 * @param errors non-expected status codes, timeouts and I/O errors
 * @param seconds measured wall time (first intended send to last completion)
 * @param statusCounts answers per HTTP status (-1 = no answer)
 * @param errorSamples up to three error descriptions
 */
public record LoadResult(
        String name,
        String mode,
        long completed,
        long errors,
        double seconds,
        Histogram latency,
        Map<Integer, Long> statusCounts,
        List<String> errorSamples) {

    public double throughput() {
        return seconds <= 0 ? 0 : completed / seconds;
    }

    public double okThroughput() {
        return seconds <= 0 ? 0 : (completed - errors) / seconds;
    }

    /** Latency percentile in milliseconds. */
    public double percentileMillis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    public double meanMillis() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMean() / 1000.0;
    }

    public double maxMillis() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
    }

    /** One line for logs and the markdown report. */
    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "%s [%s]: %d requests in %.1f s = %.1f req/s, errors %d, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                        + " max %.2f ms",
                name,
                mode,
                completed,
                seconds,
                throughput(),
                errors,
                percentileMillis(50),
                percentileMillis(99),
                percentileMillis(99.9),
                maxMillis());
    }
}

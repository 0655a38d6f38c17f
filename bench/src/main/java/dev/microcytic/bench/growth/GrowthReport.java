package dev.microcytic.bench.growth;

import dev.microcytic.bench.suite.Machine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The growth benchmark's markdown: what ran, then per checkpoint the ingest rate and store size, the latency of every
 * measured request, and the targets judged at the largest checkpoint (the targets are set for 1,000,000 lab
 * Observations; a smaller run is judged the same way but says so).
 */
final class GrowthReport {

    static final double INGEST_RATIO_GOAL = 0.80;
    static final double DIFFERENTIAL_P50_GOAL = 50;
    static final double FALLBACK_P50_GOAL = 30;
    static final double QUERY_P50_GOAL = 300;
    static final String DIFFERENTIAL = "$microcytic-differential (POST, stores)";
    static final String FALLBACK = "CDS fallback (patient-view, no prefetch)";

    private final GrowthOptions options;
    private final Instant started;
    private final List<CheckpointResult> results;
    private final List<String> problems;
    private final StringBuilder md = new StringBuilder();

    GrowthReport(GrowthOptions options, Instant started, List<CheckpointResult> results, List<String> problems) {
        this.options = options;
        this.started = started;
        this.results = results;
        this.problems = problems;
    }

    String markdown() {
        line("### Growth run of " + started.truncatedTo(ChronoUnit.SECONDS) + " (" + store() + ")");
        line("");
        line("- Machine: " + Machine.describe());
        line("- JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        if (!options.gitCommit().isEmpty()) {
            line("- Commit: `" + options.gitCommit() + "`");
        }
        if (!options.command().isEmpty()) {
            line("- Command: `" + options.command() + "`");
        }
        if (!options.serverCommand().isEmpty()) {
            line("- Server: `" + options.serverCommand() + "`");
        }
        line(String.format(
                Locale.ROOT,
                "- Data: synthetic patients (seed %d, results up to %s), CBC + iron studies, LOINC/UCUM, 1 Patient PUT"
                        + " + its Observations POST per transaction; %d concurrent clients; re-evaluation on",
                options.seed(),
                options.anchor(),
                options.clients()));
        line(String.format(
                Locale.ROOT,
                "- Ingest rate: lab Observations/s over the last %,d before each checkpoint (after %,d of warm-up for"
                        + " checkpoint 0), each stretch started with no re-evaluation backlog",
                options.window(),
                options.warmup()));
        line(String.format(
                Locale.ROOT,
                "- Latencies: one sequential client on the idle server after the re-evaluation backlog drained; %d"
                        + " sampled patients per patient request (%d calls per population query), after %d untimed"
                        + " calls of each",
                options.samples(),
                options.populationSamples(),
                options.probeWarmup()));
        line("- Finished: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " (started "
                + started.truncatedTo(ChronoUnit.SECONDS) + ")");
        line("");
        if (results.isEmpty()) {
            line("No checkpoint was measured.");
        } else {
            targets();
            ingest();
            latencies();
        }
        if (!problems.isEmpty()) {
            line("");
            line("Problems:");
            line("");
            problems.forEach(p -> line("- " + p));
        }
        return md.toString();
    }

    private void targets() {
        CheckpointResult first = results.get(0);
        CheckpointResult last = results.get(results.size() - 1);
        String at = String.format(Locale.ROOT, "%,d", last.observations());
        line("#### Targets at " + at + " lab Observations"
                + (last.checkpoint() < 1_000_000 ? " (the targets are set for 1,000,000)" : ""));
        line("");
        line("| target | goal | measured | verdict |");
        line("|---|---|---|---|");
        double ratio = ratio(last, first);
        row(
                "ingest rate vs the empty store",
                ">= " + fixed(INGEST_RATIO_GOAL),
                fixed(ratio)
                        + String.format(
                                Locale.ROOT,
                                " (%.0f vs %.0f obs/s)",
                                last.ingest().observationsPerSecond(),
                                first.ingest().observationsPerSecond()),
                results.size() > 1 ? ratio >= INGEST_RATIO_GOAL : null);
        Timing differential = timing(last, DIFFERENTIAL);
        row("$microcytic-differential p50", "<= 50 ms", ms(differential), p50(differential) <= DIFFERENTIAL_P50_GOAL);
        Timing fallback = timing(last, FALLBACK);
        row("CDS fallback p50", "<= 30 ms", ms(fallback), p50(fallback) <= FALLBACK_P50_GOAL);
        Timing slowest = null;
        for (Timing t : last.timings()) {
            if (InterpretationQueries.isQuery(t.name()) && (slowest == null || p50(t) > p50(slowest))) {
                slowest = t;
            }
        }
        row(
                "every documented query, p50",
                "<= 300 ms",
                slowest == null ? "-" : "slowest: " + slowest.name() + " " + ms(slowest),
                slowest != null && p50(slowest) <= QUERY_P50_GOAL);
        line("");
    }

    private void ingest() {
        line("#### Ingest and store size");
        line("");
        line("| checkpoint | lab Observations stored | patients | ingest obs/s (last stretch) | vs checkpoint 0"
                + " | transaction p50 / p99 (ms) | load to stretch (obs/s) | re-evaluation drain (s) | "
                + (options.store().equals("h2") ? "H2 files" : "PostgreSQL database") + " (MB) |");
        line("|---|---|---|---|---|---|---|---|---|");
        CheckpointResult first = results.get(0);
        for (CheckpointResult r : results) {
            IngestStretch s = r.ingest();
            line(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %,d | %.0f (%.1f tx/s) | %s | %.0f / %.0f | %s | %s | %s |",
                    r.checkpoint(),
                    r.observations(),
                    r.patients(),
                    s.observationsPerSecond(),
                    s.transactionsPerSecond(),
                    fixed(ratio(r, first)),
                    s.percentileMillis(50),
                    s.percentileMillis(99),
                    r.bulk().observations() == 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", r.bulk().observationsPerSecond()),
                    Double.isNaN(r.drainSeconds()) ? "?" : String.format(Locale.ROOT, "%.1f", r.drainSeconds()),
                    r.storeBytes() < 0 ? "?" : String.format(Locale.ROOT, "%,.0f", r.storeBytes() / 1_048_576.0)));
        }
        line("");
    }

    private void latencies() {
        line("#### Latency, p50 / p99 in ms (errors in brackets)");
        line("");
        StringBuilder header = new StringBuilder("| request |");
        StringBuilder rule = new StringBuilder("|---|");
        for (CheckpointResult r : results) {
            header.append(String.format(Locale.ROOT, " at %,d |", r.observations()));
            rule.append("---|");
        }
        line(header.toString());
        line(rule.toString());
        for (Timing t : results.get(0).timings()) {
            StringBuilder row = new StringBuilder("| " + t.name() + " |");
            for (CheckpointResult r : results) {
                row.append(' ').append(ms(timing(r, t.name()))).append(" |");
            }
            line(row.toString());
        }
        line("");
    }

    private static double ratio(CheckpointResult r, CheckpointResult first) {
        double base = first.ingest().observationsPerSecond();
        return base <= 0 ? Double.NaN : r.ingest().observationsPerSecond() / base;
    }

    private static Timing timing(CheckpointResult r, String name) {
        return r.timings().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static double p50(Timing t) {
        return t == null ? Double.NaN : t.percentileMillis(50);
    }

    private static String ms(Timing t) {
        if (t == null || t.count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f", t.percentileMillis(50), t.percentileMillis(99))
                + (t.errors() > 0 ? " (" + t.errors() + ")" : "");
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private String store() {
        return options.store().equals("h2") ? "H2 file" : "PostgreSQL";
    }

    /** {@code met} null: nothing to judge yet (the ratio needs a second checkpoint). */
    private void row(String target, String goal, String measured, Boolean met) {
        String verdict = met == null ? "-" : met ? "met" : "**MISSED**";
        line("| " + target + " | " + goal + " | " + measured + " | " + verdict + " |");
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}

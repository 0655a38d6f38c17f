package dev.microcytic.bench.suite;

import dev.microcytic.bench.load.LoadResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Renders {@link SuiteResults} as the markdown section that {@code bench/run.sh} splices into BENCHMARKS.md. */
public final class SuiteReport {

    private static final String ON = "re-evaluation on";
    private static final String OFF = "re-evaluation off";

    private final SuiteOptions options;
    private final SuiteResults results;
    private final StringBuilder md = new StringBuilder();

    SuiteReport(SuiteOptions options, SuiteResults results) {
        this.options = options;
        this.results = results;
    }

    String markdown() {
        line("### Run of " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (options.smoke() ? " (smoke)" : ""));
        line("");
        line("- Machine: " + Machine.describe());
        line("- JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + " (client and servers)");
        if (!options.gitCommit().isEmpty()) {
            line("- Commit: `" + options.gitCommit() + "`");
        }
        if (!options.command().isEmpty()) {
            line("- Command: `" + options.command() + "`");
        }
        line(
                "- Server JVM options: `" + String.join(" ", options.jvmOptions()) + "`"
                        + (options.jfr() ? " plus JFR (settings=profile)" : "")
                        + "; H2 in memory (patient-view, fallback) or on file (ingest comparison, fresh files); CDS auth off; all traffic to 127.0.0.1; client in its own JVM on the same 2 cores");
        line("- patient-view request: " + results.requestBytes() + " bytes, 12 lab Observations, prefetch keys "
                + results.prefetchKeys());
        line("");
        targets();
        startupAndMemory();
        firstCalls();
        loadTable("patient-view with full prefetch (`POST /cds-services/microcytic-anemia`)", results.patientView());
        wrkTable();
        if (results.fallbackStatus() != 0) {
            line("Fallback sanity call: HTTP " + results.fallbackStatus() + ", cards " + results.fallbackCards());
            line("");
        }
        loadTable("Fallback: no prefetch, data read from `fhirServer` (the same server's `/fhir`)", results.fallback());
        ingest();
        warmupLengths();
        profiles();
        commands();
        if (!results.problems().isEmpty()) {
            line("#### Problems");
            line("");
            results.problems().forEach(p -> line("- " + p));
            line("");
        }
        return md.toString();
    }

    private void targets() {
        line("#### Targets");
        line("");
        line("| target | goal | measured | verdict |");
        line("|---|---|---|---|");
        line("| engine per evaluation | < 20 us | JMH, see the engine section | - |");
        Optional<LoadResult> fixed =
                find(results.patientView(), r -> r.mode().equals(fixedMode(options.effectiveRate())));
        fixed.ifPresentOrElse(
                r -> {
                    target(
                            "patient-view p50 at " + (int) options.effectiveRate() + "/s",
                            "<= 3 ms",
                            ms(r.percentileMillis(50)),
                            r.percentileMillis(50) <= 3);
                    target(
                            "patient-view p99 at " + (int) options.effectiveRate() + "/s",
                            "<= 10 ms",
                            ms(r.percentileMillis(99)),
                            r.percentileMillis(99) <= 10);
                },
                () -> target("patient-view at fixed rate", "p50 <= 3 ms, p99 <= 10 ms", "not run", false));
        find(results.patientView(), r -> r.mode().equals(fixedMode(500)))
                .ifPresent(r -> target(
                        "patient-view p99 at 500/s",
                        "<= 10 ms",
                        ms(r.percentileMillis(99)),
                        r.percentileMillis(99) <= 10));
        Optional<LoadResult> best = results.patientView().stream()
                .filter(r -> r.mode().startsWith("closed") && r.errors() == 0)
                .max((a, b) -> Double.compare(a.throughput(), b.throughput()));
        results.wrk().stream()
                .filter(r -> r.errors() == 0)
                .max((a, b) -> Double.compare(a.throughput(), b.throughput()))
                .ifPresent(r -> target(
                        "patient-view saturation with wrk, no errors",
                        ">= 1000 req/s",
                        String.format(
                                Locale.ROOT,
                                "%.0f req/s (%d connections, p99 %s)",
                                r.throughput(),
                                r.connections(),
                                ms(r.p99Millis())),
                        r.throughput() >= 1000));
        best.ifPresentOrElse(
                r -> target(
                        "patient-view saturation, no errors",
                        ">= 1000 req/s",
                        String.format(Locale.ROOT, "%.0f req/s (%s)", r.throughput(), r.mode()),
                        r.throughput() >= 1000),
                () -> target(
                        "patient-view saturation, no errors",
                        ">= 1000 req/s",
                        results.patientView().isEmpty() ? "not run" : "every run had errors",
                        false));
        results.firstCalls().stream()
                .findFirst()
                .ifPresentOrElse(
                        c -> target(
                                "first call after health UP",
                                "<= 100 ms",
                                ms(c.millis()) + " (HTTP " + c.status() + ")",
                                c.millis() <= 100 && c.status() == 200),
                        () -> target("first call after health UP", "<= 100 ms", "not run", false));
        find(results.fallback(), r -> r.mode().startsWith("fixed"))
                .ifPresentOrElse(
                        r -> target(
                                "fallback p50 at " + r.mode().substring(6),
                                "<= 20 ms",
                                ms(r.percentileMillis(50)),
                                r.percentileMillis(50) <= 20),
                        () -> target("fallback p50", "<= 20 ms", "not run", false));
        ratioTarget("ingest, re-evaluation on vs off", ">= 0.90", ON, OFF, 0.9);
        ratioTarget("ingest, re-evaluation on vs plain HAPI", ">= 1.50", ON, SuiteResults.PLAIN, 1.5);
        results.starts().stream()
                .filter(s -> s.server().startsWith("product"))
                .mapToDouble(SuiteResults.Start::healthySeconds)
                .max()
                .ifPresentOrElse(
                        s -> target(
                                "startup to health UP (slowest product start)",
                                "<= 15 s",
                                String.format(Locale.ROOT, "%.1f s", s),
                                s <= 15),
                        () -> target("startup to health UP", "<= 15 s", "not run", false));
        double heap = results.memory().entrySet().stream()
                .filter(e -> !e.getKey().contains(SuiteResults.PLAIN))
                .mapToDouble(e -> e.getValue().heapMb())
                .filter(d -> !Double.isNaN(d))
                .max()
                .orElse(Double.NaN);
        target(
                "heap used under load (peak sample, -Xmx768m)",
                "<= 768 MB",
                Double.isNaN(heap) ? "not sampled" : String.format(Locale.ROOT, "%.0f MB", heap),
                heap <= 768);
        line("");
    }

    private void startupAndMemory() {
        line("#### Startup and memory");
        line("");
        line("| server | start to health UP (s) | Spring \"Started in\" (s) | RSS after start (MB) |");
        line("|---|---|---|---|");
        for (SuiteResults.Start s : results.starts()) {
            line(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %s | %s |",
                    s.server(),
                    s.healthySeconds(),
                    s.springSeconds().isPresent()
                            ? String.format(
                                    Locale.ROOT, "%.1f", s.springSeconds().getAsDouble())
                            : "-",
                    s.rssKbAfterStart() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", s.rssKbAfterStart() / 1024.0)));
        }
        line("");
        line("| load phase | peak RSS (MB) | peak heap used (MB) | samples |");
        line("|---|---|---|---|");
        results.memory()
                .forEach((phase, peak) -> line(String.format(
                        Locale.ROOT, "| %s | %.0f | %.0f | %d |", phase, peak.rssMb(), peak.heapMb(), peak.samples())));
        line("");
    }

    private void firstCalls() {
        line("#### First calls after health UP (patient-view with prefetch)");
        line("");
        line("| call | HTTP | latency |");
        line("|---|---|---|");
        for (SuiteResults.FirstCall c : results.firstCalls()) {
            line("| " + (c.index() + 1) + " | " + c.status() + " | " + ms(c.millis()) + " |");
        }
        line("");
        results.firstCalls().stream().findFirst().ifPresent(c -> {
            line("Cards of the first call (the iron-deficiency case):");
            line("");
            c.cards().forEach(card -> line("1. " + card.replace("|", "\\|")));
            line("");
        });
    }

    private void wrkTable() {
        if (results.wrk().isEmpty()) {
            return;
        }
        line("#### patient-view saturation with wrk (same request, `bench/wrk/post-body.lua`, one wrk thread)");
        line("");
        line("| connections | requests | seconds | req/s | errors | p50 | p99 | p99.9 | max |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (var r : results.wrk()) {
            line(String.format(
                    Locale.ROOT,
                    "| %d | %d | %.1f | %.1f | %d | %s | %s | %s | %s |",
                    r.connections(),
                    r.requests(),
                    r.seconds(),
                    r.throughput(),
                    r.errors(),
                    ms(r.p50Millis()),
                    ms(r.p99Millis()),
                    ms(r.p999Millis()),
                    ms(r.maxMillis())));
        }
        line("");
        line("wrk needs far less CPU per request than the Java client, so more of the two cores go to the server;"
                + " its latencies are from the actual send (closed loop).");
        line("");
    }

    private void loadTable(String title, List<LoadResult> runs) {
        line("#### " + title);
        line("");
        if (runs.isEmpty()) {
            line("(not run)");
            line("");
            return;
        }
        line("| run | model | requests | seconds | req/s | errors | p50 | p90 | p99 | p99.9 | max |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (LoadResult r : runs) {
            line(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.1f | %.1f | %d | %s | %s | %s | %s | %s |",
                    r.name(),
                    r.mode(),
                    r.completed(),
                    r.seconds(),
                    r.throughput(),
                    r.errors(),
                    ms(r.percentileMillis(50)),
                    ms(r.percentileMillis(90)),
                    ms(r.percentileMillis(99)),
                    ms(r.percentileMillis(99.9)),
                    ms(r.maxMillis())));
        }
        line("");
        line("Fixed-rate latencies are measured from each request's intended send time (coordinated omission"
                + " corrected); closed-loop latencies from the actual send.");
        line("");
    }

    private void ingest() {
        line("#### Ingest: transactions of 1 Patient (PUT) + 12 Observations (POST), " + options.ingestClients()
                + " concurrent clients");
        line("");
        if (results.ingest().isEmpty()) {
            line("(not run)");
            line("");
            return;
        }
        line(
                "| server | round | transactions | tx/s | resources/s | errors | p50 | p99 | p99.9 | differentials stored |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (SuiteResults.Ingest i : results.ingest()) {
            SuiteResults.Drain d = i.drain();
            line(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.0f | %d | %s | %s | %s | %s |",
                    i.label(),
                    i.round(),
                    i.run().completed(),
                    i.transactionsPerSecond(),
                    i.resourcesPerSecond(),
                    i.run().errors(),
                    ms(i.run().percentileMillis(50)),
                    ms(i.run().percentileMillis(99)),
                    ms(i.run().percentileMillis(99.9)),
                    d == null
                            ? "-"
                            : String.format(
                                    Locale.ROOT,
                                    "%d of %d, %.1f s after the load",
                                    d.differentials(),
                                    d.expected(),
                                    d.seconds())));
        }
        line("");
        ratioLine("re-evaluation on / off", ON, OFF);
        ratioLine("re-evaluation on / plain HAPI", ON, SuiteResults.PLAIN);
        ratioLine("re-evaluation off / plain HAPI", OFF, SuiteResults.PLAIN);
        line("");
        if (!ratios(ON, OFF).isEmpty()) {
            line("Servers run side by side, each idle while another is measured; each round measures them in a"
                    + " rotated order, and a re-evaluating server's differentials are awaited before the next run."
                    + " Ratios are taken within a round; the median over the rounds is what the targets use.");
            line("");
        }
    }

    private void ratioLine(String what, String numerator, String denominator) {
        List<Double> ratios = ratios(numerator, denominator);
        if (ratios.isEmpty()) {
            return;
        }
        line("- ratio " + what + ": **" + ratio(median(ratios)) + "** (median; rounds: "
                + String.join(", ", ratios.stream().map(SuiteReport::ratio).toList()) + ")");
    }

    private void ratioTarget(String what, String goal, String numerator, String denominator, double least) {
        List<Double> ratios = ratios(numerator, denominator);
        if (ratios.isEmpty()) {
            target(what, goal, "not run", false);
            return;
        }
        double median = median(ratios);
        String measured = ratios.size() == 1
                ? ratio(median)
                : ratio(median) + " (median of " + ratios.size() + " rounds, "
                        + ratio(ratios.stream()
                                .mapToDouble(Double::doubleValue)
                                .min()
                                .orElseThrow()) + "-"
                        + ratio(ratios.stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElseThrow()) + ")";
        target(what, goal, measured, median >= least);
    }

    /** Throughput ratios of two servers, one per round in which both were measured. */
    private List<Double> ratios(String numerator, String denominator) {
        List<Double> ratios = new ArrayList<>();
        for (SuiteResults.Ingest top : results.ingest()) {
            if (!top.label().contains(numerator)) {
                continue;
            }
            results.ingest().stream()
                    .filter(bottom -> bottom.label().contains(denominator) && bottom.round() == top.round())
                    .filter(bottom -> bottom.transactionsPerSecond() > 0)
                    .findFirst()
                    .ifPresent(bottom -> ratios.add(top.transactionsPerSecond() / bottom.transactionsPerSecond()));
        }
        return ratios;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void warmupLengths() {
        if (results.warmupLengths().isEmpty()) {
            return;
        }
        line("#### Warm-ups: until the server's JIT compilers went quiet");
        line("");
        line("| warm-up | seconds | compiler threads over the last 10 s (share of one core) |");
        line("|---|---|---|");
        for (SuiteResults.WarmupLength w : results.warmupLengths()) {
            line(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %s |",
                    w.name(),
                    w.seconds(),
                    Double.isNaN(w.compilerShare())
                            ? "unknown (fixed length)"
                            : String.format(Locale.ROOT, "%.2f%s", w.compilerShare(), w.quiet() ? "" : " (limit)")));
        }
        line("");
    }

    private void profiles() {
        if (results.profiles().isEmpty()) {
            return;
        }
        line("#### JFR execution samples (top frames)");
        line("");
        results.profiles().forEach((server, text) -> {
            line("`" + server + "`:");
            line("");
            line("```");
            md.append(text);
            line("```");
            line("");
        });
    }

    private void commands() {
        line("<details><summary>Server command lines</summary>");
        line("");
        results.commands().forEach((server, command) -> line("- " + server + ": `" + command + "`"));
        line("");
        line("</details>");
        line("");
    }

    private static Optional<LoadResult> find(List<LoadResult> runs, Predicate<LoadResult> test) {
        return runs.stream().filter(test).findFirst();
    }

    private static String fixedMode(double rate) {
        return String.format(Locale.ROOT, "fixed %.0f/s", rate);
    }

    private void target(String what, String goal, String measured, boolean met) {
        String verdict = measured.startsWith("not ") || measured.startsWith("no ") ? "-" : met ? "met" : "**MISSED**";
        line("| " + what + " | " + goal + " | " + measured + " | " + verdict + " |");
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}

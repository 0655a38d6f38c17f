package dev.microcytic.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.bench.load.LoadGenerator;
import dev.microcytic.bench.load.LoadResult;
import dev.microcytic.bench.load.RequestSource;
import dev.microcytic.bench.load.WrkRun;
import dev.microcytic.bench.scenario.CaseFixtures;
import dev.microcytic.bench.scenario.Scenarios;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole benchmark: starts the product server (and for the ingest comparison two more product servers and the
 * plain HAPI baseline), runs every scenario against 127.0.0.1 only, stops everything and writes a markdown report.
 * Returns non-zero when any scenario had errors or could not run, so {@code --smoke} can gate CI.
 */
public final class BenchSuite {

    private static final Logger log = LoggerFactory.getLogger(BenchSuite.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String DIFFERENTIAL_CODE =
            "https://fhir.microcytic.dev/CodeSystem/microcytic-cds|differential";
    private static final IntPredicate OK = status -> status == 200;
    private static final IntPredicate CREATED_OR_OK = status -> status == 200 || status == 201;
    private static final Duration WARM_CHUNK = Duration.ofSeconds(10);
    /** Compiler CPU (share of one core) under which a server counts as compiled; C2 alone used ~0.35 in round 1. */
    private static final double QUIET_COMPILER_SHARE = 0.10;

    /** The prefetch keys the product's discovery lists; any further key the discovery lists is added. */
    private static final List<String> DEFAULT_PREFETCH_KEYS =
            List.of("patient", "labs", "conditions", "medications", "procedures");

    private final SuiteOptions options;
    private final SuiteResults results = new SuiteResults();
    private final CaseFixtures fixtures = CaseFixtures.load(Instant.now());
    private final SuiteServers servers;

    private BenchSuite(SuiteOptions options) {
        this.options = options;
        this.servers = new SuiteServers(options, results);
    }

    /** Runs the suite; the exit code is 0 when every scenario ran without errors. */
    public static int run(String[] args, Path ownJar) throws Exception {
        SuiteOptions options = SuiteOptions.parse(args, ownJar);
        BenchSuite suite = new BenchSuite(options);
        try {
            suite.runAll();
        } catch (RuntimeException | IOException e) {
            log.error("benchmark aborted", e);
            suite.results.problem("aborted: " + e.getMessage());
        }
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), new SuiteReport(options, suite.results).markdown(), StandardCharsets.UTF_8);
        log.info("report written to {}", options.out());
        suite.results.problems().forEach(p -> log.warn("problem: {}", p));
        return suite.results.problems().isEmpty() ? 0 : 1;
    }

    private void runAll() throws Exception {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IllegalStateException("no server jar at " + options.serverJar() + "; build it first");
        }
        try (LoadGenerator http = new LoadGenerator(TIMEOUT)) {
            http.warmUp(300, fixtures.patientViewWithPrefetch("bench-client", null, DEFAULT_PREFETCH_KEYS));
            phase("product server", () -> {
                try (ServerProcess server = servers.startProduct("product", true)) {
                    Scenarios scenarios = new Scenarios(base(options.port()), TIMEOUT);
                    results.afterStart(server.name(), server.rssKb());
                    List<String> keys = firstCalls(http, scenarios);
                    phase("patient-view", () -> patientView(http, scenarios, server, keys));
                    phase("fallback", () -> fallback(http, scenarios, server));
                    if (options.smoke()) {
                        phase("ingest", () -> {
                            IngestServer product =
                                    new IngestServer(server, scenarios, "product, re-evaluation on", true);
                            ingestWarmUp(http, product);
                            ingestRound(http, product, 1);
                        });
                    }
                    servers.stop(server);
                }
            });
            if (!options.smoke()) {
                phase("ingest comparison", () -> ingestComparison(http));
            }
        }
    }

    /** A server of the ingest comparison: the product with re-evaluation on or off, or plain HAPI. */
    private record IngestServer(ServerProcess process, Scenarios scenarios, String label, boolean reevaluates) {}

    /**
     * Re-evaluation on, off and plain HAPI run side by side (each idle while another is measured) and are measured in
     * {@link SuiteOptions#ingestRounds()} rounds, each round in a rotated order, so no server always goes first (still
     * partly in JIT warm-up) or last; the ratios are taken per round and the report gives their median. One run per
     * server in a fixed order made the ratios swing by ±10 % on a noisy 2-core machine.
     */
    private void ingestComparison(LoadGenerator http) throws Exception {
        List<IngestServer> servers = new ArrayList<>();
        try {
            servers.add(startIngestServer("product-reeval-on", options.port(), "product, re-evaluation on", true));
            servers.add(startIngestServer(
                    "product-reeval-off", options.reevaluationOffPort(), "product, re-evaluation off", false));
            if (options.plain()) {
                ServerProcess plain = this.servers.startPlain(this.servers.fileDatabase("plain-hapi"));
                results.afterStart(plain.name(), plain.rssKb());
                servers.add(new IngestServer(
                        plain, new Scenarios(base(options.plainPort()), TIMEOUT), SuiteResults.PLAIN, false));
            }
            for (IngestServer server : servers) {
                ingestWarmUp(http, server);
            }
            for (int round = 1; round <= options.ingestRounds(); round++) {
                for (int index : roundOrder(servers.size(), round)) {
                    ingestRound(http, servers.get(index), round);
                }
            }
        } finally {
            for (int i = servers.size() - 1; i >= 0; i--) {
                this.servers.stop(servers.get(i).process());
            }
        }
    }

    /** The servers' indexes in the order round {@code round} (from 1) measures them: the first order rotated. */
    static List<Integer> roundOrder(int servers, int round) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            order.add((i + round - 1) % servers);
        }
        return order;
    }

    private IngestServer startIngestServer(String name, int port, String label, boolean reevaluation)
            throws IOException, InterruptedException {
        ServerProcess server = servers.startProduct(name, port, reevaluation, servers.fileDatabase(name));
        results.afterStart(server.name(), server.rssKb());
        return new IngestServer(server, new Scenarios(base(port), TIMEOUT), label, reevaluation);
    }

    /** One phase's failure is recorded and the suite goes on, so a report always shows what could be measured. */
    private void phase(String name, Phase phase) throws InterruptedException {
        try {
            phase.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.error("{} failed", name, e);
            results.problem(name + " failed: " + e);
        }
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    /** The first hook call right after health said UP, then two more; returns the prefetch keys to send. */
    private List<String> firstCalls(LoadGenerator http, Scenarios scenarios) throws Exception {
        String body = fixtures.patientViewWithPrefetch("bench-ida-first", scenarios.fhirBase(), DEFAULT_PREFETCH_KEYS);
        RequestSource calls = scenarios.hookCalls(body);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.call(calls.request(i));
            double millis = (System.nanoTime() - t0) / 1e6;
            results.firstCall(i, response.statusCode(), millis, i == 0 ? cardSummaries(response.body()) : List.of());
            if (response.statusCode() != 200) {
                results.problem("patient-view answered HTTP " + response.statusCode() + " after start: "
                        + abbreviate(response.body()));
            }
        }
        Set<String> keys = new LinkedHashSet<>(DEFAULT_PREFETCH_KEYS);
        HttpResponse<String> discovery = http.call(scenarios.get("/cds-services"));
        if (discovery.statusCode() == 200) {
            for (JsonNode service : JSON.readTree(discovery.body()).path("services")) {
                if ("microcytic-anemia".equals(service.path("id").asText())) {
                    service.path("prefetch").fieldNames().forEachRemaining(keys::add);
                    results.discoveredPrefetch(List.copyOf(keys));
                }
            }
        } else {
            results.problem("discovery answered HTTP " + discovery.statusCode());
        }
        return List.copyOf(keys);
    }

    private void patientView(LoadGenerator http, Scenarios scenarios, ServerProcess server, List<String> keys)
            throws Exception {
        String body = fixtures.patientViewWithPrefetch("bench-ida-0001", scenarios.fhirBase(), keys);
        results.requestBytes(body.replace("{{HOOK}}", "00000000-0000-4000-8000-000000000000")
                .getBytes(StandardCharsets.UTF_8)
                .length);
        RequestSource calls = scenarios.hookCalls(body);
        MemorySampler memory = server.sampleMemory(Duration.ofSeconds(1));
        results.warmup(
                warmUp(http, server, "patient-view warm-up", calls, OK, 4, options.warmup(), options.warmupLimit()));
        results.patientView(http.fixedRate("patient-view", calls, OK, options.effectiveRate(), options.fixedRun()));
        results.patientView(
                http.fixedRate("patient-view", calls, OK, options.effectiveHighRate(), options.highRateRun()));
        for (int clients : options.saturationClients()) {
            results.patientView(http.closedLoop("patient-view", calls, OK, clients, options.saturationRun()));
        }
        wrkSaturation(body, scenarios);
        results.memory("patient-view load", memory.stop());
    }

    /** The same saturation runs with wrk, when it is installed (see {@link WrkRun}); skipped in the smoke run. */
    private void wrkSaturation(String body, Scenarios scenarios) throws Exception {
        if (options.smoke() || !WrkRun.available()) {
            results.note("wrk not installed (apt-get install wrk) or smoke run: no wrk saturation runs");
            return;
        }
        Path bodyFile = WrkRun.writeBody(
                Path.of("bench/target/wrk-patient-view.json"),
                body.replace("{{HOOK}}", "5b4f3a4e-8a3c-4f9a-9d55-0d1c2e3f4a5b"));
        Path script = Path.of("bench/wrk/post-body.lua");
        String url = scenarios.serviceUrl();
        for (int connections : options.saturationClients()) {
            try {
                results.wrk(WrkRun.run(script, bodyFile, url, connections, options.saturationRun()));
            } catch (java.io.IOException e) {
                results.problem("wrk with " + connections + " connections failed: " + e.getMessage());
            }
        }
    }

    private void fallback(LoadGenerator http, Scenarios scenarios, ServerProcess server) throws Exception {
        String patientId = "bench-fallback";
        HttpResponse<String> preload = http.call(scenarios.post(
                java.net.URI.create(scenarios.fhirBase()),
                Scenarios.CONTENT_FHIR,
                fixtures.transaction(patientId, true).replace(CaseFixtures.PATIENT_ID, patientId)));
        if (preload.statusCode() != 200) {
            results.problem("fallback preload transaction answered HTTP " + preload.statusCode() + ": "
                    + abbreviate(preload.body()));
            return;
        }
        RequestSource calls = scenarios.hookCalls(fixtures.patientViewWithoutPrefetch(patientId, scenarios.fhirBase()));
        HttpResponse<String> first = http.call(calls.request(0));
        results.fallbackCheck(first.statusCode(), cardSummaries(first.body()));
        if (first.statusCode() != 200) {
            results.problem("fallback call answered HTTP " + first.statusCode() + ": " + abbreviate(first.body()));
            return;
        }
        MemorySampler memory = server.sampleMemory(Duration.ofSeconds(1));
        // Until the JIT is quiet, as for patient-view: the fallback also runs the server's FHIR search path, which
        // the patient-view warm-up never compiled (a fixed 22 s left p50 at 20/s 2-4 ms above the warm value).
        results.warmup(warmUp(
                http, server, "fallback warm-up", calls, OK, 2, options.warmup().dividedBy(2), options.warmupLimit()));
        results.fallback(http.fixedRate("fallback", calls, OK, options.effectiveFallbackRate(), options.fixedRun()));
        results.fallback(http.closedLoop(
                "fallback", calls, OK, options.saturationClients().get(0) * 2, options.saturationRun()));
        results.memory("fallback load", memory.stop());
    }

    /** Warm-up load (not counted); the re-evaluating server then catches up, so it is idle before any measurement. */
    private void ingestWarmUp(LoadGenerator http, IngestServer server) throws Exception {
        long before = server.reevaluates() ? differentialCount(http, server.scenarios()) : 0;
        AtomicLong sent = new AtomicLong();
        RequestSource transactions = server.scenarios()
                .ingestTransactions(template(), "bench-warm-" + server.process().name());
        LoadResult warm = warmUp(
                http,
                server.process(),
                "ingest warm-up (" + server.label() + ")",
                sequence -> {
                    sent.incrementAndGet();
                    return transactions.request(sequence);
                },
                CREATED_OR_OK,
                options.ingestClients(),
                options.ingestWarmup(),
                options.ingestWarmupLimit());
        results.warmup(warm);
        if (server.reevaluates()) {
            awaitDifferentials(http, server.scenarios(), before, sent.get());
        }
    }

    private void ingestRound(LoadGenerator http, IngestServer server, int round) throws Exception {
        long before = server.reevaluates() ? differentialCount(http, server.scenarios()) : 0;
        MemorySampler memory = server.process().sampleMemory(Duration.ofSeconds(1));
        LoadResult run = http.closedLoop(
                "ingest round " + round + " (" + server.label() + ")",
                server.scenarios()
                        .ingestTransactions(
                                template(),
                                "bench-r" + round + "-" + server.process().name()),
                CREATED_OR_OK,
                options.ingestClients(),
                options.ingestRun());
        results.memoryPeak("ingest load, " + server.label(), memory.stop());
        SuiteResults.Drain drain = server.reevaluates()
                ? awaitDifferentials(http, server.scenarios(), before, run.completed() - run.errors())
                : null;
        results.ingest(server.label(), round, run, fixtures.labCount() + 1, drain);
    }

    /**
     * Warm-up load in 10 s chunks, at least {@code minimum}, until the server's JIT compiler threads used less than a
     * tenth of one core over the last chunk ({@link CompilerActivity}) or {@code limit} has passed; returns the last chunk. Where compiler threads cannot be read it is the fixed {@code minimum}.
     */
    private LoadResult warmUp(
            LoadGenerator http,
            ServerProcess server,
            String name,
            RequestSource source,
            IntPredicate ok,
            int clients,
            Duration minimum,
            Duration limit)
            throws Exception {
        if (options.smoke()) {
            return http.closedLoop(name, source, ok, clients, minimum);
        }
        RequestSource continuing = numberedOnwards(source);
        long start = System.nanoTime();
        long ticks = CompilerActivity.compilerTicks(server.pid());
        while (true) {
            long chunkStart = System.nanoTime();
            LoadResult chunk = http.closedLoop(name, continuing, ok, clients, WARM_CHUNK);
            long now = CompilerActivity.compilerTicks(server.pid());
            double chunkSeconds = (System.nanoTime() - chunkStart) / 1e9;
            double compilerShare = ticks < 0 || now < 0
                    ? Double.NaN
                    : (now - ticks) / CompilerActivity.TICKS_PER_SECOND / chunkSeconds;
            ticks = now;
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean quiet = Double.isNaN(compilerShare) || compilerShare < QUIET_COMPILER_SHARE;
            if ((elapsed >= minimum.toSeconds() && quiet) || elapsed >= limit.toSeconds()) {
                results.warmupLength(name, elapsed, compilerShare, quiet);
                return chunk;
            }
        }
    }

    /**
     * The source with one numbering across runs: {@code closedLoop} numbers each run's requests from 0, so warm-up
     * chunks would otherwise send the first chunk's patients again (and ingest would pile 12 more Observations on each
     * of them per chunk).
     */
    static RequestSource numberedOnwards(RequestSource source) {
        AtomicLong next = new AtomicLong();
        return ignored -> source.request(next.getAndIncrement());
    }

    private String template() {
        return fixtures.transaction(CaseFixtures.PATIENT_ID, false);
    }

    /** Waits until the stored differential Observations stop growing (re-evaluation caught up) or the limit passes. */
    private SuiteResults.Drain awaitDifferentials(LoadGenerator http, Scenarios scenarios, long before, long expected)
            throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + options.drainLimit().toNanos();
        long last = -1;
        long stableSince = t0;
        while (System.nanoTime() < deadline) {
            long count = differentialCount(http, scenarios) - before;
            if (count >= expected) {
                return new SuiteResults.Drain(count, expected, (System.nanoTime() - t0) / 1e9);
            }
            if (count != last) {
                last = count;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 5_000_000_000L) {
                break;
            }
            Thread.sleep(250);
        }
        return new SuiteResults.Drain(Math.max(last, 0), expected, (System.nanoTime() - t0) / 1e9);
    }

    private long differentialCount(LoadGenerator http, Scenarios scenarios) throws Exception {
        String path = "/fhir/Observation?code=" + URLEncoder.encode(DIFFERENTIAL_CODE, StandardCharsets.UTF_8)
                + "&_summary=count";
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(scenarios.base() + path))
                .header("Accept", Scenarios.CONTENT_FHIR)
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = http.call(request);
        if (response.statusCode() != 200) {
            return 0;
        }
        return JSON.readTree(response.body()).path("total").asLong();
    }

    private static List<String> cardSummaries(String body) {
        List<String> summaries = new ArrayList<>();
        try {
            for (JsonNode card : JSON.readTree(body).path("cards")) {
                String topic = card.path("source").path("topic").path("code").asText("");
                summaries.add((topic.isEmpty() ? "" : "[" + topic + "] ")
                        + card.path("summary").asText());
            }
        } catch (IOException e) {
            summaries.add("(unreadable body)");
        }
        return summaries;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }
}

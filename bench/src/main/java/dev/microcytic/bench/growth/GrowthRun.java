package dev.microcytic.bench.growth;

import dev.microcytic.bench.growth.InterpretationQueries.Query;
import dev.microcytic.bench.load.LoadGenerator;
import dev.microcytic.bench.scenario.CaseFixtures;
import dev.microcytic.bench.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The growth benchmark against a running server: loads synthetic patients up to each checkpoint and there measures
 * the ingest rate of the last stretch, {@code $microcytic-differential}, the CDS Hooks fallback, every interpretation
 * query the README documents, and the database size. Writes the markdown report after every checkpoint, so a long run
 * that stops early still leaves what it measured. Exit code 0 when nothing failed.
 */
public final class GrowthRun {

    private static final Logger log = LoggerFactory.getLogger(GrowthRun.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final IntPredicate OK = status -> status == 200;

    private final GrowthOptions options;
    private final LoadGenerator http;
    private final Scenarios scenarios;
    private final SyntheticPatients patients;
    private final GrowthLoader loader;
    private final LatencyProbe probe;
    private final ReevaluationBacklog backlog;
    private final CaseFixtures fixtures = CaseFixtures.load(Instant.now());
    private final List<CheckpointResult> results = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Instant started = Instant.now();

    private GrowthRun(GrowthOptions options, LoadGenerator http) {
        this.options = options;
        this.http = http;
        this.scenarios = new Scenarios(options.base(), TIMEOUT);
        this.patients = new SyntheticPatients(options.seed(), options.anchor());
        this.loader = new GrowthLoader(http, scenarios, patients, options.clients());
        this.probe = new LatencyProbe(http, options.probeWarmup());
        this.backlog = new ReevaluationBacklog(http, scenarios);
    }

    public static int run(String[] args) throws Exception {
        GrowthOptions options = GrowthOptions.parse(args);
        try (LoadGenerator http = new LoadGenerator(TIMEOUT)) {
            GrowthRun run = new GrowthRun(options, http);
            try {
                run.checkServer();
                for (long checkpoint : options.checkpoints()) {
                    run.checkpoint(checkpoint);
                    run.writeReport();
                }
            } catch (RuntimeException e) {
                log.error("growth benchmark aborted", e);
                run.problems.add("aborted: " + e.getMessage());
            }
            run.writeReport();
            run.problems.forEach(p -> log.warn("problem: {}", p));
            return run.problems.isEmpty() ? 0 : 1;
        }
    }

    private void checkServer() throws Exception {
        HttpResponse<String> health = http.call(scenarios.get("/actuator/health"));
        if (health.statusCode() != 200) {
            throw new IllegalStateException("server at " + options.base() + " is not healthy: " + health.statusCode());
        }
        http.warmUp(100, patientTransaction(0));
    }

    private void checkpoint(long checkpoint) throws Exception {
        long at = options.effective(checkpoint);
        long stretchStart = Math.max(loader.observations(), at - options.window());
        log.info("checkpoint {}: loading to {} observations (measured from {})", checkpoint, at, stretchStart);
        IngestStretch bulk = loader.loadUntil(stretchStart);
        // Every checkpoint's stretch starts with no re-evaluation backlog, so the stretches compare like for like.
        double before = backlog.awaitDrained(options.drainLimit());
        log.info(
                "bulk load {} obs in {} s ({} obs/s); backlog drained in {} s",
                bulk.observations(),
                String.format("%.0f", bulk.seconds()),
                String.format("%.0f", bulk.observationsPerSecond()),
                String.format("%.1f", before));
        IngestStretch ingest = loader.loadUntil(at);
        double drain = backlog.awaitDrained(options.drainLimit());
        if (drain >= options.drainLimit().toSeconds()) {
            problems.add(
                    "checkpoint " + checkpoint + ": re-evaluation backlog not drained within " + options.drainLimit());
        }
        long size = StoreSize.measure(options.h2Dir(), options.dbSizeCommand());
        for (IngestStretch stretch : List.of(bulk, ingest)) {
            if (stretch.errors() > 0) {
                problems.add("checkpoint " + checkpoint + ": " + stretch.errors() + " transactions failed, e.g. "
                        + stretch.errorSamples());
            }
        }
        List<Timing> timings = probes(checkpoint);
        for (Timing timing : timings) {
            if (timing.errors() > 0) {
                problems.add("checkpoint " + checkpoint + ": " + timing.name() + ": " + timing.errors()
                        + " unexpected answers, e.g. " + timing.firstError());
            }
        }
        results.add(new CheckpointResult(
                checkpoint, loader.observations(), loader.patients(), bulk, ingest, drain, size, timings));
        log.info(
                "checkpoint {} done: {} observations, {} patients, ingest {} obs/s, store {} MB",
                checkpoint,
                loader.observations(),
                loader.patients(),
                String.format("%.0f", ingest.observationsPerSecond()),
                size < 0 ? "?" : size / 1_048_576);
    }

    /** The timed requests of one checkpoint, on patients sampled from those stored (the same for the same seed). */
    private List<Timing> probes(long checkpoint) throws InterruptedException {
        long stored = loader.patients();
        int perPatient = options.probeWarmup() + Math.max(options.samples(), options.populationSamples());
        SplittableRandom random = new SplittableRandom(options.seed() * 31 + checkpoint);
        String[] sample = new String[perPatient];
        for (int i = 0; i < perPatient; i++) {
            sample[i] = SyntheticPatients.patientId(random.nextLong(stored));
        }
        List<Timing> timings = new ArrayList<>();
        String fhir = scenarios.fhirBase();
        timings.add(probe.measure(
                GrowthReport.DIFFERENTIAL,
                options.samples(),
                n -> emptyPost(fhir + "/Patient/" + sample[(int) n] + "/$microcytic-differential"),
                OK));
        timings.add(probe.measure(
                "$microcytic-differential (GET, persist=false)",
                options.samples(),
                n -> scenarios.get("/fhir/Patient/" + sample[(int) n] + "/$microcytic-differential?persist=false"),
                OK));
        timings.add(probe.measure(
                GrowthReport.FALLBACK,
                options.samples(),
                n -> scenarios.post(
                        URI.create(scenarios.serviceUrl()),
                        Scenarios.CONTENT_JSON,
                        fixtures.patientViewWithoutPrefetch(sample[(int) n], fhir)
                                .replace("{{HOOK}}", UUID.randomUUID().toString())),
                OK));
        for (Query query : InterpretationQueries.all(options.anchor(), LocalDate.now(ZoneOffset.UTC))) {
            int count = query.perPatient() ? options.samples() : options.populationSamples();
            timings.add(probe.measure(query.name(), count, n -> scenarios.get(query.path(sample[(int) n])), OK));
        }
        return timings;
    }

    /** A POST without a body, as the README's {@code curl -X POST} sends it (no Content-Type to parse). */
    private static HttpRequest emptyPost(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(TIMEOUT)
                .header("Accept", Scenarios.CONTENT_FHIR)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private String patientTransaction(long index) {
        return new PatientTransactionWriter().transaction(patients.patient(index));
    }

    private void writeReport() throws java.io.IOException {
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        String markdown = new GrowthReport(options, started, results, problems).markdown();
        Files.writeString(options.out(), markdown, StandardCharsets.UTF_8);
        log.info("report written to {}", options.out());
    }
}

package dev.microcytic.bench;

import dev.microcytic.bench.load.LoadGenerator;
import dev.microcytic.bench.load.LoadResult;
import dev.microcytic.bench.load.RequestSource;
import dev.microcytic.bench.plainhapi.PlainHapiApplication;
import dev.microcytic.bench.profile.JfrHotMethods;
import dev.microcytic.bench.scenario.CaseFixtures;
import dev.microcytic.bench.scenario.Scenarios;
import dev.microcytic.bench.suite.BenchSuite;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code microcytic-bench.jar}:
 *
 * <ul>
 *   <li>{@code suite [--smoke] [options]}: the whole benchmark (starts and stops the servers itself);
 *   <li>{@code patient-view|fallback|ingest --base http://127.0.0.1:PORT (--rate R | --clients K) --seconds S}: one
 *       load run against a server that is already running;
 *   <li>{@code growth --base http://127.0.0.1:PORT --target N --checkpoints 0,N/10,N [options]}: loads synthetic
 *       patients into a running server and measures it as the store grows (see GrowthOptions, bench/growth.sh);
 *   <li>{@code plain-hapi [--server.port=N]}: the plain HAPI JPA baseline server;
 *   <li>{@code jfr-top FILE.jfr}: hottest methods of a recording;
 *   <li>{@code body patient-view|fallback FILE [--base URL]}: writes one request body of that scenario to FILE, for a
 *       load tool in another language ({@code bench/wrk/run-wrk.sh} feeds it to wrk).
 * </ul>
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            log.error(
                    "usage: suite [--smoke] | growth --base URL [--target N --checkpoints A,B,C] | patient-view|fallback|ingest --base URL (--rate R | --clients K)"
                            + " --seconds S | plain-hapi [spring args] | jfr-top FILE");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "suite" -> System.exit(BenchSuite.run(rest, ownJar()));
            case "growth" -> System.exit(dev.microcytic.bench.growth.GrowthRun.run(rest));
            case "plain-hapi" -> PlainHapiApplication.main(rest);
            case "jfr-top" -> log.info(
                    "\n{}", JfrHotMethods.summarize(Path.of(rest[0]), 25, rest.length > 1 ? rest[1] : null));
            case "patient-view", "fallback", "ingest" -> System.exit(single(args[0], rest));
            case "body" -> writeBody(rest);
            default -> {
                log.error("unknown command {}", args[0]);
                System.exit(2);
            }
        }
    }

    /** One ad-hoc run against an already running server; exit code 1 when any request failed. */
    private static int single(String scenario, String[] args) throws Exception {
        String base = "http://127.0.0.1:8080";
        double rate = 0;
        int clients = 0;
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("the benchmark only sends traffic to 127.0.0.1");
        }
        Scenarios scenarios = new Scenarios(base, Duration.ofSeconds(10));
        CaseFixtures fixtures = CaseFixtures.load(Instant.now());
        RequestSource source;
        IntPredicate ok = s -> s == 200;
        switch (scenario) {
            case "patient-view" -> source = scenarios.hookCalls(fixtures.patientViewWithPrefetch(
                    "bench-ida-0001",
                    scenarios.fhirBase(),
                    List.of("patient", "labs", "conditions", "medications", "procedures")));
            case "fallback" -> source =
                    scenarios.hookCalls(fixtures.patientViewWithoutPrefetch("bench-fallback", scenarios.fhirBase()));
            default -> {
                source = scenarios.ingestTransactions(
                        fixtures.transaction(CaseFixtures.PATIENT_ID, false), "bench-" + System.currentTimeMillis());
                ok = s -> s == 200 || s == 201;
            }
        }
        try (LoadGenerator http = new LoadGenerator(Duration.ofSeconds(10))) {
            if (scenario.equals("fallback")) {
                http.call(scenarios.post(
                        java.net.URI.create(scenarios.fhirBase()),
                        Scenarios.CONTENT_FHIR,
                        fixtures.transaction("bench-fallback", true)
                                .replace(CaseFixtures.PATIENT_ID, "bench-fallback")));
            }
            LoadResult result = rate > 0
                    ? http.fixedRate(scenario, source, ok, rate, Duration.ofSeconds(seconds))
                    : http.closedLoop(scenario, source, ok, Math.max(1, clients), Duration.ofSeconds(seconds));
            log.info("{}", result.summary());
            return result.errors() == 0 && result.completed() > 0 ? 0 : 1;
        }
    }

    /** Writes the request body the Java client sends for a scenario, with a fixed hookInstance, to a file. */
    private static void writeBody(String[] args) throws java.io.IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("body patient-view|fallback FILE [--base URL]");
        }
        String base = args.length > 3 && args[2].equals("--base") ? args[3] : "http://127.0.0.1:8080";
        Scenarios scenarios = new Scenarios(base, Duration.ofSeconds(10));
        CaseFixtures fixtures = CaseFixtures.load(Instant.now());
        String body =
                switch (args.length == 0 ? "" : args[0]) {
                    case "patient-view" -> fixtures.patientViewWithPrefetch(
                            "bench-ida-0001",
                            scenarios.fhirBase(),
                            List.of("patient", "labs", "conditions", "medications", "procedures"));
                    case "fallback" -> fixtures.patientViewWithoutPrefetch("bench-fallback", scenarios.fhirBase());
                    default -> throw new IllegalArgumentException("body patient-view|fallback FILE [--base URL]");
                };
        java.nio.file.Files.writeString(
                Path.of(args[1]),
                body.replace("{{HOOK}}", "5b4f3a4e-8a3c-4f9a-9d55-0d1c2e3f4a5b"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path ownJar() throws URISyntaxException {
        Path location = Path.of(BenchMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return location.toString().endsWith(".jar") ? location : Path.of("bench/target/microcytic-bench.jar");
    }
}

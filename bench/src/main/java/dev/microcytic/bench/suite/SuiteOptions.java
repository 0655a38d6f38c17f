package dev.microcytic.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code suite}; every phase duration has a full and a smoke value. Defaults are those of the published
 * run (BENCHMARKS.md).
 */
record SuiteOptions(
        boolean smoke,
        Path serverJar,
        Path benchJar,
        int port,
        int plainPort,
        List<String> jvmOptions,
        Path out,
        Path logDir,
        boolean jfr,
        boolean plain,
        String command,
        double patientViewRate,
        double patientViewHighRate,
        List<Integer> saturationClients,
        double fallbackRate,
        int ingestClients,
        int ingestRounds,
        String gitCommit) {

    static SuiteOptions parse(String[] args, Path ownJar) {
        boolean smoke = false;
        // The unpacked form the README runs (starts faster than the fat jar).
        Path serverJar = Path.of("server/target/app/microcytic-server.jar");
        Path benchJar = ownJar;
        int port = 18080;
        int plainPort = 18081;
        List<String> jvm = List.of("-Xms256m", "-Xmx768m");
        Path out = Path.of("bench/target/bench-results.md");
        Path logDir = Path.of("bench/target/bench-logs");
        boolean jfr = false;
        Boolean plain = null;
        String command = "";
        double rate = 200;
        double highRate = 500;
        List<Integer> clients = List.of(2, 4, 8);
        // An EHR without prefetch support sends every patient-view this way; 20/s is a busy hospital's chart-open
        // rate, and a fixed rate well under saturation is where a latency target means something.
        double fallbackRate = 20;
        int ingestClients = 4;
        // A multiple of the three servers, so each is measured first, second and third equally often.
        int ingestRounds = 6;
        String commit = "";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> smoke = true;
                case "--server-jar" -> serverJar = Path.of(args[++i]);
                case "--bench-jar" -> benchJar = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--plain-port" -> plainPort = Integer.parseInt(args[++i]);
                case "--jvm-opts" -> jvm = Arrays.stream(args[++i].trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .toList();
                case "--out" -> out = Path.of(args[++i]);
                case "--log-dir" -> logDir = Path.of(args[++i]);
                case "--jfr" -> jfr = true;
                case "--plain" -> plain = true;
                case "--no-plain" -> plain = false;
                case "--command" -> command = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--high-rate" -> highRate = Double.parseDouble(args[++i]);
                case "--clients" -> clients = Arrays.stream(args[++i].split(","))
                        .map(String::trim)
                        .map(Integer::parseInt)
                        .toList();
                case "--fallback-rate" -> fallbackRate = Double.parseDouble(args[++i]);
                case "--ingest-clients" -> ingestClients = Integer.parseInt(args[++i]);
                case "--ingest-rounds" -> ingestRounds = Integer.parseInt(args[++i]);
                case "--git-commit" -> commit = args[++i];
                default -> throw new IllegalArgumentException("unknown suite option " + a);
            }
        }
        if (smoke) {
            clients = new ArrayList<>(List.of(clients.get(0)));
            ingestClients = Math.min(ingestClients, 2);
        }
        return new SuiteOptions(
                smoke,
                serverJar,
                benchJar,
                port,
                plainPort,
                jvm,
                out,
                logDir,
                jfr,
                plain == null ? !smoke : plain,
                command,
                rate,
                highRate,
                List.copyOf(clients),
                fallbackRate,
                ingestClients,
                Math.max(1, ingestRounds),
                commit);
    }

    Duration warmup() {
        // Long enough for C2 to compile the whole request path on two cores shared with the client: with 20 s the
        // first measured runs were still partly interpreted (1,388 req/s after 60 s of load vs ~700 after 20 s).
        return smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(45);
    }

    /** The longest a warm-up may run while the server's JIT compilers are still busy. */
    Duration warmupLimit() {
        return Duration.ofSeconds(240);
    }

    /**
     * The same for ingest, whose every transaction adds 13 resources to the database. 300 s: at 120 s the compiler
     * threads of all three servers still used a third of a core (AMD EPYC, 2026-11-22) and each server's throughput
     * rose by a fifth to a third over the measured rounds (plain HAPI 44.4 to 53.7 tx/s), so the first rounds measured
     * the JIT more than the servers. The databases are files, so the longer warm-up does not fill the heap.
     */
    Duration ingestWarmupLimit() {
        return Duration.ofSeconds(300);
    }

    Duration fixedRun() {
        return smoke ? Duration.ofSeconds(3) : Duration.ofSeconds(30);
    }

    Duration highRateRun() {
        return smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(20);
    }

    Duration saturationRun() {
        return smoke ? Duration.ofSeconds(3) : Duration.ofSeconds(15);
    }

    Duration ingestWarmup() {
        return smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
    }

    /**
     * One measured run of one server in one round of the ingest comparison. 30 s and six rounds: with 20 s and three,
     * one server's rounds differed by up to 20 % (41.1, 49.6, 40.5 tx/s), more than the 10 % the targets resolve.
     */
    Duration ingestRun() {
        return smoke ? Duration.ofSeconds(3) : Duration.ofSeconds(30);
    }

    /** The product with re-evaluation off runs beside the one with it on (and plain HAPI) in the comparison. */
    int reevaluationOffPort() {
        return plainPort + 1;
    }

    Duration drainLimit() {
        return smoke ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
    }

    /** The smoke run uses gentle rates: it checks that each scenario works, not how fast. */
    double effectiveRate() {
        return smoke ? Math.min(patientViewRate, 50) : patientViewRate;
    }

    double effectiveHighRate() {
        return smoke ? Math.min(patientViewHighRate, 100) : patientViewHighRate;
    }

    double effectiveFallbackRate() {
        return smoke ? Math.min(fallbackRate, 20) : fallbackRate;
    }
}

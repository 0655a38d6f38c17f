package dev.microcytic.bench.growth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code growth}. Counts are lab Observations. Each checkpoint is measured after the store holds that
 * many; checkpoint 0 means "as empty as can be measured": after {@code warmup} observations (JIT warm-up of the
 * ingest path) and one measured {@code window}.
 *
 * @param window observations of each measured ingest stretch (the last stretch before a checkpoint)
 * @param samples timed calls per per-patient request kind at each checkpoint
 * @param populationSamples timed calls per population-wide query at each checkpoint
 * @param probeWarmup untimed calls of each kind before its timed ones
 * @param store "h2" or "postgres" (label; the size comes from {@code h2Dir} or {@code dbSizeCommand})
 * @param dbSizeCommand a shell command printing the database size in bytes (e.g. psql with pg_database_size)
 */
record GrowthOptions(
        String base,
        long target,
        List<Long> checkpoints,
        int clients,
        long seed,
        LocalDate anchor,
        long window,
        long warmup,
        int samples,
        int populationSamples,
        int probeWarmup,
        String store,
        Path h2Dir,
        String dbSizeCommand,
        Duration drainLimit,
        Path out,
        String command,
        String gitCommit,
        String serverCommand) {

    static GrowthOptions parse(String[] args) {
        String base = "http://127.0.0.1:18080";
        long target = 1_000_000;
        List<Long> checkpoints = null;
        int clients = 4;
        long seed = 1;
        LocalDate anchor = LocalDate.now(ZoneOffset.UTC);
        Long window = null;
        Long warmup = null;
        int samples = 100;
        int populationSamples = 20;
        int probeWarmup = 10;
        String store = "h2";
        Path h2Dir = null;
        String dbSizeCommand = null;
        Duration drainLimit = Duration.ofMinutes(60);
        Path out = Path.of("bench/target/growth-results.md");
        String command = "";
        String gitCommit = "";
        String serverCommand = "";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--base" -> base = args[++i];
                case "--target" -> target = Long.parseLong(args[++i]);
                case "--checkpoints" -> checkpoints = Arrays.stream(args[++i].split(","))
                        .map(String::trim)
                        .map(Long::parseLong)
                        .sorted()
                        .distinct()
                        .toList();
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--anchor" -> anchor = LocalDate.parse(args[++i]);
                case "--window" -> window = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Long.parseLong(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--population-samples" -> populationSamples = Integer.parseInt(args[++i]);
                case "--probe-warmup" -> probeWarmup = Integer.parseInt(args[++i]);
                case "--store" -> store = args[++i];
                case "--h2-dir" -> h2Dir = Path.of(args[++i]);
                case "--db-size-cmd" -> dbSizeCommand = args[++i];
                case "--drain-limit" -> drainLimit = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--git-commit" -> gitCommit = args[++i];
                case "--server-command" -> serverCommand = args[++i];
                default -> throw new IllegalArgumentException("unknown growth option " + a);
            }
        }
        if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("the benchmark only sends traffic to 127.0.0.1");
        }
        if (!store.equals("h2") && !store.equals("postgres")) {
            throw new IllegalArgumentException("--store h2|postgres");
        }
        if (checkpoints == null) {
            checkpoints = List.of(0L, target / 10, target);
        }
        if (checkpoints.get(checkpoints.size() - 1) > target) {
            throw new IllegalArgumentException("a checkpoint lies beyond --target " + target);
        }
        // 2 % of the target, between 1,000 and 20,000: about 1,600 transactions of 12.5 results at the full million.
        long defaultWindow = Math.max(1_000, Math.min(20_000, target / 50));
        return new GrowthOptions(
                base,
                target,
                List.copyOf(checkpoints),
                Math.max(1, clients),
                seed,
                anchor,
                window == null ? defaultWindow : window,
                warmup == null ? defaultWindow : warmup,
                samples,
                populationSamples,
                probeWarmup,
                store,
                h2Dir,
                dbSizeCommand,
                drainLimit,
                out,
                command,
                gitCommit,
                serverCommand);
    }

    /**
     * Where checkpoint {@code c} is measured: at {@code c}, but never before the warm-up and one measured window (so
     * checkpoint 0 is the nearly empty store).
     */
    long effective(long checkpoint) {
        return Math.max(checkpoint, warmup + window);
    }
}

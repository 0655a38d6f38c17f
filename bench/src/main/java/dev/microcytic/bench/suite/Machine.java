package dev.microcytic.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine a benchmark ran on, in one line for its report (cores, CPU model, memory, kernel). */
public final class Machine {

    private Machine() {}

    public static String describe() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(
                        Locale.ROOT, "%.1f GB RAM", Long.parseLong(v.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0)))
                .orElse("unknown RAM");
        return cores + " cores (" + cpu + "), " + memory + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

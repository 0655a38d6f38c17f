package dev.microcytic.bench.growth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's size on disk: the bytes of the H2 files in the database folder (what {@code du --apparent-size}
 * counts), or the number a shell command prints, e.g. {@code psql -Atc "SELECT pg_database_size('db')"}.
 */
final class StoreSize {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private StoreSize() {}

    /** Bytes, or -1 when neither a folder nor a command was given or the command failed. */
    static long measure(Path h2Dir, String command) throws InterruptedException {
        try {
            if (command != null && !command.isBlank()) {
                return fromCommand(command);
            }
            if (h2Dir != null && Files.isDirectory(h2Dir)) {
                try (Stream<Path> files = Files.walk(h2Dir)) {
                    return files.filter(Files::isRegularFile)
                            .mapToLong(f -> f.toFile().length())
                            .sum();
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static long fromCommand(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return -1;
        }
        Matcher m = NUMBER.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}

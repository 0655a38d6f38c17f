package dev.microcytic.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One closed-loop run of <a href="https://github.com/wg/wrk">wrk</a> with {@code bench/wrk/post-body.lua}. wrk is a C
 * program that needs a fraction of the Java client's CPU per request, so on two cores shared by client and server it
 * shows more of the server's own capacity; it has no open-model (fixed-rate) mode, which the Java client keeps.
 *
 * @param connections keep-alive connections (one wrk thread)
 * @param requests completed requests
 * @param seconds measured duration
 * @param errors non-2xx answers and socket errors
 */
public record WrkRun(
        int connections,
        long requests,
        double seconds,
        long errors,
        double p50Millis,
        double p99Millis,
        double p999Millis,
        double maxMillis) {

    private static final Pattern LINE = Pattern.compile("wrk: (\\d+) requests in ([\\d.]+) s = [\\d.]+ req/s,"
            + " non-2xx/socket errors (\\d+), p50 ([\\d.]+) ms, p99 ([\\d.]+) ms, p99\\.9 ([\\d.]+) ms,"
            + " max ([\\d.]+) ms");

    public double throughput() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                "wrk %d connections: %d requests in %.1f s = %.1f req/s, errors %d, p50 %.2f ms, p99 %.2f ms,"
                        + " p99.9 %.2f ms, max %.2f ms",
                connections,
                requests,
                seconds,
                throughput(),
                errors,
                p50Millis,
                p99Millis,
                p999Millis,
                maxMillis);
    }

    /** True when a {@code wrk} executable is on the PATH. */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() <= 1;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs {@code body} to {@code url} over {@code connections} connections for {@code duration}. */
    public static WrkRun run(Path script, Path bodyFile, String url, int connections, Duration duration)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "wrk",
                        "-t1",
                        "-c" + connections,
                        "-d" + duration.toSeconds() + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url)
                .redirectErrorStream(true);
        builder.environment().put("BODY", bodyFile.toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("wrk failed: " + output);
        }
        return parse(connections, output).orElseThrow(() -> new IOException("no result line from wrk: " + output));
    }

    static Optional<WrkRun> parse(int connections, String output) {
        Matcher m = LINE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new WrkRun(
                connections,
                Long.parseLong(m.group(1)),
                Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(3)),
                Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(7))));
    }

    /** Writes the body for {@code post-body.lua}. */
    public static Path writeBody(Path file, String body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, body, StandardCharsets.UTF_8);
    }
}

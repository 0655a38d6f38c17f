package dev.microcytic.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server JVM started by the suite: the product jar or the plain HAPI baseline. Measures time to a healthy
 * {@code /actuator/health}, and reads resident memory ({@code /proc/<pid>/status VmRSS}, the same figure as
 * {@code ps -o rss}) and heap in use (actuator {@code jvm.memory.used} for area heap, else {@code jcmd GC.heap_info}).
 */
final class ServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);
    private static final Pattern SPRING_STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    private static final Pattern JCMD_HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final String base;
    private final HttpClient probe = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private double startupSeconds = Double.NaN;

    private ServerProcess(String name, Process process, Path logFile, String base) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.base = base;
    }

    /**
     * Starts {@code command} (output to {@code logFile}) and waits until {@code base/actuator/health} says UP. Refuses
     * to start when something already listens on the port: a stale server would be measured instead.
     */
    static ServerProcess start(String name, List<String> command, Path logFile, String base, int port, Duration limit)
            throws IOException, InterruptedException {
        if (listening(port)) {
            throw new IllegalStateException(
                    "port " + port + " on 127.0.0.1 is already in use; stop that process first");
        }
        Files.createDirectories(logFile.getParent());
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        ServerProcess server = new ServerProcess(name, process, logFile, base);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        log.info("started {} (pid {}), waiting for {}/actuator/health", name, process.pid(), base);
        server.awaitHealthy(t0, limit);
        return server;
    }

    private void awaitHealthy(long t0, Duration limit) throws InterruptedException, IOException {
        long deadline = t0 + limit.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = probe.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    startupSeconds = (System.nanoTime() - t0) / 1e9;
                    log.info("{} healthy after {} s", name, String.format("%.1f", startupSeconds));
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException(name + " not healthy within " + limit + "; see " + logFile);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** Seconds from process start to the first health answer UP. */
    double startupSeconds() {
        return startupSeconds;
    }

    /** Spring's own "Started ... in N seconds" figure from the log, when it printed one. */
    OptionalDouble springStartedSeconds() {
        try {
            Matcher m = SPRING_STARTED.matcher(Files.readString(logFile, StandardCharsets.UTF_8));
            return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    /** Resident set size in kB (VmRSS), or -1 when unreadable. */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            log.debug("cannot read RSS of {}", process.pid(), e);
        }
        return -1;
    }

    /** Heap in use, bytes: actuator metrics when exposed, else jcmd. */
    OptionalLong heapUsedBytes() {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            HttpResponse<String> response = probe.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode measurements = JSON.readTree(response.body()).path("measurements");
                if (measurements.size() > 0) {
                    return OptionalLong.of(
                            (long) measurements.get(0).path("value").asDouble());
                }
            }
        } catch (IOException e) {
            log.debug("actuator metrics unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        return jcmdHeapUsed();
    }

    private OptionalLong jcmdHeapUsed() {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = JCMD_HEAP_USED.matcher(out);
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Samples RSS and heap every {@code period} on a daemon thread until {@link MemorySampler#stop()}. */
    MemorySampler sampleMemory(Duration period) {
        return MemorySampler.start(this, period);
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after 30 s) and waits for it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.microcytic.server.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar as a child process on a free loopback port, as an operator runs it: started, waited for
 * until health says UP, killed with SIGKILL ({@link Process#destroyForcibly()}) or stopped, always by its own PID.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private int port;

    /**
     * @param name for the log file ({@code target/crash-logs/<name>-<n>.log}) and messages
     * @param arguments Spring Boot arguments besides the port, e.g. the data source URL
     */
    ServerProcess(String name, List<String> arguments) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", "crash-logs", name + ".log");
    }

    /** Starts the jar (again, on a new port) and waits for health UP. */
    ServerProcess start() throws IOException, InterruptedException {
        port = freePort();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        Path archive = jar().resolveSibling("microcytic-server.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xshare:auto");
        }
        command.add("-jar");
        command.add(jar().toString());
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        command.add("--microcytic.fhir.auth.required=false");
        command.add("--logging.level.root=WARN");
        command.addAll(arguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitHealthy();
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of anything. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** {@code http://127.0.0.1:<port>/fhir}. */
    String fhirBase() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + START_TIMEOUT + "; see " + log);
    }

    private static Path jar() {
        Path unpacked = Path.of("target", "app", "microcytic-server.jar");
        return Files.exists(unpacked) ? unpacked : Path.of("target", "microcytic-server.jar");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process by its PID (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

package dev.microcytic.bench.suite;

import dev.microcytic.bench.profile.JfrHotMethods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts and stops the servers a suite run measures: the product (as the README starts it) and plain HAPI. */
final class SuiteServers {

    private static final Duration START_LIMIT = Duration.ofSeconds(300);

    private final SuiteOptions options;
    private final SuiteResults results;

    SuiteServers(SuiteOptions options, SuiteResults results) {
        this.options = options;
        this.results = results;
    }

    ServerProcess startProduct(String name, boolean reevaluation) throws IOException, InterruptedException {
        return startProduct(name, options.port(), reevaluation, "jdbc:h2:mem:" + name);
    }

    /**
     * A fresh H2 file database for one server of the ingest comparison. In memory, the database lives in the server's
     * heap: a 4-minute warm-up filled the 768 MB heap with stored resources and ingest fell from ~30 to 3-15 tx/s in
     * GC; on file, as the product's default store is, the heap holds the server and H2's page cache only.
     */
    String fileDatabase(String name) throws IOException {
        Path directory = options.logDir().toAbsolutePath().resolve(name + "-db");
        if (Files.isDirectory(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory);
        return "jdbc:h2:file:" + directory.resolve("h2") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    ServerProcess startProduct(String name, int port, boolean reevaluation, String databaseUrl)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand(name));
        // As the README starts it: with the class data sharing archive the build writes beside the jar.
        Path archive = options.serverJar().resolveSibling("microcytic-server.jsa");
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-jar");
        command.add(options.serverJar().toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--spring.datasource.url=" + databaseUrl);
        command.add("--microcytic.cds.auth.required=false");
        command.add("--microcytic.fhir.auth.required=false");
        command.add("--microcytic.reevaluation.enabled=" + reevaluation);
        command.add("--management.endpoints.web.exposure.include=health,metrics");
        return start(name, command, port);
    }

    ServerProcess startPlain(String databaseUrl) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand("plain-hapi"));
        command.add("-jar");
        command.add(options.benchJar().toString());
        command.add("plain-hapi");
        command.add("--server.port=" + options.plainPort());
        command.add("--spring.datasource.url=" + databaseUrl);
        command.add("--server.address=127.0.0.1");
        return start("plain-hapi", command, options.plainPort());
    }

    ServerProcess start(String name, List<String> command, int port) throws IOException, InterruptedException {
        results.command(name, String.join(" ", command));
        ServerProcess server = ServerProcess.start(
                name, command, options.logDir().resolve(name + ".log"), base(port), port, START_LIMIT);
        results.started(name, server.startupSeconds(), server.springStartedSeconds());
        return server;
    }

    private List<String> javaCommand(String name) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        if (options.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + jfrFile(name) + ",settings=profile,dumponexit=true");
        }
        return command;
    }

    private Path jfrFile(String name) {
        return options.logDir().toAbsolutePath().resolve(name + ".jfr");
    }

    void stop(ServerProcess server) {
        server.close();
        if (options.jfr()) {
            Path file = jfrFile(server.name());
            if (Files.isRegularFile(file)) {
                try {
                    // Start-up would dominate the whole recording: summarise the request paths the load exercised.
                    List<String> paths = server.name().equals("product")
                            ? List.of("CdsHooksController.call")
                            : server.name().contains("reeval-on")
                                    ? List.of("RestfulServer.service", "ReevaluationScheduler.run")
                                    : List.of("RestfulServer.service");
                    StringBuilder text = new StringBuilder();
                    for (String path : paths) {
                        text.append(JfrHotMethods.summarize(file, 12, path)).append('\n');
                    }
                    results.profile(server.name(), text.toString());
                } catch (IOException e) {
                    results.problem("cannot read " + file + ": " + e.getMessage());
                }
            }
        }
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }
}

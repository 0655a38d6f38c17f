import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the class data sharing archive of the unpacked server ({@code target/app/microcytic-server.jsa}), run by the
 * build with Java's source launcher: {@code java CdsArchive.java <app dir>}.
 *
 * <p>Why by hand: Spring Boot's documented recipe ({@code -XX:ArchiveClassesAtExit} on a training run) makes OpenJDK
 * 17.0.15 crash (SIGSEGV in {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}), and so does a
 * static dump of the full class list. This does the classic AppCDS steps instead: a training run that lists the
 * classes loaded by a whole start (it exits once the server is ready and warmed up, so the terminology load, Jetty
 * and the first requests' classes are in), then a static dump of that list without its lambda-proxy lines, which is
 * what triggers the crash.
 */
public class CdsArchive {

    public static void main(String[] args) throws IOException, InterruptedException {
        Path app = Path.of(args[0]).toAbsolutePath();
        try {
            build(app);
        } catch (IOException | IllegalStateException e) {
            // The archive only makes the start faster: a JDK that cannot dump it must not stop the build.
            Files.deleteIfExists(app.resolve("microcytic-server.jsa"));
            System.out.println("CDS archive not built (" + e.getMessage() + "); the server starts without it");
        }
    }

    private static void build(Path app) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path classList = app.resolve("microcytic-server.classlist");
        Path archive = app.resolve("microcytic-server.jsa");
        Path log = app.resolve("microcytic-server.jsa.log");
        // Absolute: the JVM checks the archive's class path against the one it runs with, from whatever directory.
        String jar = app.resolve("microcytic-server.jar").toString();
        Files.deleteIfExists(archive);
        Files.deleteIfExists(log);

        run(app, log, java, "-XX:DumpLoadedClassList=" + classList, "-jar", jar,
                "--spring.datasource.url=jdbc:h2:mem:cds-training", "--server.port=0",
                "--microcytic.warmup.exit-when-done=true", "--logging.level.root=WARN");
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(classList)) {
            if (!line.startsWith("@lambda")) {
                classes.add(line);
            }
        }
        Files.write(classList, classes);
        run(app, log, java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", jar);
        System.out.printf("CDS archive: %s (%d classes listed, %d MB)%n",
                archive, classes.size(), Files.size(archive) / (1024 * 1024));
    }

    private static void run(Path directory, Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(
                    "exit " + exit + " from: " + String.join(" ", command) + " (output in " + log + ")");
        }
    }
}

package dev.microcytic.cdshooks.differential.rules;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root directory (the one holding {@code mvnw} and the parent {@code pom.xml}), from any module. */
final class ProjectRoot {

    private ProjectRoot() {}

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no directory with mvnw and pom.xml above " + dir);
    }
}

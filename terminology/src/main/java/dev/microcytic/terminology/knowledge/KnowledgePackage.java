package dev.microcytic.terminology.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.terminology.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned knowledge package {@code knowledge/microcytic/<version>/} (ARCHITECTURE.md "Knowledge is data"): causes
 * and next tests (read from the FHIR CodeSystems, the single source of their codes), literature references and the
 * package metadata. Immutable; {@link #load()} returns the bundled current version, loaded once.
 */
public final class KnowledgePackage {

    /** The knowledge version bundled with this build. */
    public static final String CURRENT_VERSION = "1.1.0";

    /** Classpath folder of the bundled package. */
    public static final String CLASSPATH_ROOT = "knowledge/microcytic/" + CURRENT_VERSION + "/";

    public static final String CAUSE_SYSTEM = Vocabulary.CAUSE_SYSTEM;
    public static final String TEST_SYSTEM = Vocabulary.TEST_SYSTEM;
    public static final String CDS_SYSTEM = Vocabulary.CDS_SYSTEM;

    static final String CAUSE_FILE = "fhir/CodeSystem-microcytic-cause.json";
    static final String TEST_FILE = "fhir/CodeSystem-microcytic-test.json";
    static final String REFERENCES_FILE = "references.json";
    static final String PACKAGE_FILE = "package.json";
    /** CodeSystem property carrying a test's verified LOINC orderable. */
    public static final String LOINC_PROPERTY = "loinc";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String version;
    private final String date;
    private final Map<String, CauseDefinition> causes;
    private final Map<String, TestDefinition> tests;
    private final Map<String, Reference> references;
    private final FileSource files;

    private KnowledgePackage(FileSource files) {
        this.files = files;
        JsonNode pkg = files.json(PACKAGE_FILE);
        this.id = text(pkg, "id");
        this.version = text(pkg, "version");
        this.date = text(pkg, "date");
        this.causes = readCauses(files.json(CAUSE_FILE));
        this.tests = readTests(files.json(TEST_FILE));
        this.references = readReferences(files.json(REFERENCES_FILE));
    }

    /** The bundled current package (cached). */
    public static KnowledgePackage load() {
        return Bundled.INSTANCE;
    }

    /** A package from a folder on disk (tests, or a package shipped outside the jar). */
    public static KnowledgePackage load(Path root) {
        return new KnowledgePackage(FileSource.directory(root));
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    /** Release date of the package (ISO date). */
    public String date() {
        return date;
    }

    public Optional<CauseDefinition> cause(String code) {
        return Optional.ofNullable(causes.get(code));
    }

    public Optional<TestDefinition> test(String code) {
        return Optional.ofNullable(tests.get(code));
    }

    public Optional<Reference> reference(String id) {
        return Optional.ofNullable(references.get(id));
    }

    public List<CauseDefinition> causes() {
        return List.copyOf(causes.values());
    }

    public List<TestDefinition> tests() {
        return List.copyOf(tests.values());
    }

    public List<Reference> references() {
        return List.copyOf(references.values());
    }

    /**
     * Opens a file of the package by its relative path (e.g. {@code thresholds.json}); the caller closes the stream.
     * Loaders of other package files (rules) use this so they read the same package version.
     */
    public InputStream open(String relativePath) throws IOException {
        return files.open(relativePath);
    }

    /** Parses a JSON file of the package. */
    public JsonNode json(String relativePath) {
        return files.json(relativePath);
    }

    private static Map<String, CauseDefinition> readCauses(JsonNode codeSystem) {
        Map<String, CauseDefinition> map = new LinkedHashMap<>();
        for (JsonNode concept : codeSystem.path("concept")) {
            CauseDefinition cause =
                    new CauseDefinition(text(concept, "code"), text(concept, "display"), text(concept, "definition"));
            map.put(cause.code(), cause);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, TestDefinition> readTests(JsonNode codeSystem) {
        Map<String, TestDefinition> map = new LinkedHashMap<>();
        for (JsonNode concept : codeSystem.path("concept")) {
            String loinc = null;
            for (JsonNode property : concept.path("property")) {
                if (LOINC_PROPERTY.equals(property.path("code").asText())) {
                    loinc = property.path("valueString").asText(null);
                }
            }
            TestDefinition test = new TestDefinition(
                    text(concept, "code"), text(concept, "display"), loinc, text(concept, "definition"));
            map.put(test.code(), test);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Reference> readReferences(JsonNode references) {
        Map<String, Reference> map = new LinkedHashMap<>();
        for (JsonNode node : references.path("references")) {
            Reference reference = new Reference(
                    text(node, "id"),
                    optional(node, "label"),
                    text(node, "citation"),
                    optional(node, "doi"),
                    optional(node, "pmid"),
                    optional(node, "url"));
            map.put(reference.id(), reference);
        }
        return Collections.unmodifiableMap(map);
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("Knowledge package: missing '" + field + "' in " + node);
        }
        return value.asText();
    }

    /** Where package files come from: the classpath (bundled) or a directory. */
    private interface FileSource {
        InputStream open(String relativePath) throws IOException;

        default JsonNode json(String relativePath) {
            try (InputStream in = open(relativePath)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Knowledge package file " + relativePath, e);
            }
        }

        static FileSource classpath(String root) {
            return relativePath -> {
                InputStream in = KnowledgePackage.class.getClassLoader().getResourceAsStream(root + relativePath);
                if (in == null) {
                    throw new NoSuchFileException(root + relativePath);
                }
                return in;
            };
        }

        static FileSource directory(Path root) {
            return relativePath -> Files.newInputStream(root.resolve(relativePath));
        }
    }

    /** Lazy holder: the bundled package is parsed once, on first use. */
    private static final class Bundled {
        private static final KnowledgePackage INSTANCE = new KnowledgePackage(FileSource.classpath(CLASSPATH_ROOT));
    }
}

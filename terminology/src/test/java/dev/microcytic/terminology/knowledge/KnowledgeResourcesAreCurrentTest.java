package dev.microcytic.terminology.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/**
 * The generated ValueSets in the package equal what the Java code tables produce now. Run with
 * {@code -Dmicrocytic.knowledge.write=true} to rewrite them after changing a table.
 */
class KnowledgeResourcesAreCurrentTest {

    static final Path PACKAGE_ROOT = Path.of("src/main/resources/" + KnowledgePackage.CLASSPATH_ROOT);

    private static final IParser JSON =
            FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true);

    @Test
    void valueSetsMatchTheCodeTables() throws IOException {
        KnowledgePackage knowledge = KnowledgePackage.load(PACKAGE_ROOT);
        Map<String, ValueSet> expected =
                new KnowledgeResourceGenerator(knowledge.version(), knowledge.date()).valueSets();
        boolean write = Boolean.getBoolean("microcytic.knowledge.write");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, ValueSet> entry : expected.entrySet()) {
            Path file = PACKAGE_ROOT.resolve(entry.getKey());
            String generated = JSON.encodeResourceToString(entry.getValue()) + "\n";
            if (write) {
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            } else if (!Files.exists(file) || !Files.readString(file).equals(generated)) {
                stale.add(entry.getKey());
            }
        }
        assertThat(stale)
                .as("ValueSets out of date with LabConcepts/CodeGroups; rerun with -Dmicrocytic.knowledge.write=true")
                .isEmpty();
    }
}

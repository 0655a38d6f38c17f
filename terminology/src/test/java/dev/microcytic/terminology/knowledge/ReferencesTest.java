package dev.microcytic.terminology.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every reference can be found by a reader, and every source cited anywhere in the package is a reference. */
class ReferencesTest {

    private final KnowledgePackage knowledge = KnowledgePackage.load();

    @Test
    void everyReferenceHasAWellFormedDoiPmidOrUrl() {
        assertThat(knowledge.references()).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference.doi() != null || reference.pmid() != null || reference.url() != null)
                    .as("%s needs a doi, pmid or url", reference.id())
                    .isTrue();
            if (reference.doi() != null) {
                assertThat(reference.doi()).as(reference.id()).matches("^10\\.\\d{4,9}/\\S+$");
            }
            if (reference.pmid() != null) {
                assertThat(reference.pmid()).as(reference.id()).matches("^\\d+$");
            }
            if (reference.url() != null) {
                assertThat(reference.url()).as(reference.id()).matches("^https?://\\S+$");
            }
            assertThat(reference.label()).as("%s needs a label", reference.id()).isNotBlank();
            assertThat(reference.link()).as(reference.id()).isPresent();
        });
    }

    @Test
    void linkPrefersDoiThenPubmedThenUrl() {
        assertThat(knowledge.reference("weiss-2005").flatMap(Reference::link))
                .contains("https://doi.org/10.1056/NEJMra041809");
        assertThat(knowledge.reference("baird-2022").flatMap(Reference::link))
                .contains("https://pubmed.ncbi.nlm.nih.gov/35289581/");
        assertThat(knowledge.reference("nice-2015").flatMap(Reference::link))
                .contains("https://www.nice.org.uk/guidance/ng8");
        assertThat(knowledge.reference("donker-2014").map(Reference::label)).contains("Donker et al., Blood 2014");
    }

    @Test
    void malformedIdentifiersAreRejected() {
        assertThatThrownBy(() -> new Reference("x-2020", "X", "X 2020", "doi:10.1000/x", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed DOI");
        assertThatThrownBy(() -> new Reference("x-2020", "X", "X 2020", null, "PMC123", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not numeric");
    }

    @Test
    void everySourceCitedAnywhereInThePackageIsAReference() throws IOException {
        Set<String> ids = knowledge.references().stream().map(Reference::id).collect(Collectors.toSet());
        Map<String, List<String>> cited = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(KnowledgeResourcesAreCurrentTest.PACKAGE_ROOT)) {
            // package.json's "sources" name the documents the package was built from, not literature
            for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("package.json"))
                    .toList()) {
                collectSources(json.readTree(file.toFile()), file.getFileName().toString(), cited);
            }
        }

        assertThat(cited).as("the package cites sources").containsKeys("thresholds.json", "indices.json");
        cited.forEach((file, sources) ->
                assertThat(ids).as("sources cited in %s", file).containsAll(sources));
    }

    private static void collectSources(JsonNode node, String file, Map<String, List<String>> cited) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("sources") && field.getValue().isArray()) {
                    field.getValue().forEach(source -> cited.computeIfAbsent(file, f -> new ArrayList<>())
                            .add(source.asText()));
                } else {
                    collectSources(field.getValue(), file, cited);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectSources(child, file, cited));
        }
    }
}

package dev.microcytic.terminology.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgePackageTest {

    private final KnowledgePackage knowledge = KnowledgePackage.load();

    @Test
    void loadsTheBundledVersion() {
        assertThat(knowledge.version()).isEqualTo("1.1.0");
        assertThat(knowledge.id()).isEqualTo("microcytic");
        assertThat(KnowledgePackage.load()).isSameAs(knowledge);
    }

    @Test
    void readsCausesTestsAndReferences() {
        assertThat(knowledge.cause("iron-deficiency"))
                .get()
                .extracting(CauseDefinition::display)
                .isEqualTo("Iron deficiency anemia");
        assertThat(knowledge.causes()).hasSize(27);
        assertThat(knowledge.test("stfr"))
                .get()
                .extracting(TestDefinition::loinc)
                .isEqualTo("30248-9");
        assertThat(knowledge.test("hepcidin"))
                .get()
                .extracting(TestDefinition::loinc)
                .isNull();
        assertThat(knowledge.tests()).hasSize(31);
        assertThat(knowledge.reference("donker-2014"))
                .get()
                .extracting(Reference::citation)
                .asString()
                .contains("Blood 2014;123(25):3873");
        assertThat(knowledge.cause("no-such-cause")).isEmpty();
    }

    @Test
    void loadsAPackageFromADirectoryAndOpensItsFiles() throws java.io.IOException {
        KnowledgePackage fromDisk = KnowledgePackage.load(KnowledgeResourcesAreCurrentTest.PACKAGE_ROOT);

        assertThat(fromDisk.version()).isEqualTo(knowledge.version());
        assertThat(fromDisk.causes()).isEqualTo(knowledge.causes());
        assertThat(fromDisk.json("package.json").path("id").asText()).isEqualTo("microcytic");
        try (java.io.InputStream in = knowledge.open("references.json")) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
        assertThat(knowledge.references()).extracting(Reference::id).contains("who-2011", "who-2024", "mentzer-1973");
    }
}

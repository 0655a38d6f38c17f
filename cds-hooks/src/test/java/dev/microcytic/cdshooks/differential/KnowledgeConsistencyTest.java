package dev.microcytic.cdshooks.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.rules.Cause;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.differential.rules.NextTest;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import org.junit.jupiter.api.Test;

/** The engine's cause and test codes are exactly the codes of the microcytic-cause and microcytic-test CodeSystems. */
class KnowledgeConsistencyTest {

    @Test
    void everyEngineCodeIsInTheKnowledgePackage() {
        KnowledgePackage codes = KnowledgePackage.load();
        for (Cause cause : Cause.values()) {
            assertThat(codes.cause(cause.code())).as(cause.code()).isPresent();
        }
        for (NextTest test : NextTest.values()) {
            assertThat(codes.test(test.code())).as(test.code()).isPresent();
        }
        assertThat(codes.causes()).hasSize(Cause.values().length);
        assertThat(codes.tests()).hasSize(NextTest.values().length);
    }

    @Test
    void ruleKnowledgeAndPackageShareTheVersion() {
        assertThat(RuleKnowledge.bundled().version())
                .isEqualTo(KnowledgePackage.load().version());
    }

    @Test
    void everyEvidenceSourceResolvesToAReference() {
        KnowledgePackage codes = KnowledgePackage.load();
        for (String name : Fixtures.caseResources()) {
            ClinicalCase c = ClinicalCase.read(name);
            Differential d = GuidelineDifferentialEngine.standard().evaluate(c.panel(), c.context());
            d.causes().forEach(cause -> {
                cause.supporting().forEach(e -> assertSource(codes, e.sourceId(), e.statement()));
                cause.opposing().forEach(e -> assertSource(codes, e.sourceId(), e.statement()));
                cause.caveats().forEach(cv -> assertSource(codes, cv.sourceId(), cv.code()));
            });
            d.caveats().forEach(cv -> assertSource(codes, cv.sourceId(), cv.code()));
            d.findings().evidence().forEach(e -> assertSource(codes, e.sourceId(), e.statement()));
        }
    }

    private static void assertSource(KnowledgePackage codes, String id, String what) {
        if ("laboratory-reference-range".equals(id)) {
            return; // the lab's own range on the result, not a literature reference
        }
        assertThat(codes.reference(id)).as(what + " → " + id).isPresent();
    }
}

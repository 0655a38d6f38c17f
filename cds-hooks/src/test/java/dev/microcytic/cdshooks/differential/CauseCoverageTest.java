package dev.microcytic.cdshooks.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every code of the microcytic-cause CodeSystem is reached by at least two fixture cases and excluded (declared
 * {@code absent} and actually absent) in at least one near-miss case, so each cause's rules are tested both ways.
 * Writes the counts table to {@code target/coverage.md}; {@code cases/COVERAGE.md} is that table with the rules
 * column and the {@code VignetteTest} results added by hand.
 */
class CauseCoverageTest {

    static final List<String> CAUSE_CODES = List.of(
            "iron-studies-needed",
            "iron-deficiency",
            "anemia-of-inflammation",
            "mixed-iron-deficiency-inflammation",
            "thalassemia-trait",
            "beta-thalassemia-trait",
            "beta-thalassemia",
            "alpha-thalassemia-trait",
            "hemoglobin-h-disease",
            "hemoglobin-e",
            "lead-poisoning",
            "sideroblastic-acquired",
            "copper-deficiency",
            "irida",
            "dmt1-deficiency",
            "steap3-deficiency",
            "atransferrinemia",
            "aceruloplasminemia",
            "x-linked-sideroblastic",
            "congenital-sideroblastic",
            "x-linked-sideroblastic-ataxia",
            "erythropoietic-protoporphyria",
            "x-linked-protoporphyria",
            "congenital-erythropoietic-porphyria",
            "anemia-of-chronic-kidney-disease",
            "ferroportin-disease",
            "other-hemoglobin-variant");

    @Test
    void everyCauseCodeIsReachedTwiceAndExcludedOnce() throws IOException {
        Map<String, List<String>> reached = new TreeMap<>();
        Map<String, List<String>> excluded = new TreeMap<>();
        DifferentialEngine engine = GuidelineDifferentialEngine.standard();
        for (String name : Fixtures.caseResources()) {
            ClinicalCase c = ClinicalCase.read(name);
            Differential d = engine.evaluate(c.panel(), c.context());
            List<String> codes = ClinicalCaseScenarioTest.codes(d);
            for (String code : codes) {
                reached.computeIfAbsent(code, k -> new ArrayList<>()).add(c.id());
            }
            for (JsonNode absent : c.then().path("absent")) {
                if (!codes.contains(absent.asText())) {
                    excluded.computeIfAbsent(absent.asText(), k -> new ArrayList<>())
                            .add(c.id());
                }
            }
        }
        StringBuilder md = new StringBuilder("| cause | reached by | excluded in |\n|---|---|---|\n");
        for (String cause : CAUSE_CODES) {
            List<String> r = reached.getOrDefault(cause, List.of());
            List<String> e = excluded.getOrDefault(cause, List.of());
            md.append("| `")
                    .append(cause)
                    .append("` | ")
                    .append(r.size())
                    .append(": ")
                    .append(String.join(", ", r))
                    .append(" | ")
                    .append(e.size())
                    .append(": ")
                    .append(String.join(", ", e))
                    .append(" |\n");
        }
        Path out = Path.of("target", "coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        for (String cause : CAUSE_CODES) {
            assertThat(reached.getOrDefault(cause, List.of()))
                    .as("fixtures reaching " + cause)
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(excluded.getOrDefault(cause, List.of()))
                    .as("near-miss excluding " + cause)
                    .isNotEmpty();
        }
    }
}

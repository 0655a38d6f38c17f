package dev.microcytic.cdshooks.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.terminology.Analyte;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scenario tests from the JSON fixtures under {@code dev/microcytic/cdshooks/cases/}, one per file, named by outcome.
 * Given the patient in the fixture, when the standard engine evaluates it, then the {@code then} block holds.
 */
class ClinicalCaseScenarioTest {

    static final String DIR = Fixtures.CASES;

    @TestFactory
    Stream<DynamicTest> everyFixtureMeetsItsExpectation() {
        DifferentialEngine engine = GuidelineDifferentialEngine.standard();
        return Fixtures.caseResources().stream()
                .map(name -> DynamicTest.dynamicTest(name.substring(DIR.length() + 1), () -> {
                    ClinicalCase c = ClinicalCase.read(name);
                    Differential d = engine.evaluate(c.panel(), c.context());
                    verify(c, d);
                }));
    }

    @Test
    void fixtureFileNamesStateTheOutcome() {
        for (String name : Fixtures.caseResources()) {
            ClinicalCase c = ClinicalCase.read(name);
            String file = name.substring(DIR.length() + 1, name.length() - ".json".length());
            assertThat(file).as("file name = id").isEqualTo(c.id());
            JsonNode then = c.then();
            String outcome = file.substring(0, file.indexOf("--"));
            if (then.path("empty").asBoolean(false)) {
                assertThat(outcome).as(file).isIn("no-differential", "normocytic", "normal");
            } else if (then.hasNonNull("leading")) {
                assertThat(outcome).as(file).isEqualTo(then.get("leading").asText());
            } else {
                assertThat(then.has("absent") || then.has("present")).as(file).isTrue();
            }
        }
    }

    static void verify(ClinicalCase c, Differential d) {
        JsonNode then = c.then();
        SoftAssertions soft = new SoftAssertions();
        String where = c.id() + " → " + summary(d);
        soft.assertThat(d.knowledgeVersion()).as("knowledge version").isEqualTo("1.1.0");
        if (then.path("empty").asBoolean(false)) {
            soft.assertThat(d.causes()).as(where).isEmpty();
        } else {
            soft.assertThat(d.causes()).as(where).isNotEmpty();
        }
        if (then.hasNonNull("leading")) {
            soft.assertThat(d.leading().map(CandidateCause::code).orElse(null))
                    .as("leading: " + where)
                    .isEqualTo(then.get("leading").asText());
        }
        if (then.hasNonNull("leadingLikelihood")) {
            soft.assertThat(d.leading().map(x -> x.likelihood().name()).orElse(null))
                    .as("leading likelihood: " + where)
                    .isEqualTo(then.get("leadingLikelihood").asText());
        }
        if (then.hasNonNull("urgency")) {
            soft.assertThat(d.leading().map(x -> x.urgency().name()).orElse(null))
                    .as("urgency: " + where)
                    .isEqualTo(then.get("urgency").asText());
        }
        for (JsonNode code : then.path("inTop3")) {
            soft.assertThat(codes(d).subList(0, Math.min(3, d.causes().size())))
                    .as("top 3: " + where)
                    .contains(code.asText());
        }
        for (JsonNode code : then.path("present")) {
            soft.assertThat(codes(d)).as("present: " + where).contains(code.asText());
        }
        for (JsonNode code : then.path("absent")) {
            soft.assertThat(codes(d)).as("absent: " + where).doesNotContain(code.asText());
        }
        then.path("likelihood").fields().forEachRemaining(e -> soft.assertThat(d.causes().stream()
                        .filter(x -> x.code().equals(e.getKey()))
                        .map(x -> x.likelihood().name())
                        .findFirst()
                        .orElse("absent"))
                .as("likelihood of " + e.getKey() + ": " + where)
                .isEqualTo(e.getValue().asText()));
        List<String> tests = d.nextTests().stream().map(SuggestedTest::code).toList();
        for (JsonNode code : then.path("nextTests")) {
            soft.assertThat(tests).as("next tests: " + where).contains(code.asText());
        }
        for (JsonNode code : then.path("notNextTests")) {
            soft.assertThat(tests).as("not next tests: " + where).doesNotContain(code.asText());
        }
        if (then.hasNonNull("leadingFirstTest")) {
            soft.assertThat(d.leading()
                            .filter(x -> !x.nextTests().isEmpty())
                            .map(x -> x.nextTests().get(0).code())
                            .orElse(null))
                    .as("leading cause's first test: " + where)
                    .isEqualTo(then.get("leadingFirstTest").asText());
        }
        if (then.hasNonNull("testBefore")) {
            String first = then.get("testBefore").get(0).asText();
            String second = then.get("testBefore").get(1).asText();
            soft.assertThat(tests).as(where).contains(first, second);
            if (tests.contains(first) && tests.contains(second)) {
                soft.assertThat(tests.indexOf(first))
                        .as(first + " before " + second)
                        .isLessThan(tests.indexOf(second));
            }
        }
        List<String> caveats =
                new ArrayList<>(d.caveats().stream().map(Caveat::code).toList());
        d.causes().forEach(x -> x.caveats().forEach(cv -> caveats.add(cv.code())));
        for (JsonNode code : then.path("caveats")) {
            soft.assertThat(caveats).as("caveats: " + where).contains(code.asText());
        }
        for (JsonNode a : then.path("missing")) {
            soft.assertThat(d.missingAnalytes()).as("missing: " + where).contains(Analyte.valueOf(a.asText()));
        }
        if (then.has("anemia")) {
            soft.assertThat(d.findings().anemia())
                    .as("anemia: " + where)
                    .isEqualTo(then.get("anemia").asBoolean());
        }
        if (then.has("microcytosis")) {
            soft.assertThat(d.findings().microcytosis())
                    .as("microcytosis: " + where)
                    .isEqualTo(then.get("microcytosis").asBoolean());
        }
        for (JsonNode idx : then.path("indices")) {
            soft.assertThat(d.indices().stream().map(ComputedIndex::code))
                    .as("indices: " + where)
                    .contains(idx.asText());
        }
        if (!d.isEmpty()) {
            for (CandidateCause cause : d.causes()) {
                for (Evidence e : cause.supporting()) {
                    soft.assertThat(e.sourceId())
                            .as("evidence source: " + e.statement())
                            .isNotBlank();
                }
            }
            soft.assertThat(d.valuesUsed()).as("values used").isNotEmpty();
        }
        soft.assertAll();
    }

    static List<String> codes(Differential d) {
        return d.causes().stream().map(CandidateCause::code).toList();
    }

    static String summary(Differential d) {
        StringBuilder s = new StringBuilder("[");
        for (CandidateCause c : d.causes()) {
            s.append(c.rank())
                    .append(' ')
                    .append(c.code())
                    .append(' ')
                    .append(c.likelihood())
                    .append(", ");
        }
        s.append("] tests ");
        d.nextTests().forEach(t -> s.append(t.code()).append(' '));
        return s.toString();
    }
}

package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import com.fasterxml.jackson.databind.JsonNode;
import dev.microcytic.cdshooks.differential.ClinicalCase;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Fixtures;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every card of every scenario fixture and dev vignette, read as a clinician reads it (CDS Hooks 2.0 §Card): a
 * summary under 140 characters that states the likelihood once, and a detail that, up to its reference list, stays
 * within 800 characters for at least nine cards in ten (the rest of the evidence is on the patient's page).
 */
class CardReadabilityTest {

    /** Two hedges in a row ("suspected possible", "possible likely", "suspected to consider"). */
    private static final Pattern DOUBLE_HEDGE = Pattern.compile(
            "(?i)\\b(suspected|possible|probable|likely|to consider)\\s+(suspected|possible|probable|likely|to consider)\\b");

    private static final Map<String, List<CdsServiceResponseCardJson>> CARDS = new LinkedHashMap<>();

    @BeforeAll
    static void writeEveryCard() throws IOException {
        CardWriter writer = new CardWriter(
                CardContentTest.PACKAGE_CITATIONS,
                CdsServiceSettings.DONKER_2014,
                () -> "u",
                new PatientAppLink(null, () -> "https://cds.example.org"));
        GuidelineDifferentialEngine engine = GuidelineDifferentialEngine.standard();
        for (ClinicalCase c : Fixtures.cases()) {
            CARDS.put("case " + c.id(), cards(writer, engine, c.panel(), c.context()));
        }
        for (JsonNode v : Fixtures.vignettes()) {
            CARDS.put(
                    "vignette " + v.path("id").asText(),
                    cards(writer, engine, Fixtures.vignettePanel(v), Fixtures.vignetteContext(v)));
        }
    }

    private static List<CdsServiceResponseCardJson> cards(
            CardWriter writer, GuidelineDifferentialEngine engine, LabPanel panel, PatientContext context) {
        Differential differential = engine.evaluate(panel, context);
        return writer.write(differential, "p1", List.of("Medications were not available."))
                .getCards();
    }

    @Test
    void everySummaryIsUnder140CharactersAndHedgesOnce() {
        int max = 0;
        for (var entry : CARDS.entrySet()) {
            for (CdsServiceResponseCardJson card : entry.getValue()) {
                assertThat(card.getSummary()).as(entry.getKey()).hasSizeLessThan(140);
                assertThat(card.getSummary()).as(entry.getKey()).doesNotContainPattern(DOUBLE_HEDGE);
                assertThat(card.getDetail().lines().findFirst().orElse(""))
                        .as(entry.getKey())
                        .doesNotContain("suspected:");
                max = Math.max(max, card.getSummary().length());
            }
        }
        System.out.println("Card summaries: max " + max + " characters");
        assertThat(CARDS).isNotEmpty();
    }

    @Test
    void nineDetailsInTenStayWithin800CharactersUpToTheReferences() {
        List<Integer> lengths = new ArrayList<>();
        for (var entry : CARDS.entrySet()) {
            for (CdsServiceResponseCardJson card : entry.getValue()) {
                lengths.add(untilReferences(card.getDetail()).length());
            }
        }
        lengths.sort(Integer::compare);
        int p90 = lengths.get((int) Math.ceil(0.9 * lengths.size()) - 1);
        long over = lengths.stream().filter(n -> n > CardDetail.TARGET_LENGTH).count();
        System.out.println("Card details up to the references: " + lengths.size() + " cards, max "
                + lengths.get(lengths.size() - 1) + ", p90 " + p90 + ", median " + lengths.get(lengths.size() / 2)
                + ", over 800: " + over);
        assertThat(p90).isLessThanOrEqualTo(CardDetail.TARGET_LENGTH);
        assertThat(over).isLessThanOrEqualTo(lengths.size() / 10);
    }

    @Test
    void everyDetailStatesAtMostOneCaveat() {
        for (var entry : CARDS.entrySet()) {
            for (CdsServiceResponseCardJson card : entry.getValue()) {
                String detail = card.getDetail();
                int first = detail.indexOf("**Caveat:**");
                assertThat(first == -1 || detail.indexOf("**Caveat:**", first + 1) == -1)
                        .as(entry.getKey())
                        .isTrue();
            }
        }
    }

    static String untilReferences(String detail) {
        int at = detail.indexOf("\n\n**References:**");
        return at < 0 ? detail : detail.substring(0, at);
    }
}

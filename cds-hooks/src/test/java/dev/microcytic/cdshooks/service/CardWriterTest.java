package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.cdshooks.differential.Urgency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class CardWriterTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final AtomicInteger counter = new AtomicInteger();
    private final CardWriter writer = new CardWriter(
            id -> id.equals("who-2020")
                    ? Optional.of(new Citation(
                            "who-2020",
                            "WHO guideline on ferritin, 2020",
                            "https://www.ncbi.nlm.nih.gov/books/NBK569880/",
                            "WHO, 2020"))
                    : Optional.empty(),
            CdsServiceSettings.DONKER_2014,
            () -> "uuid-" + counter.incrementAndGet());

    @Test
    void emptyDifferentialGivesNoCards() throws Exception {
        CdsServiceResponseJson response = writer.write(Differentials.empty(), "p1", List.of());

        assertThat(response.getCards()).isEmpty();
        JsonNode json = json(response);
        assertThat(json.has("cards")).isTrue();
        assertThat(json.get("cards").isArray()).isTrue();
        assertThat(json.get("cards").size()).isZero();
    }

    @Test
    void leadingCardNamesCauseAndDecisiveValues() {
        CdsServiceResponseJson response = writer.write(
                Differentials.of(List.of(Differentials.ironDeficiency(1, Urgency.WARNING), Differentials.thalTrait(2))),
                "p1",
                List.of("Conditions were not available"));

        CdsServiceResponseCardJson first = response.getCards().get(0);
        assertThat(first.getSummary()).isEqualTo("Iron deficiency likely: ferritin 6 ng/mL, TSAT 6%");
        assertThat(first.getIndicator()).isEqualTo(CdsServiceIndicatorEnum.WARNING);
        assertThat(first.getSource().getTopic().getSystem())
                .isEqualTo("https://fhir.microcytic.dev/CodeSystem/microcytic-cause");
        assertThat(first.getSource().getTopic().getCode()).isEqualTo("iron-deficiency");
        assertThat(first.getSource().getUrl()).isEqualTo("https://www.ncbi.nlm.nih.gov/books/NBK569880/");
        assertThat(first.getSource().getLabel()).isEqualTo("WHO, 2020");
        assertThat(first.getUuid()).isNotBlank();
        assertThat(first.getDetail())
                .startsWith("**Iron deficiency: likely** (rank 1 of 2)\n\n")
                .contains("- Ferritin 6 ng/mL < 15 ng/mL (absent iron stores) [1]\n")
                .contains("- TSAT 6% < 16% [1]\n")
                .contains("**Next:** 1. GI evaluation: IDA in a man needs a source; 2. Coeliac serology\n")
                .contains("**Caveat:** CRP not measured: inflammation not excluded [1]\n")
                .contains("**Input:** Conditions were not available\n")
                .contains("Knowledge microcytic 1.1.0.")
                .contains("1. WHO guideline on ferritin, 2020 <https://www.ncbi.nlm.nih.gov/books/NBK569880/>")
                .doesNotContain("| Index |")
                .doesNotContain("Alternatives");
        assertThat(first.getOverrideReasons()).extracting(c -> c.getDisplay()).allMatch(d -> !d.isBlank());
        assertThat(first.getLinks()).singleElement().satisfies(link -> {
            assertThat(link.getType()).isEqualTo("absolute");
            assertThat(link.getUrl()).isEqualTo(CdsServiceSettings.DONKER_2014);
        });
    }

    @Test
    void withoutALinkedReferenceTheSourceIsTheKnowledgeVersionAndTheGuideline() {
        CardWriter unlinked = new CardWriter(id -> Optional.empty(), CdsServiceSettings.DONKER_2014, () -> "u");

        CdsServiceResponseCardJson card = unlinked.write(
                        Differentials.of(List.of(Differentials.ironDeficiency(1, Urgency.WARNING))), "p1", List.of())
                .getCards()
                .get(0);

        assertThat(card.getSource().getLabel()).isEqualTo("Donker et al., Blood 2014");
        assertThat(card.getSource().getUrl()).isEqualTo(CdsServiceSettings.DONKER_2014);
    }

    @Test
    void cardsFollowRankOneCausePerCodeAtMostFour() {
        CdsServiceResponseJson response = writer.write(
                Differentials.of(List.of(
                        Differentials.cause("lead-poisoning", 3),
                        Differentials.ironDeficiency(1, Urgency.INFO),
                        Differentials.thalTrait(2),
                        Differentials.cause("lead-poisoning", 4),
                        Differentials.cause("anemia-of-inflammation", 5),
                        Differentials.cause("irida", 6))),
                "p1",
                List.of());

        assertThat(response.getCards())
                .extracting(card -> card.getSource().getTopic().getCode())
                .containsExactly("iron-deficiency", "thalassemia-trait", "lead-poisoning", "anemia-of-inflammation");
        assertThat(response.getCards())
                .extracting(CdsServiceResponseCardJson::getUuid)
                .doesNotHaveDuplicates();
    }

    @Test
    void criticalUrgencyGivesCriticalIndicator() {
        CdsServiceResponseJson response = writer.write(
                Differentials.of(List.of(Differentials.ironDeficiency(1, Urgency.CRITICAL))), "p1", List.of());

        assertThat(response.getCards().get(0).getIndicator()).isEqualTo(CdsServiceIndicatorEnum.CRITICAL);
    }

    @Test
    void suggestionsProposeDraftServiceRequestsWithTestCodeAndLoinc() {
        CdsServiceResponseJson response =
                writer.write(Differentials.of(List.of(Differentials.thalTrait(1))), "p42", List.of());

        CdsServiceResponseCardJson card = response.getCards().get(0);
        assertThat(card.getSelectionBehaviour()).isEqualTo("any");
        assertThat(card.getSuggestions()).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.getUuid()).isNotBlank();
            assertThat(suggestion.getLabel()).isEqualTo("Order Hb fractionation (HPLC)");
            assertThat(suggestion.getActions()).singleElement().satisfies(action -> {
                assertThat(action.getType()).isEqualTo("create");
                ServiceRequest request = (ServiceRequest) action.getResource();
                assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
                assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PROPOSAL);
                assertThat(request.getSubject().getReference()).isEqualTo("Patient/p42");
                assertThat(request.getCode().getCoding())
                        .extracting(c -> c.getSystem() + "|" + c.getCode())
                        .containsExactly(
                                "https://fhir.microcytic.dev/CodeSystem/microcytic-test|hemoglobin-fractionation",
                                "http://loinc.org|4551-8");
            });
        });
    }

    @Test
    void summaryStaysUnder140Characters() {
        String longName = "A very long cause name that goes on and on ".repeat(5);
        var cause = new dev.microcytic.cdshooks.differential.CandidateCause(
                "other-hemoglobin-variant",
                longName,
                dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE,
                1,
                Urgency.INFO,
                Differentials.ironDeficiency(1, Urgency.INFO).supporting(),
                List.of(),
                List.of(),
                List.of());

        String summary = writer.write(Differentials.of(List.of(cause)), "p1", List.of())
                .getCards()
                .get(0)
                .getSummary();

        assertThat(summary).hasSizeLessThan(140).endsWith("…");
    }

    @Test
    void serialisedCardOmitsEmptyOptionalFieldsAndEncodesResources() throws Exception {
        JsonNode json = json(writer.write(Differentials.of(List.of(Differentials.thalTrait(1))), "p1", List.of()));

        JsonNode card = json.get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("selectionBehavior").asText()).isEqualTo("any");
        JsonNode resource = card.get("suggestions").get(0).get("actions").get(0).get("resource");
        assertThat(resource.get("resourceType").asText()).isEqualTo("ServiceRequest");
        assertThat(resource.get("status").asText()).isEqualTo("draft");
        assertThat(resource.get("intent").asText()).isEqualTo("proposal");
        assertThat(card.has("extension")).isFalse();
        assertThat(json.has("systemActions")).isFalse();
        assertThat(card.get("overrideReasons").get(0).get("display").asText()).isNotBlank();
    }

    private static JsonNode json(CdsServiceResponseJson response) throws Exception {
        ObjectMapper mapper = CdsHooksJson.writer(FHIR);
        return new ObjectMapper().readTree(mapper.writeValueAsString(response));
    }
}

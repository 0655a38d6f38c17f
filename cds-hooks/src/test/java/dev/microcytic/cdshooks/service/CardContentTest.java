package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionJson;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** What a clinician reads on a card: labels of the deciding values, the order of the tests, the source. */
class CardContentTest {

    private static final KnowledgePackage KNOWLEDGE = KnowledgePackage.load();

    /** The citations as the server builds them from the knowledge package. */
    static final Citation.Lookup PACKAGE_CITATIONS = id -> KNOWLEDGE
            .reference(id)
            .map(reference -> new Citation(
                    reference.id(), reference.citation(), reference.link().orElse(null), reference.label()));

    private final CardWriter writer = new CardWriter(PACKAGE_CITATIONS, CdsServiceSettings.DONKER_2014, () -> "u");

    @Test
    void aCauseNamedAsSuspectedCarriesOneLikelihoodWord() {
        CandidateCause thal = new CandidateCause(
                "thalassemia-trait",
                "Thalassemia trait suspected",
                Likelihood.POSSIBLE,
                1,
                Urgency.INFO,
                List.of(Differentials.lab(
                        "RBC 5.8 10^6/µL > 5 (high red-cell count)",
                        Analyte.RBC_COUNT,
                        5.8,
                        ">",
                        5,
                        "vehapoglu-2014",
                        null)),
                List.of(),
                List.of(),
                List.of());

        String summary = CardWriter.summary(thal, Differentials.of(List.of(thal)));

        assertThat(summary).startsWith("Thalassemia trait possible: ").doesNotContain("suspected");
    }

    @Test
    void aRatioIsNotNamedAsTheConcentrationItWasComputedFrom() {
        Evidence ratio = new Evidence(
                "TSAT/hepcidin 0.6 %/nM < 5.6 %/nM (hepcidin inappropriately high: TMPRSS6-related IRIDA)",
                Analyte.HEPCIDIN, 0.6, "%/nM", "<", 5.6, "van-der-staaij-2022", "Observation/hepcidin");
        CandidateCause irida = cause("irida", "Iron-refractory iron deficiency anemia (TMPRSS6)", List.of(ratio));

        String summary = CardWriter.summary(irida, withValues(irida, hepcidin(10.2)));

        assertThat(summary)
                .isEqualTo("Iron-refractory iron deficiency anemia (TMPRSS6) likely: TSAT/hepcidin 0.6 %/nM")
                .doesNotContain("hepcidin 0.6 nM");
    }

    @Test
    void aRiseIsNotNamedAsALevel() {
        Evidence rise = new Evidence(
                "Hb 9.5 → 9.8 g/dL (+0.3) 42 days after starting oral iron (refractory: rise < 1 g/dL after ≥ 28 days)",
                Analyte.HEMOGLOBIN,
                0.3,
                "g/dL",
                "<",
                1.0,
                "donker-2014",
                "Observation/hb-2");
        CandidateCause irida = cause("irida", "Iron-refractory iron deficiency anemia (TMPRSS6)", List.of(rise));

        String summary = CardWriter.summary(irida, Differentials.of(List.of(irida)));

        assertThat(summary).endsWith(": Hb rise 0.3 g/dL");
    }

    @Test
    void aMeasuredLevelKeepsTheAnalyteName() {
        CandidateCause iron = Differentials.ironDeficiency(1, Urgency.INFO);

        assertThat(CardWriter.summary(iron, Differentials.of(List.of(iron))))
                .isEqualTo("Iron deficiency likely: ferritin 6 ng/mL, TSAT 6%");
    }

    @Test
    void giEvaluationComesFirstAndSurvivesTheCapOnSuggestions() {
        List<SuggestedTest> tests = new ArrayList<>();
        for (String code : List.of("iron-studies", "crp", "reticulocytes", "urinalysis", "coeliac-serology")) {
            tests.add(new SuggestedTest(code, code, null, null));
        }
        tests.add(new SuggestedTest(
                "gi-evaluation",
                "Gastrointestinal evaluation (endoscopy / referral)",
                null,
                "Iron deficiency in a man or post-menopausal woman: bidirectional endoscopy (BSG 2021)"));
        CandidateCause iron = new CandidateCause(
                "iron-deficiency",
                "Iron deficiency anemia",
                Likelihood.LIKELY,
                1,
                Urgency.WARNING,
                Differentials.ironDeficiency(1, Urgency.WARNING).supporting(),
                List.of(),
                tests,
                List.of());

        CdsServiceResponseCardJson card = writer.write(Differentials.of(List.of(iron)), "p1", List.of())
                .getCards()
                .get(0);

        assertThat(card.getSuggestions()).hasSize(CardWriter.MAX_SUGGESTIONS);
        assertThat(card.getSuggestions())
                .extracting(CardContentTest::testCode)
                .containsExactly("gi-evaluation", "iron-studies", "crp", "reticulocytes");
        assertThat(card.getSuggestions().get(0).getRecommended()).isTrue();
        assertThat(card.getDetail())
                .contains("**Next:** 1. Gastrointestinal evaluation (endoscopy / referral): Iron deficiency in a man or"
                        + " post-menopausal woman: bidirectional endoscopy (BSG 2021); 2. iron-studies;");
    }

    @Test
    void withoutGiEvaluationTheEngineOrderStands() {
        CandidateCause thal = Differentials.thalTrait(1);

        CdsServiceResponseCardJson card = writer.write(Differentials.of(List.of(thal)), "p1", List.of())
                .getCards()
                .get(0);

        assertThat(card.getSuggestions())
                .extracting(CardContentTest::testCode)
                .containsExactly("hemoglobin-fractionation");
    }

    @Test
    void theSourceIsTheFirstCitedWorkWithItsYearAndDoiLink() {
        CandidateCause iron = cause(
                "iron-deficiency",
                "Iron deficiency anemia",
                List.of(Differentials.lab(
                        "Ferritin 6 ng/mL < 15 ng/mL (absent iron stores)",
                        Analyte.FERRITIN,
                        6,
                        "<",
                        15,
                        "snook-2021",
                        "Observation/ferritin")));

        CdsServiceResponseCardJson card = writer.write(Differentials.of(List.of(iron)), "p1", List.of())
                .getCards()
                .get(0);

        assertThat(card.getSource().getLabel()).isEqualTo("Snook et al. (BSG), Gut 2021");
        assertThat(card.getSource().getUrl()).isEqualTo("https://doi.org/10.1136/gutjnl-2021-325210");
        assertThat(card.getDetail()).contains("<https://doi.org/10.1136/gutjnl-2021-325210>");
    }

    @Test
    void everyReferenceGivesASourceLabelWithItsYearAndItsBestLink() {
        for (var reference : KNOWLEDGE.references()) {
            Citation citation = PACKAGE_CITATIONS.find(reference.id()).orElseThrow();
            if (!reference.id().equals("arup-copper")) { // a laboratory's test directory page has no date
                assertThat(citation.label()).as(reference.id()).containsPattern("(19|20)\\d\\d");
            }
            if (reference.doi() != null) {
                assertThat(citation.url()).as(reference.id()).isEqualTo("https://doi.org/" + reference.doi());
            } else if (reference.pmid() != null) {
                assertThat(citation.url())
                        .as(reference.id())
                        .isEqualTo("https://pubmed.ncbi.nlm.nih.gov/" + reference.pmid() + "/");
            } else {
                assertThat(citation.url()).as(reference.id()).startsWith("http");
            }
        }
    }

    @Test
    void theIndexCountAgreesWithTheIndicesThePatientPageLists() {
        Evidence lean = Evidence.finding(
                "The CBC leans towards iron deficiency (2 of 2 discrimination indices; Mentzer 17.5)",
                "vehapoglu-2014");
        CandidateCause iron = cause("iron-deficiency", "Iron deficiency anemia", List.of(lean));
        Differential differential = new Differential(
                "1.1.0",
                Differentials.microcyticAnemia(),
                List.of(iron),
                List.of(
                        index("mentzer", 17.5, "iron-deficiency"),
                        index("ehsani", 33, "iron-deficiency"),
                        index("shine-lal", 1482, "thalassemia-trait")),
                List.of(),
                List.of(),
                Set.of(),
                List.of());

        String detail =
                writer.write(differential, "p1", List.of()).getCards().get(0).getDetail();

        assertThat(detail)
                .contains("- Indices: 2 of 3 point to iron deficiency; Mentzer 17.5")
                .doesNotContain("2 of 2 discrimination indices");
    }

    @Test
    void theDetailPointsToThePatientPageForEverythingElse() {
        CardWriter linked = new CardWriter(
                PACKAGE_CITATIONS,
                CdsServiceSettings.DONKER_2014,
                () -> "u",
                new PatientAppLink(null, () -> "https://cds.example.org"));

        String detail = linked.write(
                        Differentials.of(List.of(Differentials.ironDeficiency(1, Urgency.INFO))), "p1", List.of())
                .getCards()
                .get(0)
                .getDetail();

        assertThat(detail)
                .contains("[All values, indices, evidence and trend](https://cds.example.org/app/patients/p1).");
    }

    private static CandidateCause cause(String code, String display, List<Evidence> supporting) {
        return new CandidateCause(
                code, display, Likelihood.LIKELY, 1, Urgency.INFO, supporting, List.of(), List.of(), List.of());
    }

    private static LabValue hepcidin(double nM) {
        return new LabValue(Analyte.HEPCIDIN, nM, Differentials.DRAWN, "Observation/hepcidin", null, null, false);
    }

    private static Differential withValues(CandidateCause cause, LabValue value) {
        Differential base = Differentials.of(List.of(cause));
        List<LabValue> values = new ArrayList<>(base.valuesUsed());
        values.add(value);
        return new Differential(
                base.knowledgeVersion(),
                base.findings(),
                base.causes(),
                base.indices(),
                base.caveats(),
                base.nextTests(),
                base.missingAnalytes(),
                values);
    }

    private static ComputedIndex index(String code, double value, String favours) {
        return new ComputedIndex(code, code, code, value, 0, favours, null, null, "vehapoglu-2014");
    }

    private static String testCode(CdsServiceResponseSuggestionJson suggestion) {
        ServiceRequest request = (ServiceRequest) suggestion.getActions().get(0).getResource();
        return request.getCode().getCodingFirstRep().getCode();
    }
}

package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeebackOutcomeEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeedbackJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.Sex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Request handling of the catalog and both services, with a hand-built engine result. */
class CdsServiceCatalogTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private final AtomicReference<Differential> result = new AtomicReference<>(Differentials.empty());
    private final AtomicReference<LabPanel> seenPanel = new AtomicReference<>();
    private final AtomicReference<PatientContext> seenContext = new AtomicReference<>();
    private final CdsServiceCatalog catalog = catalog();

    private CdsServiceCatalog catalog() {
        dev.microcytic.cdshooks.differential.DifferentialEngine engine = (panel, context) -> {
            seenPanel.set(panel);
            seenContext.set(context);
            return result.get();
        };
        CardWriter cards = new CardWriter(id -> Optional.empty(), CdsServiceSettings.DONKER_2014);
        var anemia = new MicrocyticAnemiaService(
                new DifferentialPipeline(engine, LabPanelReader.standard(), PatientContextReader.standard()),
                cards,
                LabConcepts.standard(),
                CLOCK);
        var order = new IronOrderCheckService(
                new DifferentialPipeline(engine, LabPanelReader.standard(), PatientContextReader.standard()),
                LabConcepts.standard(),
                CLOCK,
                CdsServiceSettings.DONKER_2014);
        return new CdsServiceCatalog(
                List.of(anemia, order),
                new HookRequestReader(FHIR),
                new FhirServerPrefetcher(CdsServiceSettings.defaults()));
    }

    static String patientView(String prefetch) {
        return """
                {"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "context":{"userId":"Practitioner/1","patientId":"p1"},
                 "prefetch":%s}"""
                .formatted(prefetch);
    }

    static final String PATIENT =
            """
            {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1985-04-02"}""";

    static String obs(String id, String loinc, double value, String unit, String date) {
        return """
                {"resource":{"resourceType":"Observation","id":"%s","status":"final",
                 "subject":{"reference":"Patient/p1"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
                 "effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"}}}"""
                .formatted(id, loinc, date, value, unit);
    }

    static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    static final String EMPTY_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";

    private CdsServiceResponseJson call(String service, String body) {
        return catalog.call(service, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void discoveryListsBothServicesWithPrefetchAndUsageRequirements() throws Exception {
        JsonNode discovery =
                new ObjectMapper().readTree(CdsHooksJson.writer(FHIR).writeValueAsString(catalog.discovery()));

        JsonNode anemia = discovery.get("services").get(0);
        assertThat(anemia.get("id").asText()).isEqualTo("microcytic-anemia");
        assertThat(anemia.get("hook").asText()).isEqualTo("patient-view");
        assertThat(anemia.get("title").asText()).isNotBlank();
        assertThat(anemia.get("description").asText()).isNotBlank();
        assertThat(anemia.get("usageRequirements").asText()).contains("JWT");
        JsonNode prefetch = anemia.get("prefetch");
        assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        assertThat(prefetch.get("labs").asText())
                .startsWith("Observation?patient={{context.patientId}}&code=http://loinc.org|")
                .contains("http://loinc.org|718-7,")
                .contains("http://loinc.org|2276-4,")
                .contains("http://loinc.org|4551-8");
        assertThat(prefetch.get("conditions").asText()).startsWith("Condition?patient={{context.patientId}}");
        assertThat(prefetch.get("medications").asText()).startsWith("MedicationRequest?patient={{context.patientId}}");
        assertThat(anemia.has("source")).isFalse();
        JsonNode order = discovery.get("services").get(1);
        assertThat(order.get("id").asText()).isEqualTo("microcytic-iron-order-check");
        assertThat(order.get("hook").asText()).isEqualTo("order-select");
    }

    @Test
    void readsPrefetchIntoEngineInputAndWritesCards() {
        result.set(Differentials.of(List.of(Differentials.ironDeficiency(1, Urgency.WARNING))));

        CdsServiceResponseJson response = call(
                "microcytic-anemia",
                patientView("{\"patient\":" + PATIENT + ",\"labs\":"
                        + bundle(
                                obs("hb", "718-7", 9.8, "g/dL", "2026-11-20"),
                                obs("fer", "2276-4", 6, "ng/mL", "2026-11-20"))
                        + ",\"conditions\":" + EMPTY_BUNDLE + ",\"medications\":null}"));

        assertThat(response.getCards()).hasSize(1);
        assertThat(response.getCards().get(0).getSummary()).startsWith("Iron deficiency likely");
        assertThat(response.getCards().get(0).getDetail()).contains("Medications were not available");
        assertThat(seenPanel.get().latest(Analyte.HEMOGLOBIN).orElseThrow().value())
                .isEqualTo(9.8);
        assertThat(seenPanel.get().latest(Analyte.FERRITIN).orElseThrow().sourceId())
                .isEqualTo("Observation/fer");
        assertThat(seenContext.get().sex()).isEqualTo(Sex.FEMALE);
        assertThat(seenContext.get().evaluationDate()).hasToString("2026-11-21");
    }

    @Test
    void ignoresObservationsAboutAnotherPatient() {
        String other = obs("x", "718-7", 5.0, "g/dL", "2026-11-20").replace("Patient/p1", "Patient/other");

        call("microcytic-anemia", patientView("{\"patient\":" + PATIENT + ",\"labs\":" + bundle(other) + "}"));

        assertThat(seenPanel.get().isEmpty()).isTrue();
    }

    @Test
    void emptyDifferentialGivesEmptyCards() {
        CdsServiceResponseJson response =
                call("microcytic-anemia", patientView("{\"patient\":" + PATIENT + ",\"labs\":" + EMPTY_BUNDLE + "}"));

        assertThat(response.getCards()).isEmpty();
    }

    @Test
    void unknownServiceIs404() {
        assertStatus(() -> call("nope", patientView("{}")), 404);
    }

    @Test
    void wrongHookIs400() {
        assertStatus(() -> call("microcytic-anemia", patientView("{}").replace("patient-view", "order-sign")), 400);
    }

    @Test
    void missingPatientIdOrMalformedBodyIs400() {
        assertStatus(() -> call("microcytic-anemia", "{\"hook\":\"patient-view\",\"context\":{}}"), 400);
        assertStatus(() -> call("microcytic-anemia", "{\"hook\":\"patient-view\"}"), 400);
        assertStatus(() -> call("microcytic-anemia", "{\"hook\":\"patient-view\",\"context\":{\"patientId\":7}}"), 400);
        assertStatus(() -> call("microcytic-anemia", "{not json"), 400);
        assertStatus(() -> call("microcytic-anemia", ""), 400);
        assertStatus(() -> call("microcytic-anemia", "[]"), 400);
        assertStatus(() -> call("microcytic-anemia", patientView("{}").replace("\"p1\"", "\"a b/c\"")), 400);
    }

    @Test
    void missingRequiredPrefetchWithoutFhirServerIs412() {
        assertStatus(() -> call("microcytic-anemia", patientView("{}")), 412);
        assertStatus(() -> call("microcytic-anemia", patientView("{\"patient\":" + PATIENT + ",\"labs\":null}")), 412);
        assertStatus(
                () -> call(
                        "microcytic-anemia",
                        patientView("{\"patient\":" + PATIENT + ",\"labs\":{\"resourceType\":\"OperationOutcome\"}}")),
                412);
    }

    @Test
    void unreachableFhirServerIs412() {
        String body =
                patientView("{}").replace("\"context\"", "\"fhirServer\":\"http://127.0.0.1:9/fhir\",\"context\"");

        assertStatus(() -> call("microcytic-anemia", body), 412);
    }

    @Test
    void wrongResourceTypesInPrefetchAre400() {
        assertStatus(
                () -> call(
                        "microcytic-anemia",
                        patientView("{\"patient\":" + EMPTY_BUNDLE.replace("Bundle", "Nope") + ",\"labs\":"
                                + EMPTY_BUNDLE + "}")),
                400);
        assertStatus(
                () -> call("microcytic-anemia", patientView("{\"patient\":" + PATIENT + ",\"labs\":" + PATIENT + "}")),
                400);
        assertStatus(
                () -> call(
                        "microcytic-anemia",
                        patientView("{\"patient\":{\"resourceType\":\"Observation\"},\"labs\":" + EMPTY_BUNDLE + "}")),
                400);
        assertStatus(
                () -> call(
                        "microcytic-anemia",
                        patientView("{\"patient\":" + PATIENT.replace("\"p1\"", "\"p2\"") + ",\"labs\":" + EMPTY_BUNDLE
                                + "}")),
                400);
        assertStatus(() -> call("microcytic-anemia", patientView("{\"patient\":\"Patient/p1\"}")), 400);
    }

    @Test
    void ironOrderedForThalassaemiaTraitWithNormalFerritinWarnsAndOffersRemoval() {
        result.set(Differentials.of(List.of(Differentials.thalTrait(1))));
        String body = orderSelect(
                "{\"resource\":{\"resourceType\":\"MedicationRequest\",\"id\":\"iron1\",\"status\":\"draft\","
                        + "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p1\"},"
                        + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\","
                        + "\"code\":\"B03AA07\",\"display\":\"ferrous sulfate\"}]}}}",
                "MedicationRequest/iron1");

        CdsServiceResponseJson response = call("microcytic-iron-order-check", body);

        assertThat(response.getCards()).singleElement().satisfies(card -> {
            assertThat(card.getIndicator()).isEqualTo(CdsServiceIndicatorEnum.WARNING);
            assertThat(card.getSummary())
                    .startsWith("Iron ordered, but labs point away from iron deficiency: Thalassemia trait")
                    .hasSizeLessThanOrEqualTo(140);
            assertThat(card.getSource().getTopic().getCode()).isEqualTo("thalassemia-trait");
            assertThat(card.getSuggestions().get(0).getActions().get(0))
                    .isInstanceOfSatisfying(DeleteAction.class, action -> {
                        assertThat(action.getType()).isEqualTo("delete");
                        assertThat(action.getResourceId()).isEqualTo("MedicationRequest/iron1");
                    });
        });
    }

    @Test
    void ironOrderedForIronDeficiencyIsQuiet() {
        result.set(
                Differentials.of(List.of(Differentials.ironDeficiency(1, Urgency.INFO), Differentials.thalTrait(2))));
        String body = orderSelect(
                "{\"resource\":{\"resourceType\":\"MedicationRequest\",\"id\":\"iron1\",\"status\":\"draft\","
                        + "\"intent\":\"order\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                        + "\"http://www.whocc.no/atc\",\"code\":\"B03AA07\"}]}}}",
                "MedicationRequest/iron1");

        assertThat(call("microcytic-iron-order-check", body).getCards()).isEmpty();
    }

    @Test
    void recentFerritinOrderedAgainGetsAnInfoCard() {
        String body = orderSelect(
                "{\"resource\":{\"resourceType\":\"ServiceRequest\",\"id\":\"sr1\",\"status\":\"draft\","
                        + "\"intent\":\"order\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                        + "\"code\":\"2276-4\"}]}}}",
                "ServiceRequest/sr1");

        CdsServiceResponseJson response = call("microcytic-iron-order-check", body);

        assertThat(response.getCards()).singleElement().satisfies(card -> {
            assertThat(card.getIndicator()).isEqualTo(CdsServiceIndicatorEnum.INFO);
            assertThat(card.getSummary()).isEqualTo("Ferritin resulted 11 days ago (6 ng/mL): is a repeat needed now?");
            assertThat(((DeleteAction) card.getSuggestions().get(0).getActions().get(0)).getResourceId())
                    .isEqualTo("ServiceRequest/sr1");
        });
    }

    @Test
    void orderSelectWithoutDraftOrdersIs400() {
        String body = patientView("{\"patient\":" + PATIENT + ",\"labs\":" + EMPTY_BUNDLE + "}")
                .replace("patient-view", "order-select");

        assertStatus(() -> call("microcytic-iron-order-check", body), 400);
    }

    private static String orderSelect(String draftEntry, String selection) {
        return """
                {"hook":"order-select","hookInstance":"e1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "context":{"userId":"Practitioner/1","patientId":"p1","selections":["%s"],
                   "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[%s]}},
                 "prefetch":{"patient":%s,"labs":%s}}"""
                .formatted(selection, draftEntry, PATIENT, bundle(obs("fer", "2276-4", 6, "ng/mL", "2026-11-10")));
    }

    @Test
    void feedbackInSpecFormIsRead() {
        String body =
                """
                {"feedback":[
                  {"card":"c1","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}],
                   "outcomeTimestamp":"2026-11-21T10:00:00Z"},
                  {"card":"c2","outcome":"overridden","overrideReason":{"reason":{"code":"known-diagnosis",
                   "system":"https://fhir.microcytic.dev/CodeSystem/microcytic-override-reason",
                   "display":"Known diagnosis"},"userComment":"known trait"},
                   "outcomeTimestamp":"2026-11-21T10:01:00+01:00"}]}""";

        List<CdsServiceFeedbackJson> items =
                catalog.feedback("microcytic-anemia", body.getBytes(StandardCharsets.UTF_8));

        assertThat(items).hasSize(2);
        assertThat(items.get(0).getOutcome()).isEqualTo(CdsServiceFeebackOutcomeEnum.accepted);
        assertThat(items.get(0).getAcceptedSuggestions().get(0).getId()).isEqualTo("s1");
        assertThat(items.get(1).getOverrideReason().getReason().getCode()).isEqualTo("known-diagnosis");
    }

    @Test
    void malformedFeedbackIs400() {
        for (String body : List.of(
                "{}",
                "{\"feedback\":{}}",
                "{\"feedback\":[{\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-21T10:00:00Z\"}]}",
                "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"maybe\",\"outcomeTimestamp\":\"2026-11-21T10:00:00Z\"}]}",
                "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-21T10:00:00Z\"}]}",
                "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"yesterday\"}]}",
                "{\"card\":\"c\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-21T10:00:00Z\"}")) {
            assertStatus(() -> catalog.feedback("microcytic-anemia", body.getBytes(StandardCharsets.UTF_8)), 400);
        }
        assertStatus(() -> catalog.feedback("unknown", "{\"feedback\":[]}".getBytes(StandardCharsets.UTF_8)), 404);
    }

    private static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CdsHookException.class, e -> assertThat(e.status())
                .isEqualTo(status));
    }
}

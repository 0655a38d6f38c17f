package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.server.AbstractServerIT;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order-select service end to end with the real engine: oral iron for a thalassaemia trait pattern. */
class CdsHooksOrderSelectIT extends AbstractServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String labs(String patientId, double ferritin) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + String.join(
                        ",",
                        CdsHooksHttpIT.observation("hb", patientId, "718-7", 11.4, "g/dL"),
                        CdsHooksHttpIT.observation("mcv", patientId, "787-2", 63, "fL"),
                        CdsHooksHttpIT.observation("mch", patientId, "785-6", 20, "pg"),
                        CdsHooksHttpIT.observation("rbc", patientId, "789-8", 5.9, "10*6/uL"),
                        CdsHooksHttpIT.observation("rdw", patientId, "788-0", 13.5, "%"),
                        CdsHooksHttpIT.observation("fer", patientId, "2276-4", ferritin, "ng/mL"),
                        CdsHooksHttpIT.observation("tsat", patientId, "2502-3", 28, "%"),
                        CdsHooksHttpIT.observation("crp", patientId, "1988-5", 1, "mg/L"),
                        CdsHooksHttpIT.observation("a2", patientId, "4551-8", 5.4, "%"))
                + "]}";
    }

    private static String orderSelect(String patientId, String draft, String selection) {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"gender\":\"female\",\"birthDate\":\"%s\"}"
                .formatted(patientId, LocalDate.now().minusYears(28));
        return """
                {"hook":"order-select","hookInstance":"%s",
                 "context":{"userId":"Practitioner/it","patientId":"%s","selections":["%s"],
                   "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":%s}]}},
                 "prefetch":{"patient":%s,"labs":%s,"conditions":null,"medications":null}}"""
                .formatted(UUID.randomUUID(), patientId, selection, draft, patient, labs(patientId, 85));
    }

    @Test
    void oralIronForThalassaemiaTraitWithNormalFerritinIsWarned() throws Exception {
        String draft =
                """
                {"resourceType":"MedicationRequest","id":"iron-draft","status":"draft","intent":"order",
                 "subject":{"reference":"Patient/os-1"},
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"B03AA07",
                   "display":"ferrous sulfate"}]}}""";
        String url = baseUrl() + "/cds-services/microcytic-iron-order-check";

        HttpResponse<String> response =
                ItCdsClient.post(url, orderSelect("os-1", draft, "MedicationRequest/iron-draft"), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode card = JSON.readTree(response.body()).get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("warning");
        assertThat(card.get("summary").asText()).startsWith("Iron ordered, but labs point away from iron deficiency");
        assertThat(card.get("source").get("topic").get("code").asText()).contains("thalassemia");
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("delete");
        assertThat(action.get("resourceId").asText()).isEqualTo("MedicationRequest/iron-draft");
    }

    @Test
    void hbFractionationOrderedAgainAfterARecentResultGetsAnInfoCard() throws Exception {
        String draft =
                """
                {"resourceType":"ServiceRequest","id":"hplc-draft","status":"draft","intent":"order",
                 "subject":{"reference":"Patient/os-2"},
                 "code":{"coding":[{"system":"https://fhir.microcytic.dev/CodeSystem/microcytic-test",
                   "code":"hemoglobin-fractionation"}]}}""";
        String url = baseUrl() + "/cds-services/microcytic-iron-order-check";

        HttpResponse<String> response =
                ItCdsClient.post(url, orderSelect("os-2", draft, "ServiceRequest/hplc-draft"), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode card = JSON.readTree(response.body()).get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("summary").asText()).isEqualTo("HbA2 resulted 2 days ago (5.4%): is a repeat needed now?");
    }
}

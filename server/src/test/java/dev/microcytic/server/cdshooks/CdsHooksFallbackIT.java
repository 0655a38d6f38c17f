package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.server.AbstractServerIT;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Prefetch fallback against a real FHIR server (this server's own {@code /fhir}): keys the EHR did not send, or sent
 * as null, are read from {@code fhirServer} with HAPI's client; a patient the server does not know gives 412.
 */
class CdsHooksFallbackIT extends AbstractServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String storeIronDeficientPatient() {
        String id = "cdsfb-" + UUID.randomUUID().toString().substring(0, 8);
        Patient patient = new Patient();
        patient.setId(id);
        patient.setGender(Enumerations.AdministrativeGender.MALE);
        patient.setBirthDate(
                Date.from(LocalDate.now().minusYears(47).atStartOfDay().toInstant(ZoneOffset.UTC)));
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Patient/" + id);
        addLab(transaction, id, "718-7", 10.9, "g/dL");
        addLab(transaction, id, "787-2", 71, "fL");
        addLab(transaction, id, "789-8", 4.6, "10*6/uL");
        addLab(transaction, id, "788-0", 17, "%");
        addLab(transaction, id, "2276-4", 7, "ng/mL");
        addLab(transaction, id, "2502-3", 7, "%");
        addLab(transaction, id, "1988-5", 1, "mg/L");
        fhirClient().transaction().withBundle(transaction).execute();
        return id;
    }

    private static void addLab(Bundle transaction, String patientId, String loinc, double value, String unit) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference("Patient/" + patientId));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
        observation.setEffective(new DateTimeType(LocalDate.now().minusDays(3).toString()));
        observation.setValue(new Quantity()
                .setValue(BigDecimal.valueOf(value))
                .setSystem("http://unitsofmeasure.org")
                .setCode(unit));
        transaction
                .addEntry()
                .setResource(observation)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
    }

    private String call(String patientId, String prefetch) {
        return """
                {"hook":"patient-view","hookInstance":"%s","fhirServer":"%s",
                 "fhirAuthorization":{"access_token":"opaque-token","token_type":"Bearer","expires_in":300,
                   "scope":"patient/*.read","subject":"cds-service"},
                 "context":{"userId":"Practitioner/it","patientId":"%s"}%s}"""
                .formatted(
                        UUID.randomUUID(),
                        fhirBaseUrl(),
                        patientId,
                        prefetch == null ? "" : ",\"prefetch\":" + prefetch);
    }

    @Test
    void readsEverythingFromFhirServerWhenNothingIsPrefetched() throws Exception {
        String id = storeIronDeficientPatient();
        String url = baseUrl() + "/cds-services/microcytic-anemia";

        HttpResponse<String> response = ItCdsClient.post(url, call(id, null), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cards = JSON.readTree(response.body()).get("cards");
        assertThat(cards.size()).isPositive();
        assertThat(cards.get(0).get("source").get("topic").get("code").asText()).isEqualTo("iron-deficiency");
        assertThat(cards.get(0).get("summary").asText()).contains("ferritin 7 ng/mL");
        assertThat(cards.get(0).get("detail").asText()).doesNotContain("were not available");
    }

    @Test
    void nullPrefetchKeysAreReadFromFhirServer() throws Exception {
        String id = storeIronDeficientPatient();
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        String prefetch = "{\"patient\":null,\"labs\":null,\"conditions\":{\"resourceType\":\"Bundle\","
                + "\"type\":\"searchset\"},\"medications\":null}";

        HttpResponse<String> response = ItCdsClient.post(url, call(id, prefetch), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())
                        .get("cards")
                        .get(0)
                        .get("summary")
                        .asText())
                .contains("ferritin 7 ng/mL");
    }

    @Test
    void patientUnknownToFhirServerIs412() throws Exception {
        String url = baseUrl() + "/cds-services/microcytic-anemia";

        HttpResponse<String> response = ItCdsClient.post(url, call("no-such-patient-x1", null), true);

        assertThat(response.statusCode()).isEqualTo(412);
        // The upstream answer (404 and its OperationOutcome) is not echoed.
        assertThat(JSON.readTree(response.body()).get("message").asText())
                .isEqualTo("Prefetch data missing and it could not be read from the fhirServer");
    }

    @Test
    void fhirServerOutsideTheAllowListIs400() throws Exception {
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        String ownBase = fhirBaseUrl();
        for (String elsewhere : List.of(
                "http://169.254.169.254/latest",
                "https://internal.example.org/fhir",
                ownBase.replace("/fhir", "/actuator"),
                ownBase.replace(":" + port, ":" + (port == 65535 ? 1 : port + 1)))) {
            String body = call("p-allow-list", null).replace(ownBase, elsewhere);

            HttpResponse<String> response = ItCdsClient.post(url, body, true);

            assertThat(response.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("message").asText()).contains("fhirServer");
        }
    }

    @Test
    void unreachableFhirServerIs412() throws Exception {
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        String body = call("p1", null).replace(fhirBaseUrl(), "http://127.0.0.1:9/fhir");

        HttpResponse<String> response = ItCdsClient.post(url, body, true);

        assertThat(response.statusCode()).isEqualTo(412);
    }
}

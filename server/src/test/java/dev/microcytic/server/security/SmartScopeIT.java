package dev.microcytic.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** What each SMART scope lets a token do on {@code /fhir}: HAPI's authorization rules, deny by default. */
class SmartScopeIT extends AbstractSecuredServerIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void aPatientContextTokenSeesOnlyItsPatientsCompartment() throws Exception {
        String mine = storePatientWithHemoglobin();
        String other = storePatientWithHemoglobin();
        String token = AUTH_SERVER.token("launch/patient patient/*.rs", mine);

        HttpResponse<String> search = get("/Observation?code=http://loinc.org%7C718-7&_count=100", token);
        HttpResponse<String> ownPatient = get("/Patient/" + mine, token);
        HttpResponse<String> otherPatient = get("/Patient/" + other, token);
        HttpResponse<String> otherLabs = get("/Observation?subject=Patient/" + other, token);

        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        Bundle found = FHIR.newJsonParser().parseResource(Bundle.class, search.body());
        assertThat(found.getEntry()).isNotEmpty().allSatisfy(entry -> assertThat(
                        ((Observation) entry.getResource()).getSubject().getReference())
                .isEqualTo("Patient/" + mine));
        assertThat(ownPatient.statusCode()).isEqualTo(200);
        assertThat(otherPatient.statusCode()).isEqualTo(403);
        assertThat(otherLabs.statusCode()).isEqualTo(403);
    }

    @Test
    void smartV1PatientReadScopeWorksLikeV2() throws Exception {
        String mine = storePatientWithHemoglobin();
        String other = storePatientWithHemoglobin();
        String token = AUTH_SERVER.token("patient/*.read", mine);

        assertThat(get("/Patient/" + mine, token).statusCode()).isEqualTo(200);
        assertThat(get("/Patient/" + other, token).statusCode()).isEqualTo(403);
    }

    @Test
    void aPatientScopeWithoutPatientContextGrantsNothing() throws Exception {
        String mine = storePatientWithHemoglobin();

        assertThat(get("/Patient/" + mine, AUTH_SERVER.token("patient/*.rs", null))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenWithoutWriteScopeCannotWrite() throws Exception {
        String patient = storePatientWithHemoglobin();
        String reader = AUTH_SERVER.token("user/*.rs", null);

        assertThat(post("/Observation", hemoglobin(patient), reader).statusCode())
                .isEqualTo(403);
        assertThat(delete("/Patient/" + patient, reader).statusCode()).isEqualTo(403);
        assertThat(get("/Patient/" + patient, reader).statusCode()).isEqualTo(200);
    }

    @Test
    void aLabSystemMayCreateObservationsButNotReadThem() throws Exception {
        String patient = storePatientWithHemoglobin();
        String lab = AUTH_SERVER.token("system/Observation.c", null);

        HttpResponse<String> created = post("/Observation", hemoglobin(patient), lab);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(get("/Observation?subject=Patient/" + patient, lab).statusCode())
                .isEqualTo(403);
        assertThat(put("/Patient/" + patient, "{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\"}", lab)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPatientWriteScopeCannotWriteIntoAnotherPatient() throws Exception {
        String mine = storePatientWithHemoglobin();
        String other = storePatientWithHemoglobin();
        String token = AUTH_SERVER.token("patient/Observation.cruds", mine);

        assertThat(post("/Observation", hemoglobin(mine), token).statusCode()).isEqualTo(201);
        assertThat(post("/Observation", hemoglobin(other), token).statusCode()).isEqualTo(403);
    }

    @Test
    void differentialGetNeedsReadAndPostNeedsWrite() throws Exception {
        String patient = storePatientWithHemoglobin();
        String reader = AUTH_SERVER.token("patient/*.rs", patient);
        String clinicianWriter = AUTH_SERVER.token("user/*.cruds", null);
        String op = "/Patient/" + patient + "/$microcytic-differential";

        assertThat(get(op, reader).statusCode()).isEqualTo(200);
        assertThat(post(op, "{\"resourceType\":\"Parameters\"}", reader).statusCode())
                .isEqualTo(403);
        assertThat(post(op, "{\"resourceType\":\"Parameters\"}", clinicianWriter)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void adminOperationsAre403WithoutTheAdminScopeEvenWhenNotRegistered() throws Exception {
        String patient = storePatientWithHemoglobin();
        String writer = AUTH_SERVER.token("user/*.cruds system/*.cruds", null);
        String[] adminPaths = {
            "/$reindex",
            "/$hapi.fhir.merge",
            "/Patient/$hapi.fhir.replace-references",
            "/$mark-all-resources-for-reindexing",
            "/$perform-reindexing-pass",
            "/$reindex-terminology",
            "/$expunge",
            "/Patient/" + patient + "/$meta-delete",
            "/Patient/" + patient + "/%24expunge",
        };
        for (String path : adminPaths) {
            HttpResponse<String> response = post(path, "{\"resourceType\":\"Parameters\"}", writer);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(get("/_history", writer).statusCode()).isEqualTo(403);
        assertThat(send(
                                HttpRequest.newBuilder(URI.create(fhir("/Observation?_expunge=true&subject=x")))
                                        .DELETE(),
                                writer)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theAdminScopeUnlocksSystemHistory() throws Exception {
        HttpResponse<String> history = get("/_history?_count=1", admin());

        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    }
}

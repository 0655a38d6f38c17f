package dev.microcytic.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** Reads and writes of patient data leave AuditEvents that only the admin scope may search. */
class AuditTrailIT extends AbstractSecuredServerIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void readsAndWritesOfAPatientAreAuditedAndSearchableByEntity() throws Exception {
        String patient = storePatientWithHemoglobin();
        String clinician = AUTH_SERVER.token("patient/*.rs", patient);
        assertThat(get("/Observation?subject=Patient/" + patient, clinician).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> audit = get("/AuditEvent?entity=Patient/" + patient + "&_count=100", admin());
            assertThat(audit.statusCode()).isEqualTo(200);
            Bundle events = FHIR.newJsonParser().parseResource(Bundle.class, audit.body());
            assertThat(events.getEntry())
                    .extracting(entry -> ((AuditEvent) entry.getResource()).getAction())
                    .contains(AuditEvent.AuditEventAction.C, AuditEvent.AuditEventAction.E);
        });
    }

    @Test
    void theAuditTrailNeedsTheAdminScope() throws Exception {
        String patient = storePatientWithHemoglobin();

        HttpResponse<String> response =
                get("/AuditEvent?entity=Patient/" + patient, AUTH_SERVER.token("user/*.rs", null));

        assertThat(response.statusCode()).isEqualTo(403);
    }
}

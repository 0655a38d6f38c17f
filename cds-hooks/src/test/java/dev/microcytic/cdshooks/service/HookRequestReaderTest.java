package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

class HookRequestReaderTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final HookRequestReader reader = new HookRequestReader(FHIR);

    private static byte[] request(String labValue) {
        return ("""
                {"hook":"patient-view","hookInstance":"h1","context":{"userId":"Practitioner/1","patientId":"p1"},
                 "prefetch":{"labs":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":
                  {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},
                   "code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
                   "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"g/dL"}}}]}}}
                """)
                .formatted(labValue)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void prefetchResourcesKeepTheExactDecimalsTheClientSent() {
        CdsServiceRequestJson parsed = reader.read(request("9.80"));

        Bundle labs = (Bundle) parsed.getPrefetch("labs");
        Observation hb = (Observation) labs.getEntryFirstRep().getResource();
        assertThat(hb.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("9.80");
        assertThat(hb.getCode().getCodingFirstRep().getCode()).isEqualTo("718-7");
    }

    @Test
    void aPrefetchValueThatIsNotAnObjectIsABadRequest() {
        byte[] body =
                """
                {"hook":"patient-view","context":{"patientId":"p1"},"prefetch":{"labs":["resourceType","Bundle"]}}
                """
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(body))
                .isInstanceOf(CdsHookException.class)
                .extracting(e -> ((CdsHookException) e).status())
                .isEqualTo(400);
    }
}

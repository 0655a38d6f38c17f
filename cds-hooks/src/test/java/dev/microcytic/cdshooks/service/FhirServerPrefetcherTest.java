package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FhirServerPrefetcherTest {

    @Test
    void encodesTokenSearchSeparatorsButKeepsQuerySyntax() {
        assertThat(FhirServerPrefetcher.encodeQuery(
                        "Observation?patient=p1&code=http://loinc.org|718-7,http://loinc.org|787-2&_sort=-date"))
                .isEqualTo("Observation?patient=p1&code=http://loinc.org%7C718-7,http://loinc.org%7C787-2&_sort=-date");
        assertThat(FhirServerPrefetcher.encodeQuery("Patient/a b")).isEqualTo("Patient/a%20b");
    }

    @Test
    void plainHttpOutsideLoopbackIsRefusedWithoutAnyRequest() {
        FhirServerPrefetcher prefetcher = new FhirServerPrefetcher(CdsServiceSettings.defaults());

        assertThatThrownBy(() -> prefetcher.fetch("http://198.51.100.7/fhir", null, "Patient/p1"))
                .isInstanceOfSatisfying(CdsHookException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).contains("https");
                });
    }
}

package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class FhirServerAllowListTest {

    private static final CdsClientAuthenticator.CdsClient EHR =
            new CdsClientAuthenticator.CdsClient("https://ehr.example.org", "client");

    private static CdsHooksProperties properties(List<String> issuerServers, List<String> openServers) {
        CdsHooksProperties.Auth auth = new CdsHooksProperties.Auth(
                true,
                List.of(new CdsHooksProperties.Issuer("https://ehr.example.org", "file:/x", issuerServers)),
                null,
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                false);
        return new CdsHooksProperties(
                auth,
                DataSize.ofMegabytes(2),
                new CdsHooksProperties.FhirServer(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        5,
                        false,
                        Duration.ofSeconds(10),
                        DataSize.ofMegabytes(8)),
                openServers);
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/microcytic-anemia");
        request.setServerName("cds.hospital.example");
        request.setServerPort(8080);
        request.setLocalPort(8080);
        return request;
    }

    @Test
    void anIssuerMayNameOnlyItsOwnFhirServers() {
        MockEnvironment environment = new MockEnvironment().withProperty("ehr.port", "8443");
        FhirServerAllowList list = new FhirServerAllowList(
                properties(List.of("https://EHR.example.org:${ehr.port}/fhir/r4/"), List.of()), environment);

        assertThat(list.allows("https://ehr.example.org:8443/fhir/r4", EHR, request()))
                .isTrue();
        assertThat(list.allows("https://ehr.example.org:8443/fhir/r4/", EHR, request()))
                .isTrue();
        assertThat(list.allows("https://ehr.example.org/fhir/r4", EHR, request()))
                .isFalse();
        assertThat(list.allows("https://ehr.example.org:8443/fhir", EHR, request()))
                .isFalse();
        assertThat(list.allows("https://u:p@ehr.example.org:8443/fhir/r4", EHR, request()))
                .isFalse();
        assertThat(list.allows("http://169.254.169.254/latest", EHR, request())).isFalse();
        assertThat(list.allows("http://localhost:8080/fhir", EHR, request())).isFalse();
    }

    @Test
    void anEmptyListAllowsOnlyThisServersOwnFhir() {
        FhirServerAllowList list = new FhirServerAllowList(properties(List.of(), List.of()), new MockEnvironment());

        assertThat(list.allows("http://localhost:8080/fhir", null, request())).isTrue();
        assertThat(list.allows("http://cds.hospital.example:8080/fhir/", null, request()))
                .isTrue();
        assertThat(list.allows("http://127.0.0.1:8080/fhir", EHR, request())).isTrue();
        assertThat(list.allows("http://localhost:8081/fhir", null, request())).isFalse();
        assertThat(list.allows("http://localhost:8080/actuator", null, request()))
                .isFalse();
        assertThat(list.allows("http://10.0.0.7:8080/fhir", null, request())).isFalse();
    }

    @Test
    void withAuthenticationOffTheGlobalListApplies() {
        FhirServerAllowList list = new FhirServerAllowList(
                properties(List.of(), List.of("https://fhir.hospital.example/r4")), new MockEnvironment());

        assertThat(list.allows("https://fhir.hospital.example/r4", null, request()))
                .isTrue();
        assertThat(list.allows("http://localhost:8080/fhir", null, request())).isFalse();
    }
}

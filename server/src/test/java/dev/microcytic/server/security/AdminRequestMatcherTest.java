package dev.microcytic.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AdminRequestMatcherTest {

    private final AdminRequestMatcher matcher = new AdminRequestMatcher("/fhir");

    private boolean matches(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        int query = uri.indexOf('?');
        if (query >= 0) {
            request.setRequestURI(uri.substring(0, query));
            for (String pair : uri.substring(query + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return matcher.matches(request);
    }

    @Test
    void matchesAdminOperationsAtEveryLevel() {
        assertThat(matches("POST", "/fhir/$reindex")).isTrue();
        assertThat(matches("POST", "/fhir/Patient/$hapi.fhir.merge")).isTrue();
        assertThat(matches("POST", "/fhir/Patient/1/$meta-delete")).isTrue();
        assertThat(matches("POST", "/fhir/Observation/$EXPUNGE")).isTrue();
        assertThat(matches("POST", "/fhir/Observation/%24expunge")).isTrue();
        assertThat(matches("GET", "/fhir/_history")).isTrue();
        assertThat(matches("DELETE", "/fhir/Observation?_expunge=true")).isTrue();
    }

    @Test
    void leavesOrdinaryRequestsAlone() {
        assertThat(matches("GET", "/fhir/Observation/_history")).isFalse();
        assertThat(matches("GET", "/fhir/Patient/1/$microcytic-differential")).isFalse();
        assertThat(matches("GET", "/fhir/ValueSet/$expand")).isFalse();
        assertThat(matches("GET", "/fhirx/$reindex")).isFalse();
        assertThat(matches("POST", "/cds-services/$reindex")).isFalse();
    }
}

package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CdsRequestAuthorizerTest {

    private static CdsHooksProperties.Auth auth(boolean required, String audienceBase, boolean discoveryRequired) {
        return new CdsHooksProperties.Auth(
                required,
                List.of(),
                audienceBase,
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                discoveryRequired);
    }

    private static CdsRequestAuthorizer authorizer(CdsHooksProperties.Auth auth) {
        return new CdsRequestAuthorizer(
                new CdsClientAuthenticator(auth, (iss, jti, exp) -> true, Clock.systemUTC()), auth);
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/microcytic-anemia");
        request.setScheme("http");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        return request;
    }

    @Test
    void authenticationOffLetsEveryCallThrough() {
        assertThat(authorizer(auth(false, null, false)).authorize(request())).isNull();
    }

    @Test
    void authenticationOnRefusesCallsWithoutToken() {
        assertThatThrownBy(() -> authorizer(auth(true, null, false)).authorize(request()))
                .isInstanceOf(CdsAuthException.class);
    }

    @Test
    void discoveryIsOpenUnlessConfigured() {
        authorizer(auth(true, null, false)).authorizeDiscovery(request());

        assertThatThrownBy(() -> authorizer(auth(true, null, true)).authorizeDiscovery(request()))
                .isInstanceOf(CdsAuthException.class);
    }

    @Test
    void expectedAudienceIsTheCalledUrlOrThePublicBase() {
        assertThat(authorizer(auth(true, null, false)).calledUrl(request()))
                .isEqualTo("http://10.0.0.5:8080/cds-services/microcytic-anemia");
        assertThat(authorizer(auth(true, "https://cds.example.org/", false)).calledUrl(request()))
                .isEqualTo("https://cds.example.org/cds-services/microcytic-anemia");
    }
}

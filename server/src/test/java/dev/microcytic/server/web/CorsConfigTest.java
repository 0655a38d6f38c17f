package dev.microcytic.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.cors.CorsConfiguration;

class CorsConfigTest {

    @Test
    void anyOriginOnlyWhereEveryRequestNeedsABearerToken() {
        CorsConfiguration bearer = CorsConfig.policy("/fhir", List.of("*"), true);
        CorsConfiguration open = CorsConfig.policy("/fhir", List.of("*", "https://app.hospital.example"), false);

        assertThat(bearer.checkOrigin("https://any.example.org")).isEqualTo("https://any.example.org");
        assertThat(open.checkOrigin("https://any.example.org")).isNull();
        assertThat(open.checkOrigin("https://app.hospital.example")).isEqualTo("https://app.hospital.example");
        assertThat(open.getAllowCredentials()).isFalse();
    }
}

package dev.microcytic.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bearer tokens {@code /fhir} accepts (authentication ON), and what stays open without one. */
class FhirAuthenticationIT extends AbstractSecuredServerIT {

    private static final String READER = "user/*.rs";

    @Test
    void noTokenIs401WithBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/Observation", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void capabilityStatementAndSmartConfigurationAreOpen() throws Exception {
        HttpResponse<String> metadata = get("/metadata", null);
        HttpResponse<String> smart = get("/.well-known/smart-configuration", null);

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"CapabilityStatement\"");
        assertThat(smart.statusCode()).isEqualTo(200);
        JsonNode configuration = new ObjectMapper().readTree(smart.body());
        assertThat(configuration.get("capabilities").toString()).contains("permission-v2", "launch-ehr");
        assertThat(configuration.get("scopes_supported").toString()).contains("patient/*.rs", "microcytic/admin");
        assertThat(configuration.get("token_endpoint").asText())
                .isEqualTo("https://auth.it.microcytic.dev/realms/hospital/token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "ES256", "ES384"})
    void acceptsTokensSignedWithTheIssuersKeys(String algorithm) throws Exception {
        String token = AUTH_SERVER.sign(
                JWSAlgorithm.parse(algorithm), AUTH_SERVER.claims(READER).build());

        HttpResponse<String> response = get("/Patient?_count=1", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void rejectsBadTokensWith401() throws Exception {
        Date past = Date.from(Instant.now().minusSeconds(600));
        TestAuthorizationServer stranger =
                new TestAuthorizationServer("https://auth.it.microcytic.dev/realms/hospital");
        TestAuthorizationServer unknownIssuer = new TestAuthorizationServer("https://evil.example.org/realms/x");
        List<String> rejected = List.of(
                "not-a-jwt",
                AUTH_SERVER.sign(
                        JWSAlgorithm.RS256,
                        AUTH_SERVER.claims(READER).expirationTime(past).build()),
                AUTH_SERVER.sign(
                        JWSAlgorithm.RS256,
                        AUTH_SERVER.claims(READER).expirationTime(null).build()),
                AUTH_SERVER.sign(
                        JWSAlgorithm.RS256,
                        AUTH_SERVER
                                .claims(READER)
                                .audience("https://other-api.example.org")
                                .build()),
                AUTH_SERVER.sign(
                        JWSAlgorithm.RS256,
                        AUTH_SERVER.claims(READER).audience((String) null).build()),
                unknownIssuer.token(READER, null),
                stranger.token(READER, null),
                AUTH_SERVER.unsigned(READER),
                AUTH_SERVER.hmac(READER));

        for (String token : rejected) {
            HttpResponse<String> response = get("/Patient?_count=1", token);

            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        }
    }

    @Test
    void aForeignJkuIsIgnoredAndTheConfiguredKeysVerify() throws Exception {
        HttpResponse<String> response = get("/Patient?_count=1", AUTH_SERVER.withForeignJku(READER));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void corsAllowsAnyOriginOnlyBecauseEveryRequestNeedsAToken() throws Exception {
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(fhir("/Observation")))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://smart-app.example.net")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://smart-app.example.net");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void aTokenWithTheRightAudienceInAnArrayIsAccepted() throws Exception {
        JWTClaimsSet claims = AUTH_SERVER
                .claims(READER)
                .audience(List.of("account", TestAuthorizationServer.AUDIENCE))
                .build();

        assertThat(get("/Patient?_count=1", AUTH_SERVER.sign(JWSAlgorithm.ES384, claims))
                        .statusCode())
                .isEqualTo(200);
    }
}

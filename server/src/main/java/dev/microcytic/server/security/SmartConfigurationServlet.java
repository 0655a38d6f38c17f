package dev.microcytic.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /fhir/.well-known/smart-configuration} (SMART App Launch 2.x, section "Conformance"): where SMART apps
 * find the authorization server and what this server supports. A servlet of its own at this exact path, which the
 * servlet container prefers to HAPI's {@code /fhir/*} mapping.
 */
final class SmartConfigurationServlet extends HttpServlet {

    static final List<String> CAPABILITIES = List.of(
            "launch-ehr",
            "launch-standalone",
            "client-public",
            "client-confidential-symmetric",
            "client-confidential-asymmetric",
            "context-ehr-patient",
            "context-standalone-patient",
            "permission-patient",
            "permission-user",
            "permission-v1",
            "permission-v2",
            "sso-openid-connect");

    private final transient byte[] document;

    SmartConfigurationServlet(FhirAuthProperties auth) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        if (!auth.issuers().isEmpty()) {
            body.put("issuer", auth.issuers().get(0).iss());
            String jwks = auth.issuers().get(0).jwksUri();
            if (jwks != null && jwks.startsWith("https:")) {
                body.put("jwks_uri", jwks);
            }
        }
        if (auth.authorizationEndpoint() != null) {
            body.put("authorization_endpoint", auth.authorizationEndpoint());
        }
        if (auth.tokenEndpoint() != null) {
            body.put("token_endpoint", auth.tokenEndpoint());
        }
        strings(body.putArray("grant_types_supported"), List.of("authorization_code", "client_credentials"));
        strings(body.putArray("response_types_supported"), List.of("code"));
        strings(body.putArray("code_challenge_methods_supported"), List.of("S256"));
        strings(
                body.putArray("token_endpoint_auth_methods_supported"),
                List.of("private_key_jwt", "client_secret_basic"));
        strings(
                body.putArray("scopes_supported"),
                List.of(
                        "openid",
                        "fhirUser",
                        "launch",
                        "launch/patient",
                        "offline_access",
                        "patient/*.rs",
                        "patient/Observation.rs",
                        "user/*.rs",
                        "user/*.cruds",
                        "system/*.rs",
                        "system/*.cruds",
                        "system/Observation.c",
                        "patient/*.read",
                        "user/*.read",
                        auth.adminScope()));
        strings(body.putArray("capabilities"), CAPABILITIES);
        try {
            this.document = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("A tree of strings always serialises", e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "max-age=3600");
        response.getOutputStream().write(document);
    }
}

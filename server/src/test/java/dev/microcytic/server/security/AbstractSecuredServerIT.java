package dev.microcytic.server.security;

import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.server.ItStore;
import dev.microcytic.server.ItStoreContextCustomizerFactory;
import dev.microcytic.server.MicrocyticServerApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Base of the ITs of a server with {@code /fhir} authentication ON (the shared IT context runs with it off): one
 * context and store of their own, shared by all subclasses, trusting {@link #AUTH_SERVER}'s keys from a JWKS file.
 */
@SpringBootTest(
        classes = MicrocyticServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "microcytic.fhir.auth.required=true",
            "microcytic.fhir.auth.audience=" + TestAuthorizationServer.AUDIENCE,
            "microcytic.fhir.auth.issuers[0].iss=https://auth.it.microcytic.dev/realms/hospital",
            "microcytic.fhir.auth.issuers[0].jwks-uri=file:${user.dir}/target/it-fhir-auth-jwks.json",
            "microcytic.fhir.auth.token-endpoint=https://auth.it.microcytic.dev/realms/hospital/token",
            "microcytic.reevaluation.enabled=false",
            "microcytic.cors.fhir-allowed-origins=*",
            "logging.level.dev.microcytic.server.security.AuditEventWriter=DEBUG"
        })
@ActiveProfiles(resolver = AbstractServerIT.ItProfileResolver.class)
@ContextCustomizerFactories(ItStoreContextCustomizerFactory.class)
@ItStore("security")
abstract class AbstractSecuredServerIT {

    static final TestAuthorizationServer AUTH_SERVER =
            new TestAuthorizationServer("https://auth.it.microcytic.dev/realms/hospital");

    static {
        AUTH_SERVER.writeJwks(Path.of(System.getProperty("user.dir"), "target", "it-fhir-auth-jwks.json"));
    }

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    String fhir(String path) {
        return "http://localhost:" + port + "/fhir" + path;
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(fhir(path))).GET(), token);
    }

    HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(fhir(path)))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    HttpResponse<String> put(String path, String json, String token) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(fhir(path)))
                        .header("Content-Type", "application/fhir+json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(fhir(path))).DELETE(), token);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        request.header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String admin() {
        return AUTH_SERVER.token("system/*.cruds microcytic/admin", null);
    }

    /** Stores a patient with a hemoglobin Observation (as admin) and returns its id. */
    String storePatientWithHemoglobin() throws IOException, InterruptedException {
        String id = "sec-" + UUID.randomUUID();
        HttpResponse<String> patient = put(
                "/Patient/" + id,
                "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"female\"}",
                admin());
        if (patient.statusCode() / 100 != 2) {
            throw new IllegalStateException("setup failed: " + patient.statusCode() + " " + patient.body());
        }
        HttpResponse<String> observation = post("/Observation", hemoglobin(id), admin());
        if (observation.statusCode() != 201) {
            throw new IllegalStateException("setup failed: " + observation.statusCode() + " " + observation.body());
        }
        return id;
    }

    static String hemoglobin(String patientId) {
        return """
                {"resourceType":"Observation","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"2026-11-20",
                 "valueQuantity":{"value":9.8,"system":"http://unitsofmeasure.org","code":"g/dL"}}"""
                .formatted(patientId);
    }
}

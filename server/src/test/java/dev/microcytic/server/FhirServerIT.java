package dev.microcytic.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.RestfulServer;
import dev.microcytic.server.fhir.StoreBusyInterceptor;
import dev.microcytic.server.fhir.StoredResourceTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server is up: FHIR R4 at /fhir, health, and CORS for browser clients. */
class FhirServerIT extends AbstractServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private RestfulServer fhirServer;

    @Test
    void answersBusyStoreWith503() {
        // Registered on the FHIR servlet, so a connection-pool timeout reaches clients as 503 + Retry-After.
        assertThat(fhirServer.getInterceptorService().getAllRegisteredInterceptors())
                .anySatisfy(interceptor -> assertThat(interceptor).isInstanceOf(StoreBusyInterceptor.class));
    }

    @Test
    void servesFhirR4CapabilityStatementAtFhir() {
        CapabilityStatement capabilities =
                fhirClient().capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(capabilities.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType())
                .contains(
                        "Patient",
                        "Observation",
                        "Condition",
                        "MedicationRequest",
                        "MedicationStatement",
                        "ServiceRequest",
                        "CodeSystem",
                        "ValueSet",
                        "ConceptMap");
    }

    @Test
    void storesOnlyTheConfiguredResourceTypes() throws Exception {
        CapabilityStatement capabilities =
                fhirClient().capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType())
                .containsExactlyInAnyOrderElementsOf(StoredResourceTypes.DEFAULT);
        HttpResponse<String> unknown = get("/fhir/Account");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown resource type 'Account'");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void answersCorsPreflightForFhir() throws Exception {
        HttpResponse<String> response = preflight("/fhir/Observation", "POST");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ehr.example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void answersCorsPreflightForCdsServices() throws Exception {
        HttpResponse<String> response = preflight("/cds-services/microcytic-anemia", "POST");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ehr.example.org");
    }

    @Test
    void addsCorsHeaderToFhirResponses() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBaseUrl() + "/metadata"))
                .header("Origin", "https://ehr.example.org")
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ehr.example.org");
    }

    @Test
    void anOpenFhirServerRefusesOriginsThatAreNotListed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/fhir/Observation"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://attacker.example.net")
                .header("Access-Control-Request-Method", "GET")
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anOpenFhirServerStillRefusesAdminOperations() throws Exception {
        HttpResponse<String> reindex = http.send(
                HttpRequest.newBuilder(URI.create(fhirBaseUrl() + "/$reindex"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reindex.statusCode()).isEqualTo(403);
        assertThat(get("/fhir/_history").statusCode()).isEqualTo(403);
        assertThat(get("/fhir/Patient/_history?_count=1").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String path, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://ehr.example.org")
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests HAPI 8.8.0 answered with a 500 (found by probing the running server) are the client's fault: 400. */
class ClientErrorIT extends AbstractServerIT {

    private static final String CAUSE = "https://fhir.microcytic.dev/CodeSystem/microcytic-cause";
    private static final String LAB_CODES = "https://fhir.microcytic.dev/ValueSet/microcytic-lab-codes";

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Patient/p1/$everything?_count=abc; invalid value: For input string: \"abc\"",
                "Observation/$lastn?max=abc; invalid value: For input string: \"abc\"",
                "ValueSet/$expand?url=" + LAB_CODES + "&count=abc; invalid value: For input string: \"abc\"",
                "CodeSystem/$subsumes?system=" + CAUSE + "&codeA=irida&codeB=iron-deficiency; full-text index",
                "Patient/_history?_since=bad; Invalid date/time format",
            })
    void isABadRequestWithAnOperationOutcome(String path, String diagnostics) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBaseUrl() + "/" + path))
                .header("Accept", "application/fhir+json")
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        OperationOutcome outcome = fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(diagnostics);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "GET; Patient?_format=ttl; application/fhir+json; 406",
                "GET; Patient; text/turtle; 406",
                "POST; Patient; application/fhir+json; 415",
            })
    void rdfIsRefusedWithAnOperationOutcomeNotAServerError(String method, String path, String accept, int status)
            throws Exception {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(fhirBaseUrl() + "/" + path)).header("Accept", accept);
        HttpRequest request = method.equals("GET")
                ? builder.GET().build()
                : builder.header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString("<p1> a <Patient> ."))
                        .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        OperationOutcome outcome = fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("RDF/Turtle");
    }
}

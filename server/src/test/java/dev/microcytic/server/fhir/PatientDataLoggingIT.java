package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Failed FHIR requests quote the request's values (a patient id, a birth date) in their answers, and HAPI logs each
 * 4xx answer at WARN: with the shipped logging levels none of those values reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientDataLoggingIT extends AbstractServerIT {

    private static final String PATIENT_ID = "mrn-4711-0815";
    private static final String BIRTH_DATE = "1961-07-31x";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clientErrorsDoNotWritePatientValuesToTheLog(CapturedOutput output) throws Exception {
        HttpResponse<String> unknown = get("/Patient/" + PATIENT_ID);
        HttpResponse<String> badDate = get("/Patient?birthdate=" + BIRTH_DATE);
        HttpResponse<String> badHistory = get("/Patient/" + PATIENT_ID + "/_history?_since=" + BIRTH_DATE);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains(PATIENT_ID);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains(BIRTH_DATE);
        assertThat(badHistory.statusCode()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain(PATIENT_ID).doesNotContain(BIRTH_DATE);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBaseUrl() + path))
                .header("Accept", "application/fhir+json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

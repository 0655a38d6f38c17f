package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

class InternalErrorInterceptorTest {

    private final InternalErrorInterceptor interceptor = new InternalErrorInterceptor();

    @Test
    void replacesTheDetailOfAnInternalErrorByAnIncidentId() {
        BaseServerResponseException answer = interceptor.internalError(
                new IllegalStateException("SQL [select * from HFJ_RESOURCE where ...] failed"));

        assertThat(answer.getStatusCode()).isEqualTo(500);
        assertThat(answer.getMessage()).doesNotContain("SQL", "HFJ_RESOURCE").containsPattern("Incident [0-9a-f-]{36}");
        assertThat(interceptor
                        .internalError(new InternalErrorException("HAPI-9999: table X"))
                        .getMessage())
                .doesNotContain("table X");
    }

    @Test
    void leavesClientErrorsAlone() {
        assertThat(interceptor.internalError(new ResourceNotFoundException("Patient/1")))
                .isNull();
    }
}

package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreBusyInterceptorTest {

    private final StoreBusyInterceptor interceptor = new StoreBusyInterceptor();

    @Test
    void poolTimeoutBecomes503WithRetryAfter() {
        // What HAPI throws when Hikari's connection timeout passes (seen under a 10/s open-model overload).
        InternalErrorException hapi = new InternalErrorException(
                "HAPI-0389: Failed to call access method",
                new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available, request timed out after 30005ms")));

        BaseServerResponseException answer = interceptor.storeBusy(hapi);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(503);
        assertThat(answer.getMessage()).contains("busy").contains("Nothing of this request was stored");
        assertThat(answer.getResponseHeaders()).containsEntry("Retry-After", List.of("5"));
    }

    @Test
    void otherFailuresAreLeftToHapi() {
        assertThat(interceptor.storeBusy(new InternalErrorException("boom", new IllegalStateException("bug"))))
                .isNull();
        assertThat(interceptor.storeBusy(new UnprocessableEntityException("Observation.code is required")))
                .isNull();
    }
}

package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

class ClientErrorInterceptorTest {

    private final ClientErrorInterceptor interceptor = new ClientErrorInterceptor();

    @Test
    void anUnparseableOperationParameterIs400() {
        IllegalArgumentException binding =
                new IllegalArgumentException(new NumberFormatException("For input string: \"abc\""));
        binding.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.hl7.fhir.r4.model.IntegerType", "parse", "IntegerType.java", 90),
            new StackTraceElement(
                    "ca.uhn.fhir.rest.server.method.BaseMethodBinding",
                    "createMethodParams",
                    "BaseMethodBinding.java",
                    118)
        });

        BaseServerResponseException answer = interceptor.clientError(binding);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getMessage())
                .isEqualTo("An operation parameter has an invalid value: For input string: \"abc\"");
    }

    @Test
    void anIllegalArgumentOutsideParameterBindingIsLeftToHapi() {
        IllegalArgumentException bug = new IllegalArgumentException("bug in a handler");
        bug.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("dev.microcytic.server.interpretation.Something", "run", "Something.java", 1)
        });

        assertThat(interceptor.clientError(bug)).isNull();
    }

    @Test
    void anOperationThatNeedsTheFullTextIndexIs400() {
        InternalErrorException hapi = new InternalErrorException(
                "HAPI-0389: Failed to call access method",
                new IllegalStateException("HSEARCH800001: Hibernate Search was not initialized."));

        BaseServerResponseException answer = interceptor.clientError(hapi);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getMessage()).contains("full-text index");
    }

    @Test
    void aParserRejectionIs400() {
        BaseServerResponseException answer =
                interceptor.clientError(new DataFormatException("HAPI-1882: Invalid date/time format: \"bad\""));

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(400);
    }

    @Test
    void clientErrorsAlreadyAnsweredAndOtherFailuresAreLeftToHapi() {
        assertThat(interceptor.clientError(new ResourceNotFoundException("Patient/x")))
                .isNull();
        assertThat(interceptor.clientError(new InternalErrorException("boom", new IllegalStateException("bug"))))
                .isNull();
    }
}

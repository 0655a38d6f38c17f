package dev.microcytic.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport.CodeValidationIssue;
import ca.uhn.fhir.context.support.IValidationSupport.CodeValidationIssueCode;
import ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport.ExpansionCouldNotBeCompletedInternallyException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class UnexpandableValueSetInterceptorTest {

    private static final String MISSING =
            "HAPI-0702: Unable to expand ValueSet because CodeSystem could not be found: http://hl7.org/fhir/sid/icd-10-cm";

    private final UnexpandableValueSetInterceptor interceptor =
            new UnexpandableValueSetInterceptor(FhirContext.forR4Cached());

    @Test
    void anExpansionThatNeedsAMissingCodeSystemIs422NotFoundNamingTheSystem() {
        // The chain HAPI 8.8.0 throws for GET ValueSet/microcytic-condition-bleeding/$expand.
        InternalErrorException hapi = new InternalErrorException(
                "HAPI-0888: " + MISSING,
                new ExpansionCouldNotBeCompletedInternallyException(
                        MISSING,
                        new CodeValidationIssue(MISSING, IssueSeverity.ERROR, CodeValidationIssueCode.NOT_FOUND)));

        BaseServerResponseException answer = interceptor.unexpandable(hapi);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(422);
        OperationOutcome outcome = (OperationOutcome) answer.getOperationOutcome();
        assertThat(outcome.getIssue()).hasSize(1);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains("http://hl7.org/fhir/sid/icd-10-cm")
                .contains("ValueSet.compose");
    }

    @Test
    void theExpansionFailureIsRecognisedWhenAWrapperKeepsItAsTheCause() {
        InternalErrorException wrapped = new InternalErrorException(
                "expansion failed",
                new ExpansionCouldNotBeCompletedInternallyException(
                        MISSING,
                        new CodeValidationIssue(MISSING, IssueSeverity.ERROR, CodeValidationIssueCode.NOT_FOUND)));

        BaseServerResponseException answer = interceptor.unexpandable(wrapped);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(422);
        assertThat(answer.getMessage()).contains("http://hl7.org/fhir/sid/icd-10-cm");
    }

    @Test
    void otherFailuresAreLeftToHapi() {
        assertThat(interceptor.unexpandable(new InternalErrorException("boom", new IllegalStateException("bug"))))
                .isNull();
        assertThat(interceptor.unexpandable(new ResourceNotFoundException("ValueSet/nope")))
                .isNull();
    }
}

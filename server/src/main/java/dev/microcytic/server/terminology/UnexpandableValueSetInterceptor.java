package dev.microcytic.server.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.OperationOutcomeUtil;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport.ExpansionCouldNotBeCompletedInternallyException;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;

/**
 * Answers {@code 422} with an OperationOutcome (issue {@code not-found}), instead of HAPI's 500, when
 * {@code ValueSet/$expand} meets a code system the server does not hold.
 *
 * <p>Why: every ValueSet of the knowledge package expands here (the package ships the ICD-10-CM, ATC and SNOMED CT
 * concepts it selects as fragment CodeSystems), but a client can store or post its own ValueSet that filters on a code
 * system this server lacks. Listing the members of such a filter needs that code system; HAPI throws an internal error
 * for it, yet nothing failed inside the server: the request asks for something it cannot compute here, and the client
 * should be told which code system is missing.
 */
@Interceptor
public class UnexpandableValueSetInterceptor {

    /** HAPI's message code for "Unable to expand ValueSet because CodeSystem could not be found". */
    static final String CODE_SYSTEM_NOT_FOUND = "HAPI-0702: ";

    private final FhirContext fhirContext;

    public UnexpandableValueSetInterceptor(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException unexpandable(Throwable exception) {
        String reason = missingCodeSystem(exception);
        if (reason == null) {
            return null;
        }
        String message = "This ValueSet cannot be expanded on this server: " + reason
                + ". It selects codes by a filter on a code system the server does not hold, so its members cannot be"
                + " listed here; its rules are in ValueSet.compose. Expand it on a terminology server that holds that"
                + " code system.";
        IBaseOperationOutcome outcome = OperationOutcomeUtil.newInstance(fhirContext);
        OperationOutcomeUtil.addIssue(fhirContext, outcome, "error", message, null, "not-found");
        return new UnprocessableEntityException(message, outcome);
    }

    /**
     * HAPI's "code system not found" expansion failure, as text, or null for any other failure. HAPI 8.8.0 wraps it in
     * an {@code InternalErrorException} that keeps only its message (no cause), so the stable HAPI message code is what
     * identifies it; a wrapper that does keep the cause is recognised too.
     */
    static String missingCodeSystem(Throwable exception) {
        for (Throwable cause : ExceptionUtils.getThrowableList(exception)) {
            if (cause instanceof ExpansionCouldNotBeCompletedInternallyException failure) {
                return failure.getMessage();
            }
            String message = cause.getMessage();
            int at = message == null ? -1 : message.indexOf(CODE_SYSTEM_NOT_FOUND);
            if (at >= 0) {
                return message.substring(at);
            }
        }
        return null;
    }
}

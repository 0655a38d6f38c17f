package dev.microcytic.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.apache.commons.lang3.exception.ExceptionUtils;

/**
 * Answers {@code 400} with an OperationOutcome for three failures HAPI 8.8.0 turns into a 500 (or logs as an error
 * with a stack trace) although the request, not the server, is at fault:
 *
 * <ul>
 *   <li>an operation parameter that does not parse ({@code Patient/1/$everything?_count=abc},
 *       {@code Observation/$lastn?max=abc}, {@code ValueSet/$expand?count=abc}): HAPI's parameter binding throws a bare
 *       {@code IllegalArgumentException};
 *   <li>an operation that needs the full-text index ({@code CodeSystem/$subsumes}): this server runs without Hibernate
 *       Search, and HAPI answers the same 400 for {@code _text} and {@code _content} (HAPI-1192);
 *   <li>a value HAPI's parser rejects ({@code _history?_since=bad}): already a 400, but logged at ERROR with the
 *       rejected value, which may be patient data.
 * </ul>
 *
 * Anything else is left to HAPI.
 */
@Interceptor
public class ClientErrorInterceptor {

    private static final String PARAMETER_BINDING = "ca.uhn.fhir.rest.server.method.";
    private static final String NO_FULLTEXT_INDEX = "HSEARCH800001";

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException clientError(Throwable exception) {
        if (exception instanceof BaseServerResponseException answered && answered.getStatusCode() < 500) {
            return null;
        }
        if (exception instanceof DataFormatException) {
            return new InvalidRequestException(exception.getMessage());
        }
        if (exception instanceof IllegalArgumentException && thrownWhileBindingParameters(exception)) {
            Throwable reason = exception.getCause() != null ? exception.getCause() : exception;
            return new InvalidRequestException("An operation parameter has an invalid value: " + reason.getMessage());
        }
        if (needsFullTextIndex(exception)) {
            return new InvalidRequestException("This operation needs a full-text index (Hibernate Search), which this"
                    + " server does not run; it is not supported here.");
        }
        return null;
    }

    /** HAPI's method binding turns query parameters into typed arguments before any handler runs. */
    static boolean thrownWhileBindingParameters(Throwable exception) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (frame.getClassName().startsWith(PARAMETER_BINDING)
                    && frame.getMethodName().equals("createMethodParams")) {
                return true;
            }
        }
        return false;
    }

    static boolean needsFullTextIndex(Throwable exception) {
        return ExceptionUtils.getThrowableList(exception).stream()
                .anyMatch(cause ->
                        cause.getMessage() != null && cause.getMessage().contains(NO_FULLTEXT_INDEX));
    }
}

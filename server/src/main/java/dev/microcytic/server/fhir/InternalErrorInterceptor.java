package dev.microcytic.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every internal error of {@code /fhir} with a generic OperationOutcome that names an incident id, and logs the
 * exception with that id: HAPI's own 500 body quotes the exception's message, which can reveal SQL, table names,
 * file paths or request values. Runs after the interceptors that turn some failures into 400 or 503.
 */
@Interceptor
public class InternalErrorInterceptor {

    /** After {@link ClientErrorInterceptor} and {@link StoreBusyInterceptor}, which run at HAPI's default order. */
    static final int ORDER = 1_000;

    private static final Logger log = LoggerFactory.getLogger(InternalErrorInterceptor.class);

    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = ORDER)
    public BaseServerResponseException internalError(Throwable exception) {
        if (exception instanceof BaseServerResponseException answered && answered.getStatusCode() != 500) {
            return null;
        }
        String incident = UUID.randomUUID().toString();
        log.error("FHIR request failed, incident {}", incident, exception);
        return new InternalErrorException(
                "The server failed to process the request. Incident " + incident + " (the details are in the log).");
    }
}

package dev.microcytic.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.sql.SQLTransientConnectionException;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After}, instead of HAPI's 500, when a request found no
 * free database connection in time.
 *
 * <p>Why: under a load beyond the store's capacity (a lab system pushing faster than the server writes, or a stall)
 * requests queue for the connection pool, and those that wait longer than its timeout failed with a 500 "internal
 * error", which integration engines treat as a permanent failure. The request was not processed (its database
 * transaction never began, so nothing of it was stored) and can simply be sent again: that is a 503.
 */
@Interceptor
public class StoreBusyInterceptor {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(StoreBusyInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException storeBusy(Throwable exception) {
        if (!noConnection(exception)) {
            return null;
        }
        // HAPI's own line for this answer is off (application.yaml: its 4xx lines quote request values); say it here.
        log.warn("FHIR store busy: no database connection within the pool timeout; answered 503");
        UnclassifiedServerFailureException busy = new UnclassifiedServerFailureException(
                503,
                "The FHIR store is busy: no database connection became free in time. Nothing of this request was"
                        + " stored; send it again later.");
        busy.addResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
        return busy;
    }

    static boolean noConnection(Throwable exception) {
        return ExceptionUtils.getThrowableList(exception).stream()
                .anyMatch(cause -> cause instanceof CannotCreateTransactionException
                        || cause instanceof SQLTransientConnectionException);
    }
}

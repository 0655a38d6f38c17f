package dev.microcytic.cdshooks.service;

/**
 * A CDS Hooks call that cannot be answered with cards, carrying the HTTP status the client gets (400 malformed, 404
 * unknown service, 412 data unavailable, 413 body too large). Messages never contain patient data: they go back to
 * the client and may be logged.
 */
public class CdsHookException extends RuntimeException {

    private final int status;
    private final String error;

    public CdsHookException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public CdsHookException(int status, String error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    public static CdsHookException badRequest(String message) {
        return new CdsHookException(400, "bad-request", message);
    }

    public static CdsHookException notFound(String message) {
        return new CdsHookException(404, "not-found", message);
    }

    public static CdsHookException preconditionFailed(String message) {
        return new CdsHookException(412, "precondition-failed", message);
    }

    public static CdsHookException tooLarge(String message) {
        return new CdsHookException(413, "payload-too-large", message);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** A short machine-readable error code for the JSON error body. */
    public String error() {
        return error;
    }
}

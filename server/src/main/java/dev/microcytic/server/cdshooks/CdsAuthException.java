package dev.microcytic.server.cdshooks;

/** A CDS Hooks call without an acceptable client JWT: answered 401. The message never contains the token. */
class CdsAuthException extends RuntimeException {

    CdsAuthException(String message) {
        super(message);
    }
}

package dev.microcytic.server.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcytic.cdshooks.service.CdsHookException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps every failure of a CDS Hooks call to a JSON error body {@code {"error": ..., "message": ...}} with the right
 * status: 400/404/412/413 from the service, 401 for a missing or invalid token, and 500 only for our own faults (which
 * are logged, without the request body, so they can be fixed).
 *
 * <p>A call refused before its body was read (401, unknown service, declared size over the limit) answers {@code
 * Connection: close}: Jetty cannot reuse a connection with unread request bytes on it and closes it after the response,
 * and without the header a keep-alive client (an EHR's pooled HTTP client) would send its next call on that dead
 * connection and see it fail with no response at all.
 */
@RestControllerAdvice(assignableTypes = CdsHooksController.class)
class CdsHooksErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksErrorHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ExceptionHandler(CdsHookException.class)
    ResponseEntity<String> hookError(CdsHookException e, HttpServletRequest request) {
        log.debug("CDS Hooks request refused with {}: {}", e.status(), e.getMessage());
        return error(request, HttpStatus.valueOf(e.status()), e.error(), e.getMessage());
    }

    @ExceptionHandler(CdsAuthException.class)
    ResponseEntity<String> authError(CdsAuthException e, HttpServletRequest request) {
        ResponseEntity<String> response =
                error(request, HttpStatus.UNAUTHORIZED, "unauthorized", "A valid CDS client JWT is required");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .headers(response.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(response.getBody());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method " + e.getMethod() + " not allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return error(request, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Responses are application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("CDS Hooks request failed unexpectedly, incident {}", incident, e);
        return error(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "The service failed. Incident " + incident + " (the details are in the log).");
    }

    static ResponseEntity<String> error(HttpServletRequest request, HttpStatus status, String error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("message", message);
        try {
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
            if (CdsHooksController.bodyUnread(request)) {
                response.header(HttpHeaders.CONNECTION, "close");
            }
            return response.body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An ObjectNode of two strings always serialises", e);
        }
    }
}

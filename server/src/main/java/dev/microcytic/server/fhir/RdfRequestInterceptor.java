package dev.microcytic.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers a request for RDF (Turtle) with {@code 406}, or a Turtle body with {@code 415}, and a JSON OperationOutcome,
 * before HAPI handles it.
 *
 * <p>Why: the server leaves out Apache Jena, the RDF library behind HAPI's Turtle parser, to keep the runtime small
 * (nobody exchanges lab results as RDF here). HAPI would otherwise fail with a 500 on such a request, and could not
 * even encode its error answer, since it writes that in the format asked for. JSON and XML are unaffected.
 */
@Interceptor
public class RdfRequestInterceptor {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean refuseRdf(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isTurtle(request.getContentType())) {
            answer(response, 415, "Request bodies in RDF/Turtle are not supported by this server; send JSON or XML.");
            return false;
        }
        if (asksForTurtle(request.getParameter("_format"), request.getHeader("Accept"))) {
            answer(response, 406, "RDF/Turtle is not supported by this server; ask for JSON or XML.");
            return false;
        }
        return true;
    }

    static boolean asksForTurtle(String format, String accept) {
        if (format != null) {
            String value = format.trim().toLowerCase(Locale.ROOT);
            return value.equals("rdf") || value.equals("ttl") || value.equals("turtle") || isTurtle(value);
        }
        if (accept == null) {
            return false;
        }
        String value = accept.toLowerCase(Locale.ROOT);
        // Only when Turtle is all the client takes: an Accept that also lists JSON or XML gets one of those.
        return isTurtle(value) && !value.contains("json") && !value.contains("xml") && !value.contains("*/*");
    }

    private static boolean isTurtle(String mediaType) {
        return mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("turtle");
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        String body =
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-supported\","
                        + "\"diagnostics\":\"" + message + "\"}]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}

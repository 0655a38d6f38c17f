package dev.microcytic.server.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeedbackJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.cdshooks.service.CdsHookException;
import dev.microcytic.cdshooks.service.CdsHooksJson;
import dev.microcytic.cdshooks.service.CdsServiceCatalog;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CDS Hooks 2.0 endpoints: discovery, service calls and feedback. It replaces HAPI 8.8.0's controller, which has
 * no error mapping, loses spec-form feedback and checks no JWT; the wire types stay HAPI's. Bodies are
 * read as bytes with a size limit (413) so that nothing is parsed before the caller is authenticated, and neither
 * bodies nor tokens are logged.
 */
@RestController
@RequestMapping("/cds-services")
class CdsHooksController {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksController.class);

    /** Request attribute set once {@link #body} has consumed the request body. */
    private static final String BODY_READ = CdsHooksController.class.getName() + ".bodyRead";

    private final CdsServiceCatalog catalog;
    private final CdsRequestAuthorizer authorizer;
    private final FeedbackStore feedbackStore;
    private final FhirServerAllowList fhirServers;
    private final ObjectMapper writer;
    private final long maxRequestBytes;

    CdsHooksController(
            CdsServiceCatalog catalog,
            CdsRequestAuthorizer authorizer,
            FeedbackStore feedbackStore,
            FhirServerAllowList fhirServers,
            FhirContext fhirContext,
            CdsHooksProperties properties) {
        this.catalog = catalog;
        this.authorizer = authorizer;
        this.feedbackStore = feedbackStore;
        this.fhirServers = fhirServers;
        this.writer = CdsHooksJson.writer(fhirContext);
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> discovery(HttpServletRequest request) throws JsonProcessingException {
        authorizer.authorizeDiscovery(request);
        return json(writer.writeValueAsBytes(catalog.discovery()));
    }

    @PostMapping(value = "/{serviceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> call(@PathVariable String serviceId, HttpServletRequest request)
            throws JsonProcessingException {
        requireService(serviceId);
        CdsClientAuthenticator.CdsClient client = authorizer.authorize(request);
        byte[] body = body(request);
        long start = System.nanoTime();
        CdsServiceResponseJson response =
                catalog.call(serviceId, body, fhirServer -> fhirServers.allows(fhirServer, client, request));
        log.debug(
                "CDS service {} answered {} cards in {} ms",
                serviceId,
                response.getCards().size(),
                (System.nanoTime() - start) / 1_000_000);
        return json(writer.writeValueAsBytes(response));
    }

    @PostMapping(value = "/{serviceId}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> feedback(@PathVariable String serviceId, HttpServletRequest request) {
        requireService(serviceId);
        CdsClientAuthenticator.CdsClient client = authorizer.authorize(request);
        List<CdsServiceFeedbackJson> items = catalog.feedback(serviceId, body(request));
        feedbackStore.save(serviceId, items, client == null ? null : client.issuer());
        return json(("{\"stored\":" + items.size() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private void requireService(String serviceId) {
        if (!catalog.exists(serviceId)) {
            throw CdsHookException.notFound("No CDS service with this id; see GET /cds-services");
        }
    }

    /** True when the request carries a body that no handler has consumed (see {@link CdsHooksErrorHandler}). */
    static boolean bodyUnread(HttpServletRequest request) {
        boolean hasBody =
                request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return hasBody && request.getAttribute(BODY_READ) == null;
    }

    private byte[] body(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw CdsHookException.tooLarge("The request body exceeds " + maxRequestBytes + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                // Content-Length known (the usual case): one array of exactly that size, no growing buffers.
                byte[] body = new byte[(int) declared];
                if (in.readNBytes(body, 0, body.length) != body.length) {
                    throw CdsHookException.badRequest("The request body is shorter than its Content-Length");
                }
                request.setAttribute(BODY_READ, Boolean.TRUE);
                return body;
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (body.length > maxRequestBytes) {
                throw CdsHookException.tooLarge("The request body exceeds " + maxRequestBytes + " bytes");
            }
            request.setAttribute(BODY_READ, Boolean.TRUE);
            return body;
        } catch (IOException e) {
            throw CdsHookException.badRequest("The request body could not be read");
        }
    }

    /** UTF-8 bytes straight from Jackson: no intermediate String of the whole response. */
    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}

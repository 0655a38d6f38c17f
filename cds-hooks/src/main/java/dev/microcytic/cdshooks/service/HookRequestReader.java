package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestAuthorizationJson;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads an untrusted CDS Hooks 2.0 request body into HAPI's {@link CdsServiceRequestJson}, checking every field the
 * service relies on. Anything malformed is a {@link CdsHookException} with status 400 and a message naming the field;
 * nothing a client sends may surface as a 500. The body is parsed as a JSON tree first (with nesting and number
 * limits) and each FHIR resource inside it (prefetch values, context resources such as {@code draftOrders}) is then
 * parsed by HAPI's FHIR parser.
 *
 * <p>A prefetch key sent with the value {@code null} is kept as present-but-null, so that the caller can tell it from
 * an absent key (both mean "read it from {@code fhirServer}", CDS Hooks 2.0 §Prefetch).
 */
public final class HookRequestReader {

    /** FHIR id syntax (R4 datatypes: [A-Za-z0-9\-\.]{1,64}); anything else cannot be put into a prefetch query. */
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private static final int MAX_PREFETCH_KEYS = 32;

    private final FhirContext fhirContext;
    private final ObjectMapper mapper = CdsHooksJson.reader();

    public HookRequestReader(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    public CdsServiceRequestJson read(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw CdsHookException.badRequest("The request body must be a JSON object");
        }
        CdsServiceRequestJson request = new CdsServiceRequestJson();
        request.setHook(requiredText(root, "hook"));
        request.setHookInstance(optionalText(root, "hookInstance"));
        request.setFhirServer(fhirServer(root));
        readAuthorization(root, request);
        readContext(root, request);
        readPrefetch(root, request);
        return request;
    }

    /** Parses a body into a JSON tree with the reader limits; used for feedback bodies as well. */
    JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw CdsHookException.badRequest("The request body is empty");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw CdsHookException.badRequest("The request body is empty");
            }
            return node;
        } catch (JacksonException e) {
            // The parser message names the line and column only; it does not echo the body.
            throw CdsHookException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw CdsHookException.badRequest("The request body could not be read");
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw CdsHookException.badRequest("'" + field + "' is required");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw CdsHookException.badRequest("'" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw CdsHookException.badRequest("'" + field + "' must be a string");
        }
        return node.asText();
    }

    private static String fhirServer(JsonNode root) {
        String value = optionalText(root, "fhirServer");
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null
                    || scheme == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                throw CdsHookException.badRequest("'fhirServer' must be an absolute https URL");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw CdsHookException.badRequest("'fhirServer' must be a base URL without query, fragment or user");
            }
        } catch (URISyntaxException e) {
            throw CdsHookException.badRequest("'fhirServer' is not a valid URL");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static void readAuthorization(JsonNode root, CdsServiceRequestJson request) {
        JsonNode node = root.get("fhirAuthorization");
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw CdsHookException.badRequest("'fhirAuthorization' must be an object");
        }
        CdsServiceRequestAuthorizationJson authorization = new CdsServiceRequestAuthorizationJson();
        authorization.setAccessToken(requiredText(node, "access_token"));
        authorization.setTokenType(optionalText(node, "token_type"));
        authorization.setScope(optionalText(node, "scope"));
        authorization.setSubject(optionalText(node, "subject"));
        JsonNode expires = node.get("expires_in");
        if (expires != null && !expires.isNull()) {
            if (!expires.canConvertToLong()) {
                throw CdsHookException.badRequest("'fhirAuthorization.expires_in' must be an integer");
            }
            authorization.setExpiresIn(expires.asLong());
        }
        request.setServiceRequestAuthorizationJson(authorization);
    }

    private void readContext(JsonNode root, CdsServiceRequestJson request) {
        JsonNode context = root.get("context");
        if (context == null || context.isNull()) {
            throw CdsHookException.badRequest("'context' is required");
        }
        if (!context.isObject()) {
            throw CdsHookException.badRequest("'context' must be an object");
        }
        JsonNode patientId = context.get("patientId");
        if (patientId == null || patientId.isNull()) {
            throw CdsHookException.badRequest("'context.patientId' is required");
        }
        if (!patientId.isTextual()) {
            throw CdsHookException.badRequest("'context.patientId' must be a string");
        }
        String id = patientId.asText();
        if (id.startsWith("Patient/")) {
            id = id.substring("Patient/".length());
        }
        if (!FHIR_ID.matcher(id).matches()) {
            throw CdsHookException.badRequest("'context.patientId' is not a valid FHIR id");
        }
        request.addContext("patientId", id);
        Iterator<Map.Entry<String, JsonNode>> fields = context.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("patientId") || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                request.addContext(key, value.asText());
            } else if (value.isArray()) {
                request.addContext(key, stringArray("context." + key, value));
            } else if (value.isObject() && value.has("resourceType")) {
                request.addContext(key, parseResource("context." + key, value));
            } else if (key.equals("userId") || key.equals("encounterId")) {
                throw CdsHookException.badRequest("'context." + key + "' must be a string");
            }
            // Other hook-specific context values this service does not read are ignored.
        }
    }

    private static List<String> stringArray(String field, JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw CdsHookException.badRequest("'" + field + "' must be an array of strings");
            }
            values.add(element.asText());
        }
        return values;
    }

    private void readPrefetch(JsonNode root, CdsServiceRequestJson request) {
        JsonNode prefetch = root.get("prefetch");
        if (prefetch == null || prefetch.isNull()) {
            return;
        }
        if (!prefetch.isObject()) {
            throw CdsHookException.badRequest("'prefetch' must be an object");
        }
        if (prefetch.size() > MAX_PREFETCH_KEYS) {
            throw CdsHookException.badRequest("'prefetch' has too many keys");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = prefetch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                request.addPrefetch(field.getKey(), null);
            } else if (value.isObject()) {
                request.addPrefetch(field.getKey(), parseResource("prefetch." + field.getKey(), value));
            } else {
                throw CdsHookException.badRequest("'prefetch." + field.getKey() + "' must be a FHIR resource or null");
            }
        }
    }

    private IBaseResource parseResource(String field, JsonNode value) {
        JsonNode type = value.get("resourceType");
        if (type == null || !type.isTextual()) {
            throw CdsHookException.badRequest("'" + field + "' has no resourceType");
        }
        if (!fhirContext.getResourceTypes().contains(type.asText())) {
            throw CdsHookException.badRequest("'" + field + "' has an unknown resourceType");
        }
        if (!value.isObject()) {
            throw CdsHookException.badRequest("'" + field + "' is not a JSON object");
        }
        // HAPI parses the Jackson tree we already hold: writing it back to a String to parse it again cost ~40 % of
        // a patient-view call (BENCHMARKS.md, profile 1).
        IJsonLikeParser parser = (IJsonLikeParser) fhirContext.newJsonParser();
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject((ObjectNode) value);
        try {
            return parser.parseResource(structure);
        } catch (RuntimeException e) {
            // HAPI throws DataFormatException for most invalid content, but other runtime exceptions for some
            // hostile shapes; all of them are the client's error. The message is not echoed: it may quote values.
            throw CdsHookException.badRequest("'" + field + "' is not a valid FHIR R4 resource");
        }
    }
}

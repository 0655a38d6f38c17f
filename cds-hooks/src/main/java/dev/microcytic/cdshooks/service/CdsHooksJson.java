package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.module.CdsHooksObjectMapperFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * The JSON mappers of the CDS Hooks wire format. Writing uses HAPI's FHIR-aware mapper (resources inside suggestions
 * are encoded by the FHIR parser); reading untrusted bodies uses a plain tree mapper with tight limits, so hostile
 * input (deep nesting, huge numbers, duplicate keys) fails fast as a 400 instead of reaching the FHIR parser.
 */
public final class CdsHooksJson {

    /** Deep enough for any FHIR resource an EHR sends (a Bundle entry is about 12 levels deep). */
    static final int MAX_NESTING_DEPTH = 64;

    static final int MAX_NUMBER_LENGTH = 64;

    private CdsHooksJson() {}

    /**
     * The mapper for responses and discovery: CDS Hooks 2.0 says optional attributes without a value are omitted, so
     * empty values are not written, except {@code cards}, which is required even when empty.
     */
    public static ObjectMapper writer(FhirContext fhirContext) {
        ObjectMapper mapper = new CdsHooksObjectMapperFactory(fhirContext).newMapper();
        mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        mapper.disable(SerializationFeature.INDENT_OUTPUT);
        mapper.addMixIn(CdsServiceResponseJson.class, ResponseMixIn.class);
        return mapper;
    }

    /** The mapper for request and feedback bodies: a JSON tree with limits, no data binding. */
    public static ObjectMapper reader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        // Decimals stay exact (9.80 stays 9.80) when HAPI parses FHIR resources straight from this tree.
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
        return mapper;
    }

    /** Keeps {@code "cards": []} in the output although empty values are otherwise omitted. */
    abstract static class ResponseMixIn {
        @JsonProperty(value = "cards", required = true)
        @JsonInclude(JsonInclude.Include.ALWAYS)
        private List<?> myCards;
    }
}

package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceAcceptedSuggestionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeebackOutcomeEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeedbackJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceOverrideReasonJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCodingJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CDS Hooks 2.0 feedback body {@code {"feedback":[{card, outcome, acceptedSuggestions, overrideReason,
 * outcomeTimestamp}]}} into HAPI's {@link CdsServiceFeedbackJson} items. HAPI 8.8.0's controller binds the body to a
 * single item and silently loses the spec form (CDS Hooks 2.0 §Feedback sends an array), hence this reader. Every rule of the spec is checked;
 * a violation is a 400.
 */
public final class FeedbackReader {

    static final int MAX_ITEMS = 100;
    private static final int MAX_TEXT = 1024;

    private final HookRequestReader treeReader;

    public FeedbackReader(HookRequestReader treeReader) {
        this.treeReader = treeReader;
    }

    public List<CdsServiceFeedbackJson> read(byte[] body) {
        JsonNode root = treeReader.readTree(body);
        if (!root.isObject()) {
            throw CdsHookException.badRequest("The feedback body must be a JSON object");
        }
        JsonNode items = root.get("feedback");
        if (items == null || !items.isArray()) {
            throw CdsHookException.badRequest("'feedback' must be an array");
        }
        if (items.size() > MAX_ITEMS) {
            throw CdsHookException.badRequest("'feedback' has more than " + MAX_ITEMS + " items");
        }
        List<CdsServiceFeedbackJson> feedback = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            feedback.add(item(items.get(i), "feedback[" + i + "]"));
        }
        return feedback;
    }

    private static CdsServiceFeedbackJson item(JsonNode node, String path) {
        if (!node.isObject()) {
            throw CdsHookException.badRequest("'" + path + "' must be an object");
        }
        CdsServiceFeedbackJson item = new CdsServiceFeedbackJson();
        item.setCard(text(node, "card", path, true));
        String outcome = text(node, "outcome", path, true);
        switch (outcome) {
            case "accepted" -> item.setOutcome(CdsServiceFeebackOutcomeEnum.accepted);
            case "overridden" -> item.setOutcome(CdsServiceFeebackOutcomeEnum.overridden);
            default -> throw CdsHookException.badRequest("'" + path + ".outcome' must be accepted or overridden");
        }
        item.setAcceptedSuggestions(acceptedSuggestions(node, path, outcome.equals("accepted")));
        item.setOverrideReason(overrideReason(node, path));
        String timestamp = text(node, "outcomeTimestamp", path, true);
        try {
            OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw CdsHookException.badRequest("'" + path + ".outcomeTimestamp' must be an RFC 3339 date-time");
        }
        item.setOutcomeTimestamp(timestamp);
        return item;
    }

    private static List<CdsServiceAcceptedSuggestionJson> acceptedSuggestions(
            JsonNode node, String path, boolean required) {
        JsonNode array = node.get("acceptedSuggestions");
        if (array == null || array.isNull()) {
            if (required) {
                throw CdsHookException.badRequest("'" + path + ".acceptedSuggestions' is required when accepted");
            }
            return null;
        }
        if (!array.isArray() || array.size() > MAX_ITEMS) {
            throw CdsHookException.badRequest("'" + path + ".acceptedSuggestions' must be an array");
        }
        List<CdsServiceAcceptedSuggestionJson> accepted = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode suggestion = array.get(i);
            String suggestionPath = path + ".acceptedSuggestions[" + i + "]";
            if (!suggestion.isObject()) {
                throw CdsHookException.badRequest("'" + suggestionPath + "' must be an object");
            }
            accepted.add(new CdsServiceAcceptedSuggestionJson().setId(text(suggestion, "id", suggestionPath, true)));
        }
        return accepted;
    }

    private static CdsServiceOverrideReasonJson overrideReason(JsonNode node, String path) {
        JsonNode reasonNode = node.get("overrideReason");
        if (reasonNode == null || reasonNode.isNull()) {
            return null;
        }
        String reasonPath = path + ".overrideReason";
        if (!reasonNode.isObject()) {
            throw CdsHookException.badRequest("'" + reasonPath + "' must be an object");
        }
        CdsServiceOverrideReasonJson reason = new CdsServiceOverrideReasonJson();
        JsonNode coding = reasonNode.get("reason");
        if (coding != null && !coding.isNull()) {
            if (!coding.isObject()) {
                throw CdsHookException.badRequest("'" + reasonPath + ".reason' must be a Coding");
            }
            String codingPath = reasonPath + ".reason";
            reason.setReason(new CdsServiceResponseCodingJson()
                    .setCode(text(coding, "code", codingPath, true))
                    .setSystem(text(coding, "system", codingPath, false))
                    .setDisplay(text(coding, "display", codingPath, false)));
        }
        reason.setUserComment(text(reasonNode, "userComment", reasonPath, false));
        return reason;
    }

    private static String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw CdsHookException.badRequest("'" + path + "." + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_TEXT) {
            throw CdsHookException.badRequest("'" + path + "." + field + "' must be a non-empty string");
        }
        return value.asText();
    }
}

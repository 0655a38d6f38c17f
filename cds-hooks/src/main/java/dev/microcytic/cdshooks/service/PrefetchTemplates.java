package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a prefetch template with the request's values: {@code {{context.X}}} for root-level string context fields
 * and the CDS Hooks 2.0 user tokens ({@code {{userPractitionerId}}} etc., taken from {@code context.userId}). HAPI's
 * {@code PrefetchTemplateUtil} knows only the context form.
 */
final class PrefetchTemplates {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");

    private PrefetchTemplates() {}

    /**
     * @return the query, or null when a token has no value in this request (the key cannot be read then)
     */
    static String resolve(String template, CdsServiceRequestJson request) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = tokenValue(matcher.group(1), request);
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String tokenValue(String token, CdsServiceRequestJson request) {
        if (token.startsWith("context.")) {
            Object value = request.getContext().get(token.substring("context.".length()));
            return value instanceof String text
                            && HookRequestReader.FHIR_ID.matcher(text).matches()
                    ? text
                    : null;
        }
        Object userId = request.getContext().get("userId");
        if (!(userId instanceof String user) || !user.contains("/")) {
            return null;
        }
        String type = user.substring(0, user.indexOf('/'));
        String id = user.substring(user.indexOf('/') + 1);
        if (!HookRequestReader.FHIR_ID.matcher(id).matches()) {
            return null;
        }
        return switch (token) {
            case "userPractitionerId" -> type.equals("Practitioner") ? id : null;
            case "userPractitionerRoleId" -> type.equals("PractitionerRole") ? id : null;
            case "userPatientId" -> type.equals("Patient") ? id : null;
            case "userRelatedPersonId" -> type.equals("RelatedPerson") ? id : null;
            default -> null;
        };
    }
}

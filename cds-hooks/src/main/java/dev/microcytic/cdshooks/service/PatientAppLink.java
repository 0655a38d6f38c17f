package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseLinkJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The card's link to the patient's page in the web app, where the full evidence, the next tests and the charts are:
 * a SMART launch link ({@code type: smart}) when the app's SMART launch URL is configured (the EHR then launches the
 * app with {@code iss} and {@code launch}, and the patient comes from the launch context), else a plain link
 * ({@code type: absolute}) to {@code <base>/app/patients/<id>}.
 */
public final class PatientAppLink {

    static final String LABEL = "Open the work-up: all values, charts and next tests";

    private final String smartLaunchUrl;
    private final Supplier<String> baseUrl;

    /**
     * @param smartLaunchUrl the app's SMART launch URL, or null/blank for plain links
     * @param baseUrl the server's public base URL (without a trailing slash), or a supplier answering null when it is
     *     not known (no link then)
     */
    public PatientAppLink(String smartLaunchUrl, Supplier<String> baseUrl) {
        this.smartLaunchUrl = smartLaunchUrl == null || smartLaunchUrl.isBlank() ? null : smartLaunchUrl;
        this.baseUrl = baseUrl;
    }

    /** No link on the cards (engine tests, tools without a web app). */
    public static PatientAppLink none() {
        return new PatientAppLink(null, () -> null);
    }

    public Optional<CdsServiceResponseLinkJson> forPatient(String patientId) {
        if (smartLaunchUrl != null) {
            return Optional.of(new CdsServiceResponseLinkJson()
                    .setLabel(LABEL)
                    .setUrl(smartLaunchUrl)
                    .setType("smart"));
        }
        String base = baseUrl.get();
        if (base == null || base.isBlank() || patientId == null) {
            return Optional.empty();
        }
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return Optional.of(new CdsServiceResponseLinkJson()
                .setLabel(LABEL)
                .setUrl(trimmed + "/app/patients/" + URLEncoder.encode(patientId, StandardCharsets.UTF_8))
                .setType("absolute"));
    }
}

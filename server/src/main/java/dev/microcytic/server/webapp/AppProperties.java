package dev.microcytic.server.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the clinician's web app at {@code /app} ({@code microcytic.app.*}).
 *
 * @param baseUrl the server's public base URL for the cards' links to a patient's page (e.g.
 *     {@code https://cds.example.org}); unset: the base URL of the CDS Hooks request (right unless a proxy changes
 *     host or scheme)
 * @param smartLaunchUrl the app's SMART launch URL as registered with the EHR (e.g.
 *     {@code https://cds.example.org/app/launch.html}); when set, cards carry a {@code smart} link to it instead of
 *     a plain link to the patient's page
 * @param clientId the OAuth2 client id of the app at the EHR's authorization server
 * @param scope the SMART scopes the app asks for
 */
@ConfigurationProperties("microcytic.app")
public record AppProperties(String baseUrl, String smartLaunchUrl, String clientId, String scope) {

    public AppProperties {
        clientId = clientId == null || clientId.isBlank() ? "microcytic-app" : clientId;
        scope = scope == null || scope.isBlank()
                ? "openid fhirUser launch launch/patient patient/Patient.rs patient/Observation.rs"
                        + " patient/ServiceRequest.rs patient/MedicationStatement.rs patient/MedicationRequest.rs"
                        + " patient/Procedure.rs user/Observation.rs user/Patient.rs user/ServiceRequest.rs"
                : scope;
    }
}

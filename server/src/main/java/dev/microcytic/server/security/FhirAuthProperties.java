package dev.microcytic.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to {@code /fhir} ({@code microcytic.fhir.auth.*}): an OAuth2 resource server that accepts access tokens
 * (signed JWTs) of the hospital's authorization servers and grants what their SMART App Launch scopes allow.
 *
 * @param required whether every {@code /fhir} request except the CapabilityStatement and the SMART configuration needs
 *     a bearer token (on by default; {@code false} opens {@code /fhir} to anyone who can reach the port)
 * @param issuers trusted authorization servers
 * @param audience the {@code aud} every token must carry (this FHIR server's identifier at the authorization server)
 * @param adminScope the scope that unlocks HAPI's administrative and destructive operations (and reading AuditEvents)
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param authorizationEndpoint published in {@code /fhir/.well-known/smart-configuration} for SMART launch
 * @param tokenEndpoint published in {@code /fhir/.well-known/smart-configuration}
 * @param audit whether reads and writes of patient data are recorded as AuditEvents
 */
@ConfigurationProperties("microcytic.fhir.auth")
public record FhirAuthProperties(
        @DefaultValue("true") boolean required,
        @DefaultValue List<Issuer> issuers,
        String audience,
        @DefaultValue("microcytic/admin") String adminScope,
        @DefaultValue("60s") Duration clockSkew,
        String authorizationEndpoint,
        String tokenEndpoint,
        @DefaultValue("true") boolean audit) {

    /**
     * @param iss the issuer as it appears in the token's {@code iss} claim
     * @param jwksUri where its public keys are: an {@code https:} URL or a {@code file:} URI
     */
    public record Issuer(String iss, String jwksUri) {}
}

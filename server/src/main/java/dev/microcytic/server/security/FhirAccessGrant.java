package dev.microcytic.server.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What the access token of the current {@code /fhir} request grants: its SMART clinical scopes, the patient in
 * context ({@code patient} claim, for {@code patient/} scopes) and whether it carries the admin scope.
 *
 * @param scopes the SMART clinical scopes of the {@code scope} claim
 * @param patientId the {@code patient} claim, or null
 * @param admin whether the token carries the configured admin scope
 * @param subject the token's {@code sub} (the user or client), for the audit trail
 * @param clientId the OAuth client ({@code client_id} or {@code azp}), for the audit trail
 */
public record FhirAccessGrant(
        List<SmartScope> scopes, String patientId, boolean admin, String subject, String clientId) {

    /** The grant of the request on this thread (Spring Security put its token there), or null without a token. */
    public static FhirAccessGrant current(String adminScope) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return null;
        }
        return of(token.getToken(), adminScope);
    }

    static FhirAccessGrant of(Jwt jwt, String adminScope) {
        String scope = scopeClaim(jwt.getClaims().get("scope"));
        boolean admin = List.of(scope.trim().split("\\s+")).contains(adminScope);
        String clientId = jwt.getClaimAsString("client_id") != null
                ? jwt.getClaimAsString("client_id")
                : jwt.getClaimAsString("azp");
        String patient = jwt.getClaimAsString("patient");
        return new FhirAccessGrant(
                SmartScope.parseAll(scope),
                patient == null || patient.isBlank() ? null : patient,
                admin,
                jwt.getSubject(),
                clientId);
    }

    /** {@code scope} is a space-separated string (RFC 8693 / SMART); some servers send a JSON array. */
    private static String scopeClaim(Object claim) {
        if (claim instanceof String text) {
            return text;
        }
        if (claim instanceof Collection<?> values) {
            return String.join(" ", values.stream().map(String::valueOf).toList());
        }
        return "";
    }

    /** Whether a {@code patient/} scope can be used: it needs a patient in context. */
    boolean usable(SmartScope scope) {
        return scope.context() != SmartScope.Context.PATIENT || patientId != null;
    }

    /** True when every usable read scope is a {@code patient/} scope: searches are narrowed to the patient. */
    boolean patientOnly() {
        return patientId != null
                && scopes.stream().filter(SmartScope::reads).allMatch(s -> s.context() == SmartScope.Context.PATIENT);
    }
}

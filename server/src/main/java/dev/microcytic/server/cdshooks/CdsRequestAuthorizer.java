package dev.microcytic.server.cdshooks;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Decides whether a CDS Hooks request needs a token and which {@code aud} it must carry: the URL that was called, as
 * the EHR sees it (the configured public base, when a proxy sits in front, plus the request path).
 */
final class CdsRequestAuthorizer {

    private final CdsClientAuthenticator authenticator;
    private final CdsHooksProperties.Auth auth;

    CdsRequestAuthorizer(CdsClientAuthenticator authenticator, CdsHooksProperties.Auth auth) {
        this.authenticator = authenticator;
        this.auth = auth;
    }

    /** @return the authenticated client, or null when authentication is off */
    CdsClientAuthenticator.CdsClient authorize(HttpServletRequest request) {
        if (!auth.required()) {
            return null;
        }
        return authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), calledUrl(request));
    }

    void authorizeDiscovery(HttpServletRequest request) {
        if (auth.discoveryRequired()) {
            authorize(request);
        }
    }

    String calledUrl(HttpServletRequest request) {
        if (auth.audienceBase() != null && !auth.audienceBase().isBlank()) {
            String base = auth.audienceBase().endsWith("/")
                    ? auth.audienceBase().substring(0, auth.audienceBase().length() - 1)
                    : auth.audienceBase();
            return base + request.getRequestURI();
        }
        return request.getRequestURL().toString();
    }
}

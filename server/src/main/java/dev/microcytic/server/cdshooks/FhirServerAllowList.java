package dev.microcytic.server.cdshooks;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Which FHIR servers a CDS Hooks request may name as {@code fhirServer}: the list of the EHR that signed the call
 * ({@code microcytic.cds.auth.issuers[i].fhir-servers}), or {@code microcytic.cds.fhir-servers} with client
 * authentication off; an empty list allows only this server's own {@code /fhir}. Anything else is refused before the
 * service connects anywhere, so a caller cannot point it (and the EHR's access token) at an internal host.
 *
 * <p>URLs are compared after normalisation: scheme and host without case, the default port made explicit, no trailing
 * slash; a URL with user info, query or fragment never matches.
 */
final class FhirServerAllowList {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final CdsHooksProperties properties;
    private final Environment environment;

    FhirServerAllowList(CdsHooksProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * @param client the authenticated EHR, or null with authentication off
     * @param request the hook call (for this server's own address)
     */
    boolean allows(String fhirServer, CdsClientAuthenticator.CdsClient client, HttpServletRequest request) {
        String candidate = normalize(fhirServer);
        if (candidate == null) {
            return false;
        }
        List<String> configured = client == null ? properties.fhirServers() : issuerList(client.issuer());
        if (configured.isEmpty()) {
            return ownFhir(candidate, request);
        }
        for (String entry : configured) {
            if (candidate.equals(normalize(environment.resolvePlaceholders(entry)))) {
                return true;
            }
        }
        return false;
    }

    private List<String> issuerList(String issuer) {
        return properties.auth().issuers().stream()
                .filter(configured -> configured.iss().equals(issuer))
                .findFirst()
                .map(CdsHooksProperties.Issuer::fhirServers)
                .orElse(List.of());
    }

    /** This server's {@code /fhir}, as called over loopback or by the name and port the hook call arrived on. */
    private boolean ownFhir(String candidate, HttpServletRequest request) {
        URI uri = URI.create(candidate);
        boolean host = LOOPBACK.contains(uri.getHost()) || uri.getHost().equalsIgnoreCase(request.getServerName());
        boolean port = uri.getPort() == request.getLocalPort() || uri.getPort() == request.getServerPort();
        if (host && port && uri.getPath().equals(request.getContextPath() + "/fhir")) {
            return true;
        }
        String publicBase = properties.auth().audienceBase();
        return publicBase != null && !publicBase.isBlank() && candidate.equals(normalize(publicBase + "/fhir"));
    }

    /** {@code scheme://host:port/path} without a trailing slash, or null when the URL cannot be a FHIR base. */
    static String normalize(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                return null;
            }
            if (uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

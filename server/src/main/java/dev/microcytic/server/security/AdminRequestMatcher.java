package dev.microcytic.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriUtils;

/**
 * Matches the {@code /fhir} requests that need the admin scope: HAPI's administrative and destructive operations
 * (at any level, whether or not this server registers them, so that a caller without the scope learns nothing from
 * a 400 or 404), the system-wide {@code _history} and a delete with {@code _expunge}.
 *
 * <p>The path is matched percent-decoded and without case, as HAPI's own dispatch would read it.
 */
final class AdminRequestMatcher implements RequestMatcher {

    static final Set<String> OPERATIONS = Set.of(
            "$hapi.fhir.merge",
            "$hapi.fhir.undo-merge",
            "$hapi.fhir.replace-references",
            "$merge",
            "$reindex",
            "$reindex-dryrun",
            "$mark-all-resources-for-reindexing",
            "$perform-reindexing-pass",
            "$reindex-terminology",
            "$expunge",
            "$delete-expunge",
            "$meta-delete",
            "$trigger-subscription",
            "$upload-external-code-system",
            "$apply-codesystem-delta-add",
            "$apply-codesystem-delta-remove");

    private final String base;

    /** @param base the servlet path of the FHIR server, {@code /fhir} */
    AdminRequestMatcher(String base) {
        this.base = base;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = fhirPath(request, base);
        if (path == null) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals("/_history") || lower.startsWith("/_history/")) {
            return true;
        }
        for (String segment : lower.split("/")) {
            if (OPERATIONS.contains(segment)) {
                return true;
            }
        }
        return request.getParameter("_expunge") != null;
    }

    /** The decoded path below {@code base} ({@code ""} for the base itself), or null for other paths. */
    static String fhirPath(HttpServletRequest request, String base) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String decoded;
        try {
            decoded = UriUtils.decode(uri, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = uri;
        }
        if (decoded.equals(base)) {
            return "";
        }
        return decoded.startsWith(base + "/") ? decoded.substring(base.length()) : null;
    }
}

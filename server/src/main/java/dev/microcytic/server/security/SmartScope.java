package dev.microcytic.server.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART App Launch clinical scope, such as {@code patient/Observation.rs} (v2) or {@code user/*.read} (v1).
 *
 * <p>Hand-written because neither HAPI nor Spring Security parses SMART scopes. v2 permissions are the letters
 * {@code c r u d s} in this order; the v1 forms map to them ({@code read} = {@code rs}, {@code write} = {@code cud},
 * {@code *} = all). A v2 scope with a query ({@code patient/Observation.rs?category=laboratory}) is not granted at
 * all: it asks for less than its resource type, and this server cannot enforce the restriction.
 *
 * @param context {@code patient}, {@code user} or {@code system}
 * @param resourceType a FHIR resource type, or {@code *} for all
 * @param permissions what the scope allows
 */
public record SmartScope(Context context, String resourceType, Set<Permission> permissions) {

    private static final Pattern SCOPE =
            Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*|c?r?u?d?s?)");

    public enum Context {
        PATIENT,
        USER,
        SYSTEM
    }

    public enum Permission {
        CREATE,
        READ,
        UPDATE,
        DELETE,
        SEARCH
    }

    public boolean anyType() {
        return "*".equals(resourceType);
    }

    public boolean covers(String type) {
        return anyType() || resourceType.equals(type);
    }

    public boolean reads() {
        return permissions.contains(Permission.READ) || permissions.contains(Permission.SEARCH);
    }

    public boolean writes() {
        return permissions.contains(Permission.CREATE)
                || permissions.contains(Permission.UPDATE)
                || permissions.contains(Permission.DELETE);
    }

    /** The clinical scopes in a space-separated {@code scope} claim; other scopes ({@code openid}, ...) are skipped. */
    public static List<SmartScope> parseAll(String scopeClaim) {
        List<SmartScope> scopes = new ArrayList<>();
        if (scopeClaim == null) {
            return scopes;
        }
        for (String scope : scopeClaim.trim().split("\\s+")) {
            SmartScope parsed = parse(scope);
            if (parsed != null) {
                scopes.add(parsed);
            }
        }
        return scopes;
    }

    /** The scope, or null when it is not a SMART clinical scope this server grants. */
    public static SmartScope parse(String scope) {
        Matcher matcher = SCOPE.matcher(scope);
        if (!matcher.matches() || matcher.group(3).isEmpty()) {
            return null;
        }
        Context context = Context.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
        return new SmartScope(context, matcher.group(2), permissions(matcher.group(3)));
    }

    private static Set<Permission> permissions(String value) {
        switch (value) {
            case "read":
                return EnumSet.of(Permission.READ, Permission.SEARCH);
            case "write":
                return EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
            case "*":
                return EnumSet.allOf(Permission.class);
            default:
                Set<Permission> permissions = EnumSet.noneOf(Permission.class);
                for (char letter : value.toCharArray()) {
                    permissions.add(
                            switch (letter) {
                                case 'c' -> Permission.CREATE;
                                case 'r' -> Permission.READ;
                                case 'u' -> Permission.UPDATE;
                                case 'd' -> Permission.DELETE;
                                default -> Permission.SEARCH;
                            });
                }
                return permissions;
        }
    }
}

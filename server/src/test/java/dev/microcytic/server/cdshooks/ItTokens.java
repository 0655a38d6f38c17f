package dev.microcytic.server.cdshooks;

/** Signed CDS client tokens of the IT EHR, for ITs in other packages. */
public final class ItTokens {

    private ItTokens() {}

    public static String bearer(String url) {
        return ItCdsClient.bearer(url);
    }
}

package dev.microcytic.server.cdshooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The EHR of the integration tests: the trusted issuer configured in {@code src/test/resources/config/application.yaml},
 * whose JWKS file is written here before the first token is checked (the server reads it lazily), plus a small HTTP
 * client for raw CDS Hooks calls.
 */
final class ItCdsClient {

    static final String ISSUER = "https://ehr.it.microcytic.dev";
    static final TestEhr EHR = new TestEhr(ISSUER);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static {
        try {
            Path jwks = Path.of(System.getProperty("user.dir"), "target", "it-cds-client-jwks.json");
            Files.createDirectories(jwks.getParent());
            EHR.writeJwks(jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ItCdsClient() {}

    static String bearer(String url) {
        return EHR.bearerFor(url);
    }

    static HttpResponse<String> post(String url, String body, boolean signed) {
        return post(url, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), signed ? bearer(url) : null);
    }

    static HttpResponse<String> post(String url, byte[] body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

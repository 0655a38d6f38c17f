package dev.microcytic.server.cdshooks;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JWKS from an {@code https:} URL (Nimbus's retriever, with timeouts and a size limit) or from a {@code file:}
 * URI, which Nimbus's HTTP retriever cannot open; offline deployments and tests keep the EHR's keys in a file.
 */
public final class FileResourceRetriever implements ResourceRetriever {

    static final int SIZE_LIMIT = 256 * 1024;

    private final ResourceRetriever http = new DefaultResourceRetriever(2_000, 3_000, SIZE_LIMIT);

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        if (!"file".equalsIgnoreCase(url.getProtocol())) {
            return http.retrieveResource(url);
        }
        try (InputStream in = Files.newInputStream(Path.of(url.toURI()))) {
            byte[] content = in.readNBytes(SIZE_LIMIT + 1);
            if (content.length > SIZE_LIMIT) {
                throw new IOException("JWKS file exceeds " + SIZE_LIMIT + " bytes");
            }
            return new Resource(new String(content, StandardCharsets.UTF_8), "application/json");
        } catch (URISyntaxException e) {
            throw new IOException("Invalid JWKS file URI", e);
        }
    }
}

package dev.microcytic.cdshooks.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpEntity;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.protocol.HttpContext;

/**
 * Refuses {@code fhirServer} answers larger than a limit: one whose {@code Content-Length} says so at once, one without
 * it as soon as more bytes arrive, so that a hostile or broken server cannot make the service buffer without bound.
 * Requests ask for uncompressed answers (HAPI's client adds {@code Accept-Encoding: gzip}; it is removed here), so the
 * bytes counted are the bytes parsed: no decompression can expand a small answer without bound.
 *
 * <p>Hand-written: Apache HttpClient 4 has no response size limit of its own.
 */
final class ResponseSizeLimit implements HttpRequestInterceptor, HttpResponseInterceptor {

    private final long maxBytes;

    ResponseSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(HttpRequest request, HttpContext context) {
        request.removeHeaders("Accept-Encoding");
    }

    @Override
    public void process(HttpResponse response, HttpContext context) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        if (entity.getContentLength() > maxBytes) {
            throw new IOException("fhirServer answer exceeds " + maxBytes + " bytes");
        }
        response.setEntity(new HttpEntityWrapper(entity) {
            @Override
            public InputStream getContent() throws IOException {
                return new Capped(super.getContent(), maxBytes);
            }
        });
    }

    private static final class Capped extends FilterInputStream {
        private long remaining;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                throw new IOException("fhirServer answer exceeds the size limit");
            }
        }
    }
}

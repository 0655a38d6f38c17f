package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.client.HttpClientBuilder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a prefetch query the EHR did not satisfy from the EHR's {@code fhirServer} (CDS Hooks 2.0 "the service SHOULD
 * fetch missing data itself"), with HAPI's generic client and {@code fhirAuthorization.access_token} as Bearer token.
 *
 * <p>The client has its own {@link FhirContext} so that its timeouts do not leak into other clients, never asks the
 * server for its CapabilityStatement first, and retries a read once only when the connection broke (typically a
 * pooled keep-alive connection the server had closed): a slow or unreachable EHR gets one request per key, not a retry
 * storm. Any failure is a 412, the status the spec gives for "cannot get the data".
 *
 * <p>Several missing keys are read in parallel ({@link #fetchAsync}), so a call with no prefetch waits for its
 * slowest read rather than for the sum of five. Searches carry {@code Cache-Control: no-store}: the answer holds
 * patient data that no cache should keep, and HAPI FHIR servers then run the search synchronously instead of
 * persisting a paged search (several times cheaper for a one-page read).
 */
public final class FhirServerPrefetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FhirServerPrefetcher.class);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Reads in flight at once across all calls; beyond it the calling thread reads itself (back-pressure). */
    private static final int MAX_PARALLEL_READS = 32;

    private static final AdditionalRequestHeadersInterceptor NO_STORE = new AdditionalRequestHeadersInterceptor();

    static {
        NO_STORE.addHeaderValue("Cache-Control", "no-store");
    }

    private final FhirContext clientContext;
    private final CdsServiceSettings settings;
    private final CloseableHttpClient http;
    private final ThreadPoolExecutor readers;

    public FhirServerPrefetcher(CdsServiceSettings settings) {
        this.settings = settings;
        this.clientContext = FhirContext.forR4();
        ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(clientContext);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        int connect = (int) settings.connectTimeout().toMillis();
        int read = (int) settings.readTimeout().toMillis();
        factory.setConnectTimeout(connect);
        factory.setSocketTimeout(read);
        factory.setConnectionRequestTimeout(connect);
        ResponseSizeLimit sizeLimit = new ResponseSizeLimit(settings.maxResponseBytes());
        this.http = HttpClientBuilder.create()
                // One retry of a read, and only after an I/O error that is not a timeout or a refused connection,
                // typically a pooled keep-alive connection the server had just closed. A slow or down EHR still gets
                // one request per key (DefaultHttpRequestRetryHandler never retries InterruptedIOException,
                // ConnectException or UnknownHostException).
                .setRetryHandler(new DefaultHttpRequestRetryHandler(1, false))
                .disableCookieManagement()
                // No gzip/deflate: the size limit counts the bytes that are parsed (no unbounded decompression).
                .disableContentCompression()
                .addInterceptorLast((org.apache.http.HttpRequestInterceptor) sizeLimit)
                .addInterceptorLast((org.apache.http.HttpResponseInterceptor) sizeLimit)
                .setMaxConnTotal(MAX_PARALLEL_READS + 18)
                // An EHR is usually one route: allow every parallel read on it plus the callers' own.
                .setMaxConnPerRoute(MAX_PARALLEL_READS + 8)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .setRedirectsEnabled(false)
                        .build())
                .build();
        factory.setHttpClient(http);
        clientContext.setRestfulClientFactory(factory);
        AtomicInteger threads = new AtomicInteger();
        this.readers = new ThreadPoolExecutor(
                0,
                MAX_PARALLEL_READS,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "cds-prefetch-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * {@link #fetch} on a reader thread. The future fails with the same {@link CdsHookException} {@code fetch} throws.
     */
    public CompletableFuture<IBaseResource> fetchAsync(
            String fhirServer, String accessToken, String query, long deadlineNanos) {
        return CompletableFuture.supplyAsync(() -> fetch(fhirServer, accessToken, query, deadlineNanos), readers);
    }

    /** The time all reads of one hook call may take together. */
    public java.time.Duration deadline() {
        return settings.deadline();
    }

    /**
     * Reads one resolved prefetch query (a read such as {@code Patient/123} or a search such as
     * {@code Observation?patient=123&code=...}) relative to {@code fhirServer}.
     *
     * @throws CdsHookException 412 when the server cannot be used or does not answer with the resource
     */
    public IBaseResource fetch(String fhirServer, String accessToken, String query) {
        return fetch(
                fhirServer,
                accessToken,
                query,
                System.nanoTime() + settings.deadline().toNanos());
    }

    /**
     * {@link #fetch(String, String, String)} that follows no further search page once {@code deadlineNanos}
     * ({@link System#nanoTime()} scale) has passed.
     */
    public IBaseResource fetch(String fhirServer, String accessToken, String query, long deadlineNanos) {
        checkAllowed(fhirServer);
        IGenericClient client = clientContext.newRestfulGenericClient(fhirServer);
        if (accessToken != null && !accessToken.isBlank()) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        }
        String url = fhirServer + "/" + encodeQuery(query);
        try {
            if (query.indexOf('?') >= 0) {
                client.registerInterceptor(NO_STORE);
                return collectPages(client, fhirServer, client.fetchResourceFromUrl(Bundle.class, url), deadlineNanos);
            }
            String type = query.substring(0, query.indexOf('/'));
            Class<? extends IBaseResource> resourceClass =
                    clientContext.getResourceDefinition(type).getImplementingClass();
            return client.fetchResourceFromUrl(resourceClass, url);
        } catch (CdsHookException e) {
            throw e;
        } catch (FhirClientConnectionException e) {
            log.debug("fhirServer could not be reached", e);
            throw unreadable();
        } catch (BaseServerResponseException e) {
            log.debug("fhirServer answered {} to a prefetch read", e.getStatusCode());
            throw unreadable();
        } catch (RuntimeException e) {
            // A server answering something that is not FHIR (HTML error page, wrong resource type, too large...).
            log.debug("fhirServer answer could not be used", e);
            throw unreadable();
        }
    }

    /**
     * The same answer for every failure: what the EHR's server said (status, body, host details) stays in the DEBUG
     * log, so the service cannot be used to probe other servers.
     */
    static CdsHookException unreadable() {
        return CdsHookException.preconditionFailed(
                "Prefetch data missing and it could not be read from the fhirServer");
    }

    /**
     * Percent-encodes what a URI may not contain literally: prefetch templates carry token searches such as
     * {@code code=http://loinc.org|718-7}, and the HTTP client refuses a raw {@code |}.
     */
    static String encodeQuery(String query) {
        StringBuilder encoded = new StringBuilder(query.length() + 64);
        for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
            if (allowed) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    private Bundle collectPages(IGenericClient client, String fhirServer, Bundle first, long deadlineNanos) {
        Bundle page = first;
        int pages = 1;
        while (page.getLink(Bundle.LINK_NEXT) != null && pages < settings.maxPages()) {
            if (!underBase(page.getLink(Bundle.LINK_NEXT).getUrl(), fhirServer)) {
                // The access token is for fhirServer only: never sent to a host a page link names.
                log.debug("fhirServer's next-page link leaves its base; not followed");
                throw unreadable();
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw CdsHookException.preconditionFailed(
                        "Prefetch data missing and the fhirServer did not answer in time");
            }
            page = client.loadPage().next(page).execute();
            first.getEntry().addAll(page.getEntry());
            pages++;
        }
        return first;
    }

    /** Whether {@code url} lies under the base URL {@code fhirServer} (same scheme, host, port and path prefix). */
    static boolean underBase(String url, String fhirServer) {
        if (url == null) {
            return false;
        }
        String base = fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer;
        if (!url.regionMatches(true, 0, base, 0, base.length())) {
            return false;
        }
        if (url.length() == base.length()) {
            return true;
        }
        char next = url.charAt(base.length());
        return next == '/' || next == '?';
    }

    private void checkAllowed(String fhirServer) {
        URI uri = URI.create(fhirServer);
        if ("https".equalsIgnoreCase(uri.getScheme()) || settings.allowHttpFhirServer()) {
            return;
        }
        if (isLoopback(uri.getHost())) {
            return;
        }
        throw CdsHookException.preconditionFailed(
                "Prefetch data missing and fhirServer is not https (CDS Hooks 2.0 requires https)");
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are checked: resolving names here would let a client make us do DNS look-ups.
            if (isIpv4Literal(host) || host.startsWith("[")) {
                return InetAddress.getByName(host).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    private static boolean isIpv4Literal(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !host.isEmpty();
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            log.debug("closing the prefetch HTTP client failed", e);
        }
    }
}

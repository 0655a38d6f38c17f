package dev.microcytic.server.interpretation;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether FHIR writes are coming in right now: a servlet filter on {@code /fhir/*} counts the write requests in flight
 * (every method but GET, HEAD and OPTIONS). Re-evaluation yields to ingest while it is busy
 * ({@link ReevaluationScheduler}); a short quiet period after the last write still counts as busy, because clients
 * that send one transaction after another leave gaps of a few milliseconds between them.
 */
public class IngestActivity implements Filter {

    private static final long QUIET_NANOS = 200_000_000L;

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastWriteEnded = System.nanoTime() - QUIET_NANOS;

    /** True while a FHIR write is in flight or ended less than 200 ms ago. */
    public boolean busy() {
        return inFlight.get() > 0 || System.nanoTime() - lastWriteEnded < QUIET_NANOS;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !isWrite(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            lastWriteEnded = System.nanoTime();
            inFlight.decrementAndGet();
        }
    }

    private static boolean isWrite(String method) {
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }
}

package dev.microcytic.server.interpretation;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Whether ingest needs the CPU right now: FHIR writes are coming in (a servlet filter on {@code /fhir/*} counts the
 * write requests in flight: every method but GET, HEAD and OPTIONS) and the machine's CPUs are nearly saturated.
 * Re-evaluation yields only then ({@link ReevaluationScheduler}), so at a moderate ingest rate, with spare CPU, it
 * keeps evaluating at full speed. A short quiet period after the last write still counts as writing, because clients
 * that send one transaction after another leave gaps of a few milliseconds between them.
 */
public class IngestActivity implements Filter {

    private static final long QUIET_NANOS = 200_000_000L;
    private static final long CPU_SAMPLE_NANOS = 250_000_000L;
    private static final double SATURATED = 0.85;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final DoubleSupplier cpuLoad;
    private volatile long lastWriteEnded = System.nanoTime() - QUIET_NANOS;
    private volatile long cpuSampledAt = System.nanoTime() - CPU_SAMPLE_NANOS;
    private volatile double lastCpuLoad;

    /** With the machine's recent CPU load (0..1) from the JVM. */
    public IngestActivity() {
        this(systemCpuLoad());
    }

    /** @param cpuLoad the machine's recent CPU load, 0..1 (negative when unknown: then writes alone count) */
    public IngestActivity(DoubleSupplier cpuLoad) {
        this.cpuLoad = cpuLoad;
    }

    /** True while FHIR writes are in flight (or ended less than 200 ms ago) and the CPUs are at least 85 % busy. */
    public boolean busy() {
        boolean writing = inFlight.get() > 0 || System.nanoTime() - lastWriteEnded < QUIET_NANOS;
        if (!writing) {
            return false;
        }
        double load = cpuLoad();
        return load < 0 || load >= SATURATED;
    }

    // The JVM computes the load over the interval since its previous call: sample at most every 250 ms.
    private double cpuLoad() {
        long now = System.nanoTime();
        if (now - cpuSampledAt >= CPU_SAMPLE_NANOS) {
            cpuSampledAt = now;
            lastCpuLoad = cpuLoad.getAsDouble();
        }
        return lastCpuLoad;
    }

    private static DoubleSupplier systemCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getCpuLoad;
        }
        return () -> -1;
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

package dev.microcytic.server.warmup;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Keeps {@code /actuator/health} at OUT_OF_SERVICE (HTTP 503) until the start-up warm-up has run, so that a load
 * balancer or EHR that waits for UP never sends the first, slow call (UP means the server accepts hooks).
 */
public final class WarmupHealthIndicator implements HealthIndicator {

    private final AtomicReference<String> outcome = new AtomicReference<>();

    /** Marks the warm-up as finished; {@code summary} becomes the health detail. */
    void finished(String summary) {
        outcome.set(summary);
    }

    public boolean isFinished() {
        return outcome.get() != null;
    }

    @Override
    public Health health() {
        String summary = outcome.get();
        return summary == null
                ? Health.outOfService().withDetail("warmup", "running").build()
                : Health.up().withDetail("warmup", summary).build();
    }
}

package dev.microcytic.server.warmup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Start-up warm-up ({@code microcytic.warmup.*}).
 *
 * @param enabled run the warm-up before health reports UP
 * @param iterations in-process CDS calls on the synthetic panel (enough for the JIT to compile the hot path)
 * @param budget the warm-up stops early once this much time has passed, so a slow machine still starts in time
 */
@ConfigurationProperties("microcytic.warmup")
public record WarmupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") int iterations,
        @DefaultValue("5s") Duration budget) {}

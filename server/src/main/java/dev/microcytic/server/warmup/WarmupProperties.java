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
 * @param exitWhenDone stop the JVM once the server is ready and warmed up: the training run that records the class
 *     data sharing archive (JDK 17) or the AOT cache (JDK 25) then sees every class and hot method of a full start
 */
@ConfigurationProperties("microcytic.warmup")
public record WarmupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") int iterations,
        @DefaultValue("5s") Duration budget,
        @DefaultValue("false") boolean exitWhenDone) {}

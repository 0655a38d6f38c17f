package dev.microcytic.server.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class WarmupHealthIndicatorTest {

    @Test
    void outOfServiceUntilTheWarmupHasRun() {
        WarmupHealthIndicator indicator = new WarmupHealthIndicator();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator.isFinished()).isFalse();

        indicator.finished("3 calls");

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("warmup", "3 calls");
    }
}

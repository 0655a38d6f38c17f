package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReevaluationMetricsTest {

    @Test
    void theQueueItsRunsAndItsFailuresAreMeteredWithoutPatientTags() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReevaluationScheduler scheduler = new ReevaluationScheduler(true, Duration.ofMillis(10), 1, id -> {
            awaitQuietly(release);
            if (id.equals("bad")) {
                throw new IllegalStateException("no");
            }
        })) {
            new ReevaluationMetrics(scheduler).bindTo(registry);
            scheduler.request("p1");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> registry.get("microcytic.reevaluation.running")
                                    .gauge()
                                    .value()
                            == 1.0);
            // One thread is held by p1, so these two wait; a repeated request joins the waiting one.
            scheduler.request("p2");
            scheduler.request("bad");
            scheduler.request("p2");

            // Pending counts outbox rows: p1's (kept until its evaluation is done), one per request of p2 and bad.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> registry.get("microcytic.reevaluation.pending")
                                    .gauge()
                                    .value()
                            == 4.0);

            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(scheduler::isIdle);

            assertThat(registry.get("microcytic.reevaluation.completed")
                            .functionCounter()
                            .count())
                    .isEqualTo(2.0);
            assertThat(registry.get("microcytic.reevaluation.failed")
                            .functionCounter()
                            .count())
                    .isEqualTo(1.0);
            // The failed evaluation's row stays in the outbox for a retry after its back-off.
            assertThat(registry.get("microcytic.reevaluation.pending").gauge().value())
                    .isEqualTo(1.0);
            assertThat(registry.get("microcytic.reevaluation.running").gauge().value())
                    .isZero();
            assertThat(registry.get("microcytic.reevaluation.yields")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(registry.getMeters())
                    .hasSize(5)
                    .allSatisfy(meter -> assertThat(meter.getId().getTags()).isEmpty())
                    .extracting(Meter::getId)
                    .allSatisfy(id -> assertThat(id.getName()).startsWith("microcytic.reevaluation."));
        }
    }

    @Test
    void everyPauseForABusyIngestIsCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReevaluationScheduler scheduler =
                new ReevaluationScheduler(true, Duration.ofMillis(1), 1, id -> {}, () -> true, 0.5, () -> 0L)) {
            new ReevaluationMetrics(scheduler).bindTo(registry);
            scheduler.request("p1");
            scheduler.request("p2");
            scheduler.request("p3");

            await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.completedCount() == 3);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> registry.get("microcytic.reevaluation.yields")
                                    .functionCounter()
                                    .count()
                            == 3.0);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ReevaluationSchedulerTest {

    @Test
    void requestsForOnePatientWithinTheDelayGiveOneEvaluation() {
        List<String> evaluated = new CopyOnWriteArrayList<>();
        try (ReevaluationScheduler scheduler =
                new ReevaluationScheduler(true, Duration.ofMillis(200), 2, evaluated::add)) {
            for (int i = 0; i < 12; i++) {
                scheduler.request("p1");
            }
            scheduler.request("p2");

            await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.isIdle() && evaluated.size() >= 2);

            assertThat(evaluated).containsExactlyInAnyOrder("p1", "p2");
            assertThat(scheduler.completedCount()).isEqualTo(2);
        }
    }

    @Test
    void aRequestDuringARunSchedulesOneMoreRun() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> evaluated = new CopyOnWriteArrayList<>();
        try (ReevaluationScheduler scheduler = new ReevaluationScheduler(true, Duration.ofMillis(10), 2, id -> {
            evaluated.add(id);
            started.countDown();
            awaitQuietly(release);
        })) {
            scheduler.request("p1");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            scheduler.request("p1");
            scheduler.request("p1");
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.isIdle() && evaluated.size() >= 2);

            assertThat(evaluated).containsExactly("p1", "p1");
        }
    }

    @Test
    void whileIngestIsBusyEachThreadPausesAfterAnEvaluationAndStillEvaluatesEveryPatient() {
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        try (ReevaluationScheduler scheduler =
                busyScheduler(startedAt, () -> sleepQuietly(40), busy, 0.25, System::nanoTime)) {
            // 40 ms of work at a 25 % share: the single thread waits ~120 ms before the next patient.
            assertThat(gapBetweenTwoEvaluations(scheduler, startedAt)).isGreaterThanOrEqualTo(150);

            busy.set(false);
            scheduler.request("p3");
            await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.isIdle() && scheduler.completedCount() == 3);
        }
    }

    @Test
    void pauseIsScaledOnTheEvaluationsCostClockNotOnWaiting() {
        // An evaluation that waits 200 ms for a core but uses 10 ms of CPU (the cost clock advances 10 ms): at a
        // 10 % share the thread pauses ~90 ms, not the ~1.8 s that the wall time would ask for.
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicLong cpu = new AtomicLong();
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        Runnable work = () -> {
            sleepQuietly(200);
            cpu.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        };
        try (ReevaluationScheduler scheduler = busyScheduler(startedAt, work, busy, 0.10, cpu::get)) {
            assertThat(gapBetweenTwoEvaluations(scheduler, startedAt)).isBetween(280L, 1_000L);
        }
    }

    /** One evaluation thread that records when each evaluation starts and then does {@code work}. */
    private static ReevaluationScheduler busyScheduler(
            List<Long> startedAt, Runnable work, AtomicBoolean busy, double share, LongSupplier clock) {
        return new ReevaluationScheduler(
                true,
                Duration.ofMillis(1),
                1,
                id -> {
                    startedAt.add(System.nanoTime());
                    work.run();
                },
                busy::get,
                share,
                clock);
    }

    /** Asks for two patients and returns the milliseconds between the starts of their evaluations. */
    private static long gapBetweenTwoEvaluations(ReevaluationScheduler scheduler, List<Long> startedAt) {
        scheduler.request("p1");
        scheduler.request("p2");
        await().atMost(Duration.ofSeconds(5)).until(() -> startedAt.size() == 2);
        return TimeUnit.NANOSECONDS.toMillis(startedAt.get(1) - startedAt.get(0));
    }

    @Test
    void failuresAreCountedAndDoNotStopLaterRuns() {
        List<String> evaluated = new CopyOnWriteArrayList<>();
        try (ReevaluationScheduler scheduler = new ReevaluationScheduler(true, Duration.ofMillis(10), 1, id -> {
            if (id.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            evaluated.add(id);
        })) {
            scheduler.request("bad");
            await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.failedCount() == 1);
            scheduler.request("good");
            await().atMost(Duration.ofSeconds(5)).until(() -> evaluated.contains("good"));

            assertThat(scheduler.completedCount()).isEqualTo(1);
        }
    }

    @Test
    void disabledSchedulerIgnoresRequests() throws InterruptedException {
        List<String> evaluated = new CopyOnWriteArrayList<>();
        try (ReevaluationScheduler scheduler =
                new ReevaluationScheduler(false, Duration.ofMillis(1), 1, evaluated::add)) {
            scheduler.request("p1");
            Thread.sleep(100);

            assertThat(evaluated).isEmpty();
            assertThat(scheduler.isIdle()).isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

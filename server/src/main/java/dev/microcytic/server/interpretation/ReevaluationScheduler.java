package dev.microcytic.server.interpretation;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debounces re-evaluation requests per patient and runs them off the request thread. A patient waits at most once in
 * the queue: requests that arrive while a run is pending join it; a request that arrives while the patient is being
 * evaluated schedules one more run, so the newest data is always evaluated. Failures are logged and never reach the
 * ingest that triggered them.
 */
public class ReevaluationScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReevaluationScheduler.class);
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ScheduledThreadPoolExecutor executor;
    private final Duration delay;
    private final Consumer<String> evaluation;
    private final BooleanSupplier ingestBusy;
    private final double busyShare;
    private volatile boolean enabled;

    /**
     * @param enabled whether ingest triggers re-evaluation at all ({@code microcytic.reevaluation.enabled})
     * @param delay how long to wait for more data of the same patient before evaluating
     * @param threads evaluation threads
     * @param evaluation evaluates and stores one patient, by id
     */
    public ReevaluationScheduler(boolean enabled, Duration delay, int threads, Consumer<String> evaluation) {
        this(enabled, delay, threads, evaluation, () -> false, 1.0);
    }

    /**
     * @param ingestBusy whether FHIR writes are coming in right now
     * @param busyShare the share of its time an evaluation thread may evaluate while ingest is busy (1: no pause)
     */
    public ReevaluationScheduler(
            boolean enabled,
            Duration delay,
            int threads,
            Consumer<String> evaluation,
            BooleanSupplier ingestBusy,
            double busyShare) {
        this.ingestBusy = ingestBusy;
        this.busyShare = Math.min(1.0, Math.max(0.01, busyShare));
        this.enabled = enabled;
        this.delay = delay;
        this.evaluation = evaluation;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "microcytic-reevaluation-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, threads), factory);
        this.executor.setRemoveOnCancelPolicy(true);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Switches re-evaluation on ingest on or off at runtime (e.g. during a bulk load; then call the operation). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Asks for a re-evaluation of the patient soon; cheap and non-blocking. */
    public void request(String patientId) {
        if (!enabled || patientId == null || executor.isShutdown()) {
            return;
        }
        if (pending.add(patientId)) {
            try {
                executor.schedule(() -> run(patientId), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pending.remove(patientId);
                log.warn("Re-evaluation queue rejected a request: {}", e.getMessage());
            }
        }
    }

    private void run(String patientId) {
        // Count as running first (isIdle never sees a gap), then leave the pending set before reading the data:
        // anything stored from now on schedules another run.
        running.incrementAndGet();
        pending.remove(patientId);
        long started = System.nanoTime();
        try {
            evaluation.accept(patientId);
            completed.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("Re-evaluation of Patient/{} failed: {}", patientId, e.toString());
            log.debug("Re-evaluation failure", e);
        } finally {
            running.decrementAndGet();
        }
        yieldToIngest(System.nanoTime() - started);
    }

    /** Holds this thread (and so the queue) for (1 / busyShare - 1) times the evaluation's duration. */
    private void yieldToIngest(long evaluationNanos) {
        if (busyShare >= 1.0 || !ingestBusy.getAsBoolean()) {
            return;
        }
        long pauseNanos = Math.min((long) (evaluationNanos * (1 / busyShare - 1)), MAX_PAUSE_NANOS);
        try {
            TimeUnit.NANOSECONDS.sleep(pauseNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when nothing is waiting or running. */
    public boolean isIdle() {
        return pending.isEmpty() && running.get() == 0;
    }

    public long completedCount() {
        return completed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.microcytic.server.interpretation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import java.util.function.LongSupplier;
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
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong yields = new AtomicLong();
    private final ScheduledThreadPoolExecutor executor;
    private final Duration delay;
    private final Consumer<String> evaluation;
    private final BooleanSupplier ingestBusy;
    private final double busyShare;
    private final LongSupplier evaluationClock;
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
     * @param busyShare the share of CPU an evaluation thread may use while ingest is busy (1: no pause)
     */
    public ReevaluationScheduler(
            boolean enabled,
            Duration delay,
            int threads,
            Consumer<String> evaluation,
            BooleanSupplier ingestBusy,
            double busyShare) {
        this(enabled, delay, threads, evaluation, ingestBusy, busyShare, threadCpuClock());
    }

    /**
     * @param evaluationClock what an evaluation's cost is measured in, read on the evaluating thread (nanoseconds):
     *     the thread's CPU time in production, a wall clock in tests
     */
    ReevaluationScheduler(
            boolean enabled,
            Duration delay,
            int threads,
            Consumer<String> evaluation,
            BooleanSupplier ingestBusy,
            double busyShare,
            LongSupplier evaluationClock) {
        this.evaluationClock = evaluationClock;
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
        long started = evaluationClock.getAsLong();
        try {
            evaluation.accept(patientId);
            completed.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            // The patient id (a client may PUT an MRN as the id) and the message (it may quote data) only at DEBUG.
            log.warn(
                    "A re-evaluation failed ({}); DEBUG on this logger names the patient",
                    e.getClass().getName());
            log.debug("Re-evaluation of Patient/{} failed", patientId, e);
        } finally {
            running.decrementAndGet();
        }
        yieldToIngest(evaluationClock.getAsLong() - started);
    }

    /**
     * Holds this thread (and so the queue) for (1 / busyShare - 1) times the evaluation's cost, at most 10 s. The cost
     * is CPU time, not wall time: on saturated cores an evaluation's wall time is mostly waiting for a core, and a pause
     * scaled on it hit the cap and let evaluations take ~17 % of each thread instead of the 5 % asked for (ingest with
     * re-evaluation on measured 0.84-0.90 of off).
     */
    private void yieldToIngest(long evaluationNanos) {
        if (busyShare >= 1.0 || !ingestBusy.getAsBoolean()) {
            return;
        }
        long pauseNanos = Math.min((long) (evaluationNanos * (1 / busyShare - 1)), MAX_PAUSE_NANOS);
        yields.incrementAndGet();
        try {
            TimeUnit.NANOSECONDS.sleep(pauseNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's CPU time where the JVM measures it, else the wall clock. */
    private static LongSupplier threadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return threads::getCurrentThreadCpuTime;
        }
        return System::nanoTime;
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

    /** Patients waiting for their run (each counted once however many requests it joined). */
    public int pendingCount() {
        return pending.size();
    }

    /** Evaluations running right now. */
    public int runningCount() {
        return running.get();
    }

    /** How many times an evaluation thread paused because ingest kept the CPUs busy. */
    public long yieldCount() {
        return yields.get();
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

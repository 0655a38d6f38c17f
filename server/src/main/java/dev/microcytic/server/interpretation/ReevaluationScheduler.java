package dev.microcytic.server.interpretation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Works through the {@link ReevaluationOutbox}: debounces re-evaluation requests per patient and runs them off the
 * request thread. A committed ingest asks for a run after the debounce delay; a sweep every second (and at start, so
 * after a crash) picks up every due row, whichever replica or earlier process wrote it. A patient waits at most once in
 * this process's queue: requests that arrive while a run is pending join it; a request that arrives while the patient
 * is being evaluated leaves a row the running evaluation did not claim, so one more run follows and the newest data is
 * always evaluated. Failures are logged, never reach the ingest, and are retried after a back-off.
 */
public class ReevaluationScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReevaluationScheduler.class);
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long SWEEP_MILLIS = 1000;
    private static final int SWEEP_BATCH = 500;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong yields = new AtomicLong();
    private final ScheduledThreadPoolExecutor executor;
    private final ReevaluationOutbox outbox;
    private final Clock clock = Clock.systemUTC();
    private final Duration delay;
    private final Consumer<String> evaluation;
    private final BooleanSupplier ingestBusy;
    private final double busyShare;
    private final LongSupplier evaluationClock;
    private volatile boolean enabled;

    /**
     * With an outbox in memory (lost with the process).
     *
     * @param enabled whether ingest triggers re-evaluation at all ({@code microcytic.reevaluation.enabled})
     * @param delay how long to wait for more data of the same patient before evaluating
     * @param threads evaluation threads
     * @param evaluation evaluates and stores one patient, by id
     */
    public ReevaluationScheduler(boolean enabled, Duration delay, int threads, Consumer<String> evaluation) {
        this(enabled, delay, threads, evaluation, () -> false, 1.0, threadCpuClock());
    }

    /**
     * @param outbox where the requests are kept
     * @param ingestBusy whether FHIR writes are coming in right now
     * @param busyShare the share of CPU an evaluation thread may use while ingest is busy (1: no pause)
     */
    public ReevaluationScheduler(
            ReevaluationOutbox outbox,
            boolean enabled,
            Duration delay,
            int threads,
            Consumer<String> evaluation,
            BooleanSupplier ingestBusy,
            double busyShare) {
        this(outbox, enabled, delay, threads, evaluation, ingestBusy, busyShare, threadCpuClock());
    }

    /**
     * With an outbox in memory.
     *
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
        this(
                new InMemoryReevaluationOutbox(Clock.systemUTC()),
                enabled,
                delay,
                threads,
                evaluation,
                ingestBusy,
                busyShare,
                evaluationClock);
    }

    private ReevaluationScheduler(
            ReevaluationOutbox outbox,
            boolean enabled,
            Duration delay,
            int threads,
            Consumer<String> evaluation,
            BooleanSupplier ingestBusy,
            double busyShare,
            LongSupplier evaluationClock) {
        this.outbox = outbox;
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

    /** Starts the sweep of the outbox (at once: rows left by a stopped or crashed process are due). */
    public void start() {
        executor.scheduleWithFixedDelay(this::sweep, 0, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes the patient's outbox row (in the caller's transaction, if any) and asks for a run; for callers outside an
     * ingest transaction. Ingest itself writes the row with {@link #record} and calls {@link #schedule} after commit.
     */
    public void request(String patientId) {
        if (!enabled || patientId == null || executor.isShutdown()) {
            return;
        }
        record(patientId);
        schedule(patientId);
    }

    /** Writes the patient's outbox row (due after the debounce delay); joins the caller's transaction. */
    void record(String patientId) {
        outbox.add(patientId, clock.instant());
    }

    /** Asks this process for a run after the debounce delay (the row is committed); cheap and non-blocking. */
    void schedule(String patientId) {
        enqueue(patientId, delay.toMillis());
    }

    private void enqueue(String patientId, long delayMillis) {
        if (patientId == null || executor.isShutdown()) {
            return;
        }
        if (pending.add(patientId)) {
            try {
                executor.schedule(() -> run(patientId), delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pending.remove(patientId);
                log.debug("Re-evaluation queue rejected a request: {}", e.getMessage());
            }
        }
    }

    private void sweep() {
        try {
            outbox.duePatients(dueCutoff(), SWEEP_BATCH).forEach(patientId -> enqueue(patientId, 0));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the re-evaluation outbox ({}); next sweep in 1 s",
                    e.getClass().getName());
        }
    }

    private void run(String patientId) {
        // Count as running first (isIdle never sees a gap), then leave the pending set before claiming the rows: a
        // row written from now on is not claimed by this run and asks for another.
        running.incrementAndGet();
        pending.remove(patientId);
        long started = evaluationClock.getAsLong();
        try {
            if (outbox.process(patientId, () -> evaluation.accept(patientId))) {
                completed.incrementAndGet();
            }
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

    /**
     * True when nothing is queued, running, or requested in the outbox, including rows still inside their debounce
     * delay (a failed patient's rows, postponed into the future for their back-off, do not count).
     */
    public boolean isIdle() {
        return pending.isEmpty()
                && running.get() == 0
                && outbox.duePatients(clock.instant(), 1).isEmpty();
    }

    /** Rows requested before this are due. */
    private Instant dueCutoff() {
        return clock.instant().minus(delay);
    }

    public long completedCount() {
        return completed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    /** Rows in the outbox: one per ingest transaction and patient, until the evaluation after it has committed. */
    public long pendingCount() {
        return outbox.rowCount();
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

package dev.microcytic.server.interpretation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The re-evaluation queue as Micrometer meters ({@code /actuator/metrics/microcytic.reevaluation.*} when the metrics
 * endpoint is exposed), so an operator can see whether interpretations keep up with ingest: the backlog
 * ({@code pending}: rows of the durable outbox), evaluations in progress, completed and failed evaluations, and how
 * often evaluation paused to leave the CPUs to a saturating ingest ({@code yields}). Counts only; no patient id is
 * ever a tag.
 */
public class ReevaluationMetrics implements MeterBinder {

    private final ReevaluationScheduler scheduler;

    public ReevaluationMetrics(ReevaluationScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("microcytic.reevaluation.pending", scheduler, ReevaluationScheduler::pendingCount)
                .description(
                        "Rows in the re-evaluation outbox (one per ingest transaction and patient, until evaluated)")
                .baseUnit("rows")
                .register(registry);
        Gauge.builder("microcytic.reevaluation.running", scheduler, ReevaluationScheduler::runningCount)
                .description("Re-evaluations in progress")
                .register(registry);
        FunctionCounter.builder("microcytic.reevaluation.completed", scheduler, ReevaluationScheduler::completedCount)
                .description("Re-evaluations stored")
                .register(registry);
        FunctionCounter.builder("microcytic.reevaluation.failed", scheduler, ReevaluationScheduler::failedCount)
                .description("Re-evaluations that failed (logged at WARN without patient data)")
                .register(registry);
        FunctionCounter.builder("microcytic.reevaluation.yields", scheduler, ReevaluationScheduler::yieldCount)
                .description("Pauses of an evaluation thread while ingest kept the CPUs saturated")
                .register(registry);
    }
}

package dev.microcytic.server.interpretation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-evaluation on ingest (contract §4): collects, inside the storing database transaction, the patients whose
 * differential the stored resources can change, and hands them to the {@link ReevaluationScheduler} once the
 * transaction has committed. A FHIR transaction Bundle of one Patient and twelve Observations therefore asks for one
 * evaluation, after its data is visible; a rolled-back ingest asks for none. Nothing here can fail the ingest: the
 * hooks only classify codes and collect ids, and catch everything.
 */
@Interceptor
public class ReevaluationInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ReevaluationInterceptor.class);

    /** Key of the per-transaction set of patient ids in Spring's transaction resources. */
    private final Object transactionKey = new Object();

    private final IngestRelevance relevance;
    private final ReevaluationScheduler scheduler;

    public ReevaluationInterceptor(IngestRelevance relevance, ReevaluationScheduler scheduler) {
        this.relevance = relevance;
        this.scheduler = scheduler;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        collect(resource);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource current) {
        // Both versions: a lab value corrected to another code, or a subject changed, affects both sides.
        collect(previous);
        collect(current);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource) {
        collect(resource);
    }

    private void collect(IBaseResource resource) {
        if (!scheduler.isEnabled() || resource == null || InterpretationWrites.inProgress()) {
            return;
        }
        try {
            relevance.patientAffectedBy(resource).ifPresent(this::afterCommit);
        } catch (RuntimeException e) {
            // Never fail the ingest because of the interpretation.
            log.warn("Could not classify a stored {} for re-evaluation: {}", resource.fhirType(), e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private void afterCommit(String patientId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.request(patientId);
            return;
        }
        Set<String> patients = (Set<String>) TransactionSynchronizationManager.getResource(transactionKey);
        if (patients == null) {
            Set<String> collected = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(transactionKey, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
                    if (status == STATUS_COMMITTED) {
                        collected.forEach(scheduler::request);
                    }
                }
            });
            patients = collected;
        }
        patients.add(patientId);
    }
}

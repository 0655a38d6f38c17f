package dev.microcytic.server.interpretation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-evaluation on ingest: finds, inside the storing database transaction, the patients whose differential the stored
 * resources can change, writes one outbox row per patient in that same transaction ({@link ReevaluationOutbox}), and
 * asks the {@link ReevaluationScheduler} for a run once the transaction has committed. A FHIR transaction Bundle of
 * one Patient and twelve Observations therefore writes one row and asks for one evaluation, after its data is visible;
 * a rolled-back ingest leaves no row, and a crash after the commit leaves the row for the next start. A failure to
 * classify a resource never fails the ingest; a failure to write the row does (the data and its row commit together
 * or not at all).
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
    public void created(IBaseResource resource, TransactionDetails transaction) {
        collect(resource, transaction);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource current, TransactionDetails transaction) {
        // Both versions: a lab value corrected to another code, or a subject changed, affects both sides.
        collect(previous, transaction);
        collect(current, transaction);
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void deleted(IBaseResource resource, TransactionDetails transaction) {
        collect(resource, transaction);
    }

    private void collect(IBaseResource resource, TransactionDetails transaction) {
        if (!scheduler.isEnabled() || resource == null || InterpretationWrites.inProgress()) {
            return;
        }
        Optional<String> patientId;
        try {
            patientId = relevance.subjectOf(resource).flatMap(subject -> patientId(subject, transaction));
        } catch (RuntimeException e) {
            // Never fail the ingest because of the interpretation.
            log.warn(
                    "Could not classify a stored {} for re-evaluation ({})",
                    resource.fhirType(),
                    e.getClass().getName());
            log.debug("Classification failure", e);
            return;
        }
        patientId.ifPresent(this::record);
    }

    /**
     * The patient id of a subject reference. Inside a FHIR transaction the reference may still be the
     * {@code urn:uuid:} placeholder of a Patient created by the same Bundle; HAPI's transaction details know its id.
     */
    private static Optional<String> patientId(String reference, TransactionDetails transaction) {
        if (reference.startsWith("urn:")) {
            if (transaction == null) {
                return Optional.empty();
            }
            IResourcePersistentId<?> resolved = transaction.getResolvedResourceId(new IdType(reference));
            IIdType id = resolved == null ? null : resolved.getAssociatedResourceId();
            if (id == null || !"Patient".equals(id.getResourceType())) {
                log.debug("Placeholder {} is not a resolved Patient in this transaction", reference);
                return Optional.empty();
            }
            return Optional.of(id.getIdPart());
        }
        IdType id = new IdType(reference);
        return "Patient".equals(id.getResourceType()) && id.hasIdPart()
                ? Optional.of(id.getIdPart())
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private void record(String patientId) {
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
                        collected.forEach(scheduler::schedule);
                    }
                }
            });
            patients = collected;
        }
        if (patients.add(patientId)) {
            scheduler.record(patientId);
        }
    }
}

package dev.microcytic.server.security;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores the AuditEvents HAPI's BALP interceptor produces in this server's own FHIR store, off the request path: the
 * request thread only puts the event in a bounded queue, and one background thread writes the queue in batches (one
 * database transaction per batch). When the store falls behind and the queue is full, further events are dropped
 * and counted (WARN), so that auditing never blocks or fails a request.
 *
 * <p>HAPI's own asynchronous sink sends the events to a FHIR server over HTTP; writing through the DAO avoids an HTTP
 * round trip and a token for the server to call itself.
 */
final class AuditEventWriter implements IBalpAuditEventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditEventWriter.class);
    private static final int BATCH = 200;

    private final IFhirSystemDao<Bundle, Meta> systemDao;
    private final BlockingQueue<AuditEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    AuditEventWriter(IFhirSystemDao<Bundle, Meta> systemDao, int capacity) {
        this.systemDao = systemDao;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "audit-event-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void recordAuditEvent(AuditEvent auditEvent) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A write is audited once it has committed: written earlier, the event could reference a resource that
            // other transactions cannot see yet, and a rolled-back write (e.g. denied by the scopes) never happened.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        enqueue(auditEvent);
                    }
                }
            });
        } else {
            enqueue(auditEvent);
        }
    }

    private void enqueue(AuditEvent auditEvent) {
        if (!queue.offer(auditEvent)) {
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                log.warn("Audit queue full: {} AuditEvents dropped so far (the store does not keep up)", count);
            }
        }
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Writes the events in one database transaction. Why not a FHIR batch: HAPI commits each batch entry on its own,
     * and on the embedded H2 store (which writes every commit to its file) 200 one-resource commits wrote 200 file
     * chunks: the audit thread took a whole core during an ingest and the file grew by about 1 MB per event. Only
     * when that transaction fails are the events written again as a batch, so one bad event does not lose the others.
     */
    private void write(List<AuditEvent> events) {
        try {
            systemDao.transaction(new SystemRequestDetails(), bundle(events, Bundle.BundleType.TRANSACTION));
            written.addAndGet(events.size());
            return;
        } catch (RuntimeException e) {
            log.debug(
                    "AuditEvent transaction failed ({}); writing the events one by one",
                    e.getClass().getSimpleName());
        }
        try {
            Bundle response =
                    systemDao.transaction(new SystemRequestDetails(), bundle(events, Bundle.BundleType.BATCH));
            long failed = response.getEntry().stream()
                    .filter(entry -> !entry.getResponse().getStatus().startsWith("2"))
                    .count();
            written.addAndGet(events.size() - failed);
            if (failed > 0) {
                // The OperationOutcomes name resource ids: DEBUG only.
                log.warn("{} of {} AuditEvents were not stored", failed, events.size());
                if (log.isDebugEnabled()) {
                    response.getEntry().stream()
                            .filter(entry -> !entry.getResponse().getStatus().startsWith("2"))
                            .forEach(entry -> log.debug(
                                    "AuditEvent not stored: {} {}",
                                    entry.getResponse().getStatus(),
                                    entry.getResponse().getOutcome() instanceof OperationOutcome outcome
                                            ? outcome.getIssueFirstRep().getDiagnostics()
                                            : ""));
                }
            }
        } catch (RuntimeException e) {
            // The events carry patient references: the exception class only.
            log.warn(
                    "Writing {} AuditEvents failed: {}",
                    events.size(),
                    e.getClass().getSimpleName());
        }
    }

    private static Bundle bundle(List<AuditEvent> events, Bundle.BundleType type) {
        Bundle bundle = new Bundle().setType(type);
        for (AuditEvent event : events) {
            bundle.addEntry()
                    .setResource(event)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("AuditEvent");
        }
        return bundle;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}

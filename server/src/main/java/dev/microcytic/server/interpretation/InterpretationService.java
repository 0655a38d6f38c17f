package dev.microcytic.server.interpretation;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.DifferentialWriter;
import dev.microcytic.cdshooks.fhir.Interpretation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a stored patient: reads the record, runs the one engine, renders the result with the one
 * {@link DifferentialWriter}, and (optionally) stores it. Used by {@code $microcytic-differential} and by
 * re-evaluation on ingest; both go through the same per-patient lock ({@link PatientLocks}: the database's on
 * PostgreSQL, so across replicas too), so the evaluations of a patient never interleave, and the store's
 * {@code If-Match} updates catch the rest.
 */
public class InterpretationService {

    private static final Logger log = LoggerFactory.getLogger(InterpretationService.class);
    private static final int ATTEMPTS = 4;

    private final PatientRecordReader records;
    private final DifferentialPipeline pipeline;
    private final DifferentialWriter writer;
    private final InterpretationStore store;
    private final Clock clock;
    private final PatientLocks locks;

    public InterpretationService(
            PatientRecordReader records,
            DifferentialPipeline pipeline,
            DifferentialWriter writer,
            InterpretationStore store,
            Clock clock,
            PatientLocks locks) {
        this.locks = locks;
        this.records = records;
        this.pipeline = pipeline;
        this.writer = writer;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Evaluates the patient and returns the result as a {@code collection} Bundle.
     *
     * @param persist store the interpretation (and supersede the previous one); otherwise only evaluate
     * @param serverBase the FHIR base URL for the fullUrls of stored resources
     * @throws ResourceNotFoundException when the patient does not exist
     */
    public Bundle evaluate(String patientId, boolean persist, String serverBase) {
        if (!persist) {
            PatientRecord record = records.read(patientId);
            return interpret(record).toUnsavedCollection();
        }
        List<Resource> stored = evaluateAndStore(patientId, true);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : stored) {
            bundle.addEntry()
                    .setFullUrl(serverBase + "/"
                            + resource.getIdElement().toUnqualifiedVersionless().getValue())
                    .setResource(resource);
        }
        return bundle;
    }

    /** Re-evaluation on ingest: a patient deleted in the meantime is skipped. */
    public void reevaluate(String patientId) {
        try {
            evaluateAndStore(patientId, false);
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            log.debug("Patient/{} is gone; nothing to re-evaluate", patientId);
        }
    }

    private List<Resource> evaluateAndStore(String patientId, boolean readBack) {
        return locks.withLock(patientId, () -> store(patientId, readBack));
    }

    private List<Resource> store(String patientId, boolean readBack) {
        for (int attempt = 1; ; attempt++) {
            try {
                PatientRecord record = records.read(patientId);
                Interpretation interpretation = interpret(record);
                return InterpretationWrites.run(() -> store.store(
                        interpretation, record.patientReference(), record.currentDifferentials(), readBack));
            } catch (ResourceVersionConflictException | PreconditionFailedException e) {
                // A writer outside the lock changed the differential meanwhile: read again and supersede it.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Concurrent evaluation of Patient/{}; retrying", patientId);
            }
        }
    }

    private Interpretation interpret(PatientRecord record) {
        Instant now = clock.instant();
        DifferentialPipeline.Evaluation evaluation = pipeline.evaluate(
                record.patient(),
                record.observations(),
                record.contextResources(),
                LocalDate.ofInstant(now, clock.getZone()));
        return writer.write(evaluation.differential(), record.patientReference(), now, evaluation.notes());
    }
}

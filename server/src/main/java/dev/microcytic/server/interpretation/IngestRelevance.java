package dev.microcytic.server.interpretation;

import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * Whose differential a stored resource can change: the pipeline's readers decide whether they read the resource
 * ({@link DifferentialPipeline#canChange}); this class adds only where its subject is. Everything the readers do not
 * read, including the service's own differential Observations, GuidanceResponses, RequestGroups and ServiceRequests,
 * is ignored, so the service's writes never re-trigger an evaluation.
 */
public class IngestRelevance {

    private final DifferentialPipeline pipeline;

    public IngestRelevance(DifferentialPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The subject reference (as written, possibly a {@code urn:uuid:} placeholder) of a resource that can change a
     * differential, or empty when it cannot change any.
     */
    public Optional<String> subjectOf(IBaseResource resource) {
        if (!pipeline.canChange(resource)) {
            return Optional.empty();
        }
        Reference subject = null;
        if (resource instanceof Observation observation) {
            subject = observation.getSubject();
        } else if (resource instanceof Condition condition) {
            subject = condition.getSubject();
        } else if (resource instanceof MedicationRequest request) {
            subject = request.getSubject();
        } else if (resource instanceof MedicationStatement statement) {
            subject = statement.getSubject();
        } else if (resource instanceof Procedure procedure) {
            subject = procedure.getSubject();
        }
        return subject == null || !subject.hasReference() ? Optional.empty() : Optional.of(subject.getReference());
    }
}

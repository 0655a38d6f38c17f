package dev.microcytic.server.interpretation;

import dev.microcytic.cdshooks.fhir.DifferentialWriter;
import dev.microcytic.terminology.CodeGroups;
import dev.microcytic.terminology.LabConcepts;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Decides whether a stored resource can change a patient's differential, and whose: lab Observations of an analyte
 * the engine reads (and the pregnancy-status Observation), Conditions that set a clinical flag or a pregnancy,
 * medications of a class the engine reads, red-cell transfusions. Everything else, including the service's own
 * differential Observations, GuidanceResponses, RequestGroups and ServiceRequests, is ignored, so the service's
 * writes never re-trigger an evaluation.
 */
public class IngestRelevance {

    static final String LOINC = "http://loinc.org";
    /** Pregnancy status (contract §3.3). */
    static final String PREGNANCY_STATUS_LOINC = "82810-3";

    private final LabConcepts labConcepts;
    private final CodeGroups codeGroups;

    public IngestRelevance(LabConcepts labConcepts, CodeGroups codeGroups) {
        this.labConcepts = labConcepts;
        this.codeGroups = codeGroups;
    }

    /** The id of the patient whose differential the resource can change, or empty when it cannot change any. */
    public Optional<String> patientAffectedBy(IBaseResource resource) {
        return subjectOf(resource).flatMap(IngestRelevance::patientId);
    }

    /**
     * The subject reference (as written, possibly a {@code urn:uuid:} placeholder) of a resource that can change a
     * differential, or empty when it cannot change any.
     */
    public Optional<String> subjectOf(IBaseResource resource) {
        if (resource instanceof Observation observation) {
            return relevant(observation) ? subject(observation.getSubject()) : Optional.empty();
        }
        if (resource instanceof Condition condition) {
            return relevant(condition.getCode()) ? subject(condition.getSubject()) : Optional.empty();
        }
        if (resource instanceof MedicationRequest request) {
            return relevantMedication(
                            request,
                            request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null,
                            request.hasMedicationReference() ? request.getMedicationReference() : null)
                    ? subject(request.getSubject())
                    : Optional.empty();
        }
        if (resource instanceof MedicationStatement statement) {
            return relevantMedication(
                            statement,
                            statement.hasMedicationCodeableConcept() ? statement.getMedicationCodeableConcept() : null,
                            statement.hasMedicationReference() ? statement.getMedicationReference() : null)
                    ? subject(statement.getSubject())
                    : Optional.empty();
        }
        if (resource instanceof Procedure procedure) {
            return procedure.getCode().getCoding().stream()
                            .anyMatch(c -> codeGroups.isRedCellTransfusion(c.getSystem(), c.getCode()))
                    ? subject(procedure.getSubject())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private boolean relevant(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (DifferentialWriter.PRODUCT_SYSTEM.equals(coding.getSystem())) {
                // The service's own output is never an input.
                return false;
            }
        }
        for (Coding coding : observation.getCode().getCoding()) {
            if (coding.getSystem() == null || coding.getCode() == null) {
                continue;
            }
            if (LOINC.equals(coding.getSystem()) && PREGNANCY_STATUS_LOINC.equals(coding.getCode())) {
                return true;
            }
            if (labConcepts.analyteFor(coding.getSystem(), coding.getCode()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private boolean relevant(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (coding.getSystem() == null || coding.getCode() == null) {
                continue;
            }
            if (!codeGroups.conditionFlags(coding.getSystem(), coding.getCode()).isEmpty()
                    || codeGroups
                            .pregnancyFromCondition(coding.getSystem(), coding.getCode())
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    private boolean relevantMedication(Resource owner, CodeableConcept concept, Reference reference) {
        if (concept != null && medicationOfInterest(concept)) {
            return true;
        }
        if (reference != null && reference.getReference() != null) {
            // A contained Medication can be checked here; a referenced one is not read on the ingest path, so it
            // counts as relevant (a spare evaluation is cheaper than a stale differential).
            if (reference.getReference().startsWith("#") && owner instanceof org.hl7.fhir.r4.model.DomainResource d) {
                return d.getContained().stream()
                        .filter(Medication.class::isInstance)
                        .map(Medication.class::cast)
                        .anyMatch(m -> medicationOfInterest(m.getCode()) || ingredientOfInterest(m));
            }
            return true;
        }
        return false;
    }

    private boolean ingredientOfInterest(Medication medication) {
        return medication.getIngredient().stream()
                .filter(Medication.MedicationIngredientComponent::hasItemCodeableConcept)
                .anyMatch(i -> medicationOfInterest(i.getItemCodeableConcept()));
    }

    private boolean medicationOfInterest(CodeableConcept concept) {
        List<Coding> codings = concept.getCoding();
        for (Coding coding : codings) {
            if (!codeGroups
                    .medicationClasses(coding.getSystem(), coding.getCode(), coding.getDisplay())
                    .isEmpty()) {
                return true;
            }
        }
        return concept.hasText()
                && !codeGroups.medicationClasses(null, null, concept.getText()).isEmpty();
    }

    private static Optional<String> subject(Reference subject) {
        return subject == null || !subject.hasReference() ? Optional.empty() : Optional.of(subject.getReference());
    }

    private static Optional<String> patientId(String reference) {
        org.hl7.fhir.r4.model.IdType id = new org.hl7.fhir.r4.model.IdType(reference);
        if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart()) {
            return Optional.empty();
        }
        return Optional.of(id.getIdPart());
    }
}

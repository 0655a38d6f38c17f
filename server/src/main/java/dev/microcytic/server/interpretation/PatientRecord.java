package dev.microcytic.server.interpretation;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;

/**
 * What the server holds about one patient that the differential reads: the same inputs a CDS Hooks prefetch carries
 * (the prefetch keys of the CDS services), read from the JPA store; and the service's current differential Observations, which a new
 * evaluation supersedes (read by the same search as the labs, so an evaluation searches the patient's Observations once).
 */
public record PatientRecord(
        Patient patient,
        List<Observation> observations,
        List<Condition> conditions,
        List<MedicationRequest> medicationRequests,
        List<MedicationStatement> medicationStatements,
        List<Procedure> procedures,
        List<Observation> currentDifferentials) {

    public PatientRecord {
        observations = List.copyOf(observations);
        currentDifferentials = List.copyOf(currentDifferentials);
        conditions = List.copyOf(conditions);
        medicationRequests = List.copyOf(medicationRequests);
        medicationStatements = List.copyOf(medicationStatements);
        procedures = List.copyOf(procedures);
    }

    /**
     * What the context reader reads: Conditions, medications, Procedures, and the Observations (the pregnancy-status
     * Observation is context, not a lab value).
     */
    public List<IBaseResource> contextResources() {
        List<IBaseResource> resources = new ArrayList<>();
        resources.addAll(conditions);
        resources.addAll(medicationRequests);
        resources.addAll(medicationStatements);
        resources.addAll(procedures);
        resources.addAll(observations);
        return resources;
    }

    /** The versionless {@code Patient/id} reference. */
    public String patientReference() {
        return "Patient/" + patient.getIdElement().getIdPart();
    }
}

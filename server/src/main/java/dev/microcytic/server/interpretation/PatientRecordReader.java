package dev.microcytic.server.interpretation;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.Vocabulary;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Reads a patient's stored record through HAPI's DAOs (not over HTTP: the server evaluates its own data, inside its
 * own authorisation boundary).
 */
public class PatientRecordReader {

    /** More results than any realistic lab history of one patient; the reader keeps the latest per analyte. */
    static final int MAX_RESOURCES_PER_TYPE = 5000;

    private final DaoRegistry daoRegistry;
    private final Set<String> observationCodes;

    /**
     * @param observationCodes the LOINC codes of the Observations the engine reads (lab analytes and pregnancy
     *     status); other Observations of the patient, including the service's own differentials, are not loaded
     */
    public PatientRecordReader(DaoRegistry daoRegistry, List<String> observationCodes) {
        this.daoRegistry = daoRegistry;
        this.observationCodes = Set.copyOf(observationCodes);
    }

    /**
     * @throws ResourceNotFoundException when there is no such patient (HAPI answers 404 with an OperationOutcome)
     */
    public PatientRecord read(String patientId) {
        RequestDetails request = new SystemRequestDetails();
        IdType id = new IdType("Patient", patientId);
        Patient patient = daoRegistry.getResourceDao(Patient.class).read(id, request);
        String reference = "Patient/" + patient.getIdElement().getIdPart();
        List<Observation> observations = search(Observation.class, "subject", reference, request);
        return new PatientRecord(
                patient,
                observations.stream().filter(this::hasEngineCode).toList(),
                search(Condition.class, "subject", reference, request),
                search(MedicationRequest.class, "subject", reference, request),
                search(MedicationStatement.class, "subject", reference, request),
                search(Procedure.class, "subject", reference, request),
                observations.stream()
                        .filter(PatientRecordReader::isCurrentDifferential)
                        .toList());
    }

    // The patient's Observations are searched by subject alone and filtered here: with a code condition as well,
    // H2's planner starts from the token index and walks every patient's labs, so each re-evaluation got slower as
    // the store grew; by subject it reads only this patient's rows.

    /** A differential Observation of this service with status final: the patient's current interpretation. */
    static boolean isCurrentDifferential(Observation observation) {
        return observation.getStatus() == Observation.ObservationStatus.FINAL
                && observation.getCode().getCoding().stream()
                        .anyMatch(coding -> Vocabulary.CDS_SYSTEM.equals(coding.getSystem())
                                && Vocabulary.DIFFERENTIAL_CODE.equals(coding.getCode()));
    }

    private boolean hasEngineCode(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (LabConcepts.LOINC.equals(coding.getSystem()) && observationCodes.contains(coding.getCode())) {
                return true;
            }
        }
        return false;
    }

    private <T extends IBaseResource> List<T> search(
            Class<T> type, String parameter, String reference, RequestDetails request) {
        SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(reference));
        map.setLoadSynchronousUpTo(MAX_RESOURCES_PER_TYPE);
        IBundleProvider results = daoRegistry.getResourceDao(type).search(map, request);
        return results.getAllResources().stream().map(type::cast).toList();
    }
}

package dev.microcytic.server.interpretation;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.microcytic.terminology.Vocabulary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * {@code Patient/{id}/$microcytic-differential}: evaluates the patient's stored data and answers a
 * {@code collection} Bundle with the differential Observation, the GuidanceResponse, the RequestGroup and the
 * ServiceRequest proposals, stored on {@code POST} unless {@code persist=false}; a {@code GET} evaluates without storing
 * (a GET must be safe: caches, prefetchers and link checkers may send it). HAPI declares it in the CapabilityStatement and
 * generates its OperationDefinition from these annotations.
 */
public class MicrocyticDifferentialProvider {

    public static final String OPERATION = "$microcytic-differential";

    private final InterpretationService interpretations;

    public MicrocyticDifferentialProvider(InterpretationService interpretations) {
        this.interpretations = interpretations;
    }

    @Operation(
            name = OPERATION,
            type = Patient.class,
            idempotent = true,
            canonicalUrl = Vocabulary.DIFFERENTIAL_OPERATION)
    @Description(
            shortDefinition = "Microcytic anemia differential of a stored patient",
            value = "Evaluates the patient's stored Patient, Observations, Conditions, MedicationRequests and "
                    + "MedicationStatements with the microcytic-cds engine and returns a collection Bundle with the "
                    + "differential Observation, the GuidanceResponse, the RequestGroup and the ServiceRequest "
                    + "proposals for the next tests. On POST the result is stored (superseding the previous "
                    + "interpretation) unless persist=false; GET never stores. When nothing microcytic is found the Bundle holds only the "
                    + "GuidanceResponse.")
    public Bundle differential(
            @IdParam IdType patientId,
            @Description(
                            shortDefinition =
                                    "Store the interpretation (default true); false evaluates without" + " storing")
                    @OperationParam(name = "persist", min = 0, max = 1)
                    BooleanType persist,
            RequestDetails requestDetails) {
        boolean store = requestDetails.getRequestType() == RequestTypeEnum.POST
                && (persist == null || persist.getValue() == null || persist.getValue());
        return interpretations.evaluate(patientId.getIdPart(), store, requestDetails.getFhirServerBase());
    }
}

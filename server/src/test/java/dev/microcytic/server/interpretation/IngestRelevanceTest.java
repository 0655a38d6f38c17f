package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.fhir.DifferentialWriter;
import dev.microcytic.terminology.CodeGroups;
import dev.microcytic.terminology.LabConcepts;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class IngestRelevanceTest {

    private final IngestRelevance relevance = new IngestRelevance(LabConcepts.standard(), CodeGroups.standard());

    @Test
    void labObservationOfAnAnalyteTheEngineReadsAffectsItsPatient() {
        assertThat(relevance.patientAffectedBy(observation("http://loinc.org", "2276-4", "Patient/p1")))
                .hasValue("p1");
        assertThat(relevance.patientAffectedBy(observation("http://loinc.org", "718-7", "Patient/p2")))
                .hasValue("p2");
        assertThat(relevance.patientAffectedBy(observation("http://loinc.org", "82810-3", "Patient/p3")))
                .hasValue("p3");
    }

    @Test
    void otherObservationsAndTheServicesOwnOutputDoNot() {
        assertThat(relevance.patientAffectedBy(observation("http://loinc.org", "8480-6", "Patient/p1")))
                .isEmpty();
        assertThat(relevance.patientAffectedBy(observation(
                        DifferentialWriter.PRODUCT_SYSTEM, DifferentialWriter.DIFFERENTIAL_CODE, "Patient/p1")))
                .isEmpty();
        assertThat(relevance.patientAffectedBy(new GuidanceResponse().setSubject(new Reference("Patient/p1"))))
                .isEmpty();
        assertThat(relevance.patientAffectedBy(new ServiceRequest().setSubject(new Reference("Patient/p1"))))
                .isEmpty();
        // A lab value of a Group or without subject has no patient to re-evaluate.
        assertThat(relevance.patientAffectedBy(observation("http://loinc.org", "2276-4", "Group/g1")))
                .isEmpty();
    }

    @Test
    void placeholderSubjectsAreReportedForTheTransactionToResolve() {
        assertThat(relevance.subjectOf(observation("http://loinc.org", "2276-4", "urn:uuid:1234")))
                .hasValue("urn:uuid:1234");
        assertThat(relevance.patientAffectedBy(observation("http://loinc.org", "2276-4", "urn:uuid:1234")))
                .isEmpty();
    }

    @Test
    void relevantConditionsAndMedications() {
        Condition crohn = new Condition()
                .setSubject(new Reference("Patient/p1"))
                .setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "K50.90", null)));
        Condition sprain = new Condition()
                .setSubject(new Reference("Patient/p1"))
                .setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "S93.401A", null)));
        MedicationRequest isoniazid = new MedicationRequest()
                .setSubject(new Reference("Patient/p1"))
                .setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", "J04AC01", "isoniazid")));
        MedicationStatement paracetamol = new MedicationStatement()
                .setSubject(new Reference("Patient/p1"))
                .setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", "N02BE01", "paracetamol")));

        assertThat(relevance.patientAffectedBy(crohn)).hasValue("p1");
        assertThat(relevance.patientAffectedBy(sprain)).isEmpty();
        assertThat(relevance.patientAffectedBy(isoniazid)).hasValue("p1");
        assertThat(relevance.patientAffectedBy(paracetamol)).isEmpty();
    }

    private static Observation observation(String system, String code, String subject) {
        Observation observation = new Observation();
        observation.setCode(new CodeableConcept(new Coding(system, code, null)));
        observation.setSubject(new Reference(subject));
        return observation;
    }
}

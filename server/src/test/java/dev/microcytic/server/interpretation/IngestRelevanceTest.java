package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.terminology.Vocabulary;
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

    private final IngestRelevance relevance = new IngestRelevance(new DifferentialPipeline(
            GuidelineDifferentialEngine.standard(), LabPanelReader.standard(), PatientContextReader.standard()));

    @Test
    void labObservationOfAnAnalyteTheEngineReadsAffectsItsPatient() {
        assertThat(relevance.subjectOf(observation("http://loinc.org", "2276-4", "Patient/p1")))
                .hasValue("Patient/p1");
        assertThat(relevance.subjectOf(observation("http://loinc.org", "718-7", "Patient/p2")))
                .hasValue("Patient/p2");
        assertThat(relevance.subjectOf(observation("http://loinc.org", "82810-3", "Patient/p3")))
                .hasValue("Patient/p3");
    }

    @Test
    void otherObservationsAndTheServicesOwnOutputDoNot() {
        assertThat(relevance.subjectOf(observation("http://loinc.org", "8480-6", "Patient/p1")))
                .isEmpty();
        assertThat(relevance.subjectOf(observation(Vocabulary.CDS_SYSTEM, Vocabulary.DIFFERENTIAL_CODE, "Patient/p1")))
                .isEmpty();
        assertThat(relevance.subjectOf(new GuidanceResponse().setSubject(new Reference("Patient/p1"))))
                .isEmpty();
        assertThat(relevance.subjectOf(new ServiceRequest().setSubject(new Reference("Patient/p1"))))
                .isEmpty();
        // Without a subject there is nobody to re-evaluate.
        assertThat(relevance.subjectOf(
                        new Observation().setCode(new CodeableConcept(new Coding("http://loinc.org", "2276-4", null)))))
                .isEmpty();
    }

    @Test
    void placeholderSubjectsAreReportedForTheTransactionToResolve() {
        assertThat(relevance.subjectOf(observation("http://loinc.org", "2276-4", "urn:uuid:1234")))
                .hasValue("urn:uuid:1234");
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

        assertThat(relevance.subjectOf(crohn)).hasValue("Patient/p1");
        assertThat(relevance.subjectOf(sprain)).isEmpty();
        assertThat(relevance.subjectOf(isoniazid)).hasValue("Patient/p1");
        assertThat(relevance.subjectOf(paracetamol)).isEmpty();
    }

    @Test
    void aPanelWhoseComponentTheLabReaderReadsAffectsItsPatient() {
        Observation panel = observation("http://loinc.org", "58410-2", "Patient/p1");
        panel.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "718-7", null)));

        assertThat(relevance.subjectOf(panel)).hasValue("Patient/p1");
    }

    private static Observation observation(String system, String code, String subject) {
        Observation observation = new Observation();
        observation.setCode(new CodeableConcept(new Coding(system, code, null)));
        observation.setSubject(new Reference(subject));
        return observation;
    }
}

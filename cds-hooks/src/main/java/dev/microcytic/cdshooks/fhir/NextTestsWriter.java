package dev.microcytic.cdshooks.fhir;

import static dev.microcytic.cdshooks.fhir.FhirText.localReference;
import static dev.microcytic.cdshooks.fhir.FhirText.millis;
import static dev.microcytic.cdshooks.fhir.FhirText.narrative;
import static dev.microcytic.cdshooks.fhir.FhirText.placeholder;
import static dev.microcytic.cdshooks.fhir.FhirText.sentence;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Vocabulary;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The next tests as FHIR: one draft {@link ServiceRequest} proposal per test (with the causes it settles as reasons)
 * and the {@link RequestGroup} that orders them, both pointing at the differential Observation.
 */
final class NextTestsWriter {

    private final CauseCodings causeCodings;

    NextTestsWriter(CauseCodings causeCodings) {
        this.causeCodings = causeCodings;
    }

    /** The RequestGroup (null when there is no next test) and its proposals. */
    record Proposals(RequestGroup group, List<ServiceRequest> requests) {}

    Proposals write(
            Differential differential, String patientReference, Date when, String module, Observation observation) {
        List<ServiceRequest> proposals = new ArrayList<>();
        Map<String, SuggestedTest> tests = nextTests(differential);
        if (tests.isEmpty()) {
            return new Proposals(null, proposals);
        }
        RequestGroup group = new RequestGroup();
        group.setIdElement(placeholder());
        group.setStatus(RequestGroup.RequestStatus.ACTIVE);
        group.setIntent(RequestGroup.RequestIntent.PROPOSAL);
        group.addInstantiatesUri(module);
        group.setSubject(new Reference(patientReference));
        group.setAuthoredOnElement(millis(when));
        group.addReasonReference(localReference(observation));
        group.getCode().setText("Next tests for the microcytic anemia work-up");
        Urgency urgency = differential.leading().map(CandidateCause::urgency).orElse(Urgency.INFO);
        for (SuggestedTest test : tests.values()) {
            ServiceRequest proposal = proposal(test, differential, patientReference, when, module, observation);
            proposals.add(proposal);
            group.addAction()
                    .setTitle(test.display())
                    .setDescription(test.reason())
                    .setPriority(priority(urgency))
                    .addCode(testConcept(test))
                    .setResource(localReference(proposal));
        }
        group.setText(narrative("Proposed next tests: "
                + tests.values().stream().map(SuggestedTest::display).collect(Collectors.joining(", "))
                + "."));
        return new Proposals(group, proposals);
    }

    private ServiceRequest proposal(
            SuggestedTest test,
            Differential differential,
            String patientReference,
            Date when,
            String module,
            Observation observation) {
        ServiceRequest request = new ServiceRequest();
        request.setIdElement(placeholder());
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.addInstantiatesUri(module);
        request.setCode(testConcept(test));
        request.setSubject(new Reference(patientReference));
        request.setAuthoredOnElement(millis(when));
        Urgency urgency = differential.leading().map(CandidateCause::urgency).orElse(Urgency.INFO);
        request.setPriority(
                urgency == Urgency.CRITICAL
                        ? ServiceRequest.ServiceRequestPriority.URGENT
                        : ServiceRequest.ServiceRequestPriority.ROUTINE);
        for (CandidateCause cause : differential.causes()) {
            if (cause.nextTests().stream().anyMatch(t -> t.code().equals(test.code()))) {
                request.addReasonCode(causeCodings.concept(cause));
            }
        }
        request.addReasonReference(localReference(observation));
        if (test.reason() != null && !test.reason().isBlank()) {
            request.addNote(new Annotation().setText(test.reason()));
        }
        request.setText(narrative("Proposed: " + test.display()
                + (test.reason() == null || test.reason().isBlank() ? "." : " - " + sentence(test.reason()))));
        return request;
    }

    /**
     * Differential-level next tests first (in {@link TestPriority} order), then any a cause lists that the engine left
     * out.
     */
    private static Map<String, SuggestedTest> nextTests(Differential differential) {
        Map<String, SuggestedTest> tests = new LinkedHashMap<>();
        TestPriority.forDifferential(differential, differential.nextTests())
                .forEach(test -> tests.putIfAbsent(test.code(), test));
        differential.causes().stream()
                .flatMap(cause -> cause.nextTests().stream())
                .forEach(test -> tests.putIfAbsent(test.code(), test));
        return tests;
    }

    private static CodeableConcept testConcept(SuggestedTest test) {
        CodeableConcept concept = new CodeableConcept().setText(test.display());
        concept.addCoding(new Coding(Vocabulary.TEST_SYSTEM, test.code(), test.display()));
        if (test.loinc() != null && !test.loinc().isBlank()) {
            concept.addCoding(new Coding().setSystem(Vocabulary.LOINC).setCode(test.loinc()));
        }
        return concept;
    }

    private static RequestGroup.RequestPriority priority(Urgency urgency) {
        return urgency == Urgency.CRITICAL ? RequestGroup.RequestPriority.URGENT : RequestGroup.RequestPriority.ROUTINE;
    }
}

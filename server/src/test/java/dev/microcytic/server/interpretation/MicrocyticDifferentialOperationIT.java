package dev.microcytic.server.interpretation;

import static dev.microcytic.server.interpretation.InterpretationItSupport.currentDifferentials;
import static dev.microcytic.server.interpretation.InterpretationItSupport.differentialOperation;
import static dev.microcytic.server.interpretation.InterpretationItSupport.differentials;
import static dev.microcytic.server.interpretation.InterpretationItSupport.guidanceResponses;
import static dev.microcytic.server.interpretation.InterpretationItSupport.ingest;
import static dev.microcytic.server.interpretation.InterpretationItSupport.openProposals;
import static dev.microcytic.server.interpretation.InterpretationItSupport.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.fhir.R4CoreValidator;
import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.terminology.Vocabulary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code Patient/{id}/$microcytic-differential} on the dev vignettes ingested as lab-system transactions. */
class MicrocyticDifferentialOperationIT extends AbstractServerIT {

    private static final String CAUSE_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-cause";
    private static final String TEST_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-test";

    @Autowired
    private ReevaluationScheduler scheduler;

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<String> vignetteIds() {
        return VignetteBundles.all().stream().map(VignetteBundles.Vignette::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignetteIds")
    void operationStoresAndReturnsTheSameRankingAsTheCards(String vignetteId) {
        IGenericClient client = fhirClient();
        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId(vignetteId), Instant.now()));
        // Let the ingest's own re-evaluation finish, so the operation's result is the last word.
        await().atMost(Duration.ofSeconds(30)).until(scheduler::isIdle);
        InterpretationItSupport.Expected expected = InterpretationItSupport.expected(client, patientId);

        Bundle result = differentialOperation(client, patientId, null);

        assertThat(result.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        List<GuidanceResponse> guidance = resources(result, GuidanceResponse.class);
        assertThat(guidance).hasSize(1);
        assertThat(guidance.get(0).getModuleUriType().getValue())
                .isEqualTo("https://fhir.microcytic.dev/knowledge/microcytic/"
                        + expected.differential().knowledgeVersion());
        assertThat(guidance.get(0).getSubject().getReference()).isEqualTo("Patient/" + patientId);
        for (Bundle.BundleEntryComponent entry : result.getEntry()) {
            assertThat(entry.getFullUrl()).startsWith(fhirBaseUrl() + "/");
            assertThat(R4CoreValidator.errors(entry.getResource()))
                    .as(entry.getFullUrl())
                    .isEmpty();
        }

        if (expected.differential().isEmpty()) {
            assertThat(expected.firstCardTopic()).isNull();
            assertThat(result.getEntry()).hasSize(1);
            assertThat(guidance.get(0).getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
            assertThat(guidance.get(0).hasResult()).isFalse();
            assertThat(currentDifferentials(client, patientId)).isEmpty();
            return;
        }

        List<Observation> observations = resources(result, Observation.class);
        assertThat(observations).hasSize(1);
        Observation differential = observations.get(0);
        Coding leading = differential.getValueCodeableConcept().getCodingFirstRep();
        assertThat(leading.getSystem()).isEqualTo(CAUSE_SYSTEM);
        assertThat(leading.getCode()).isEqualTo(expected.firstCardTopic());
        assertThat(differential.getComponent())
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactlyElementsOf(expected.differential().causes().stream()
                        .map(CandidateCause::code)
                        .distinct()
                        .toList());
        assertThat(differential.getDerivedFrom()).isNotEmpty().allSatisfy(ref -> {
            Observation lab = client.read()
                    .resource(Observation.class)
                    .withId(ref.getReferenceElement())
                    .execute();
            assertThat(lab.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        });
        assertThat(differential.getNote()).isNotEmpty();

        GuidanceResponse response = guidance.get(0);
        assertThat(response.getStatus())
                .isEqualTo(
                        expected.differential().missingAnalytes().isEmpty()
                                ? GuidanceResponse.GuidanceResponseStatus.SUCCESS
                                : GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
        assertThat(response.getDataRequirement())
                .hasSize(expected.differential().missingAnalytes().size());
        List<RequestGroup> groups = resources(result, RequestGroup.class);
        List<ServiceRequest> proposals = resources(result, ServiceRequest.class);
        if (!proposals.isEmpty()) {
            assertThat(groups).hasSize(1);
            assertThat(response.getResult().getReference())
                    .isEqualTo(groups.get(0)
                            .getIdElement()
                            .toUnqualifiedVersionless()
                            .getValue());
            assertThat(groups.get(0).getAction())
                    .extracting(a -> a.getResource().getReference())
                    .containsExactlyElementsOf(proposals.stream()
                            .map(p ->
                                    p.getIdElement().toUnqualifiedVersionless().getValue())
                            .toList());
        }
        assertThat(proposals).allSatisfy(proposal -> {
            assertThat(proposal.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
            assertThat(proposal.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PROPOSAL);
            assertThat(proposal.getCode().getCodingFirstRep().getSystem()).isEqualTo(TEST_SYSTEM);
            assertThat(proposal.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        });

        // Stored: the returned Observation is the patient's one current differential and the newest by date.
        List<Observation> current = currentDifferentials(client, patientId);
        assertThat(current)
                .extracting(o -> o.getIdElement().getIdPart())
                .containsExactly(differential.getIdElement().getIdPart());
        assertThat(differentials(client, patientId).get(0).getIdElement().getIdPart())
                .isEqualTo(differential.getIdElement().getIdPart());
        assertThat(openProposals(client, patientId))
                .extracting(p -> p.getIdElement().getIdPart())
                .containsExactlyInAnyOrderElementsOf(proposals.stream()
                        .map(p -> p.getIdElement().getIdPart())
                        .toList());
    }

    @Test
    void persistFalseEvaluatesWithoutStoring() {
        IGenericClient client = fhirClient();
        scheduler.setEnabled(false);
        String patientId;
        try {
            patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V15"), Instant.now()));
        } finally {
            scheduler.setEnabled(true);
        }

        Bundle result = differentialOperation(client, patientId, false);

        assertThat(resources(result, Observation.class)).hasSize(1);
        assertThat(result.getEntry())
                .allSatisfy(entry -> assertThat(entry.getFullUrl()).startsWith("urn:uuid:"));
        Reference groupReference =
                resources(result, GuidanceResponse.class).get(0).getResult();
        assertThat(result.getEntry())
                .anySatisfy(entry -> assertThat(entry.getFullUrl()).isEqualTo(groupReference.getReference()));
        assertThat(differentials(client, patientId)).isEmpty();
        assertThat(guidanceResponses(client, patientId)).isEmpty();
        assertThat(openProposals(client, patientId)).isEmpty();
    }

    @Test
    void unknownPatientIsA404WithOperationOutcome() throws Exception {
        for (String method : List.of("POST", "GET")) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(fhirBaseUrl() + "/Patient/no-such-patient-xyz/$microcytic-differential"))
                    .header("Accept", "application/fhir+json")
                    .method(
                            method,
                            method.equals("POST")
                                    ? HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")
                                    : HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/fhir+json")
                    .build();

            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(fhirContext().newJsonParser().parseResource(response.body()))
                    .isInstanceOf(OperationOutcome.class);
        }
    }

    @Test
    void getEvaluatesWithoutStoringAndPostStores() throws Exception {
        IGenericClient client = fhirClient();
        scheduler.setEnabled(false);
        String patientId;
        try {
            patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V15"), Instant.now()));
        } finally {
            scheduler.setEnabled(true);
        }

        HttpResponse<String> dryRun = http.send(
                HttpRequest.newBuilder(URI.create(
                                fhirBaseUrl() + "/Patient/" + patientId + "/$microcytic-differential?persist=false"))
                        .header("Accept", "application/fhir+json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(differentials(client, patientId)).isEmpty();

        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(
                                URI.create(fhirBaseUrl() + "/Patient/" + patientId + "/$microcytic-differential"))
                        .header("Accept", "application/fhir+json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        Bundle bundle = fhirContext().newJsonParser().parseResource(Bundle.class, get.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).startsWith("urn:uuid:");
        // A GET is safe: it evaluates, but never stores.
        assertThat(differentials(client, patientId)).isEmpty();

        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(
                                URI.create(fhirBaseUrl() + "/Patient/" + patientId + "/$microcytic-differential"))
                        .header("Accept", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(currentDifferentials(client, patientId)).hasSize(1);
    }

    @Test
    void invalidPersistValueIsA400() throws Exception {
        IGenericClient client = fhirClient();
        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V01"), Instant.now()));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                fhirBaseUrl() + "/Patient/" + patientId + "/$microcytic-differential?persist=maybe"))
                        .header("Accept", "application/fhir+json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void capabilityStatementDeclaresTheOperationWithItsDefinition() {
        CapabilityStatement capabilities =
                fhirClient().capabilities().ofType(CapabilityStatement.class).execute();

        CapabilityStatement.CapabilityStatementRestResourceComponent patient =
                capabilities.getRestFirstRep().getResource().stream()
                        .filter(r -> r.getType().equals("Patient"))
                        .findFirst()
                        .orElseThrow();
        assertThat(patient.getOperation())
                .filteredOn(o -> o.getName().equals("microcytic-differential"))
                .singleElement()
                .satisfies(o -> assertThat(o.getDefinition()).isEqualTo(Vocabulary.DIFFERENTIAL_OPERATION));
    }
}

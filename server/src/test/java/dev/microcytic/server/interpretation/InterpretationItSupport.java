package dev.microcytic.server.interpretation;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.cdshooks.service.CardWriter;
import dev.microcytic.terminology.Vocabulary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;

/** FHIR client helpers shared by the interpretation ITs. */
final class InterpretationItSupport {

    static final String DIFFERENTIAL_TOKEN = Vocabulary.CDS_SYSTEM + "|" + Vocabulary.DIFFERENTIAL_CODE;

    private InterpretationItSupport() {}

    /** Posts a transaction and returns the id of the Patient it created (its first entry). */
    static String ingest(IGenericClient client, Bundle transaction) {
        Bundle response = client.transaction().withBundle(transaction).execute();
        return new IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();
    }

    static Bundle differentialOperation(IGenericClient client, String patientId, Boolean persist) {
        var operation =
                client.operation().onInstance(new IdType("Patient", patientId)).named("$microcytic-differential");
        org.hl7.fhir.r4.model.Parameters parameters = new org.hl7.fhir.r4.model.Parameters();
        if (persist != null) {
            parameters.addParameter("persist", new org.hl7.fhir.r4.model.BooleanType(persist));
        }
        return operation
                .withParameters(parameters)
                .returnResourceType(Bundle.class)
                .execute();
    }

    /** All differential Observations of the patient, newest first (the query the README documents). */
    static List<Observation> differentials(IGenericClient client, String patientId) {
        Bundle bundle = client.search()
                .byUrl("Observation?subject=Patient/" + patientId + "&code=" + DIFFERENTIAL_TOKEN
                        + "&_sort=-date&_count=100")
                .returnBundle(Bundle.class)
                .execute();
        return resources(bundle, Observation.class);
    }

    static List<Observation> currentDifferentials(IGenericClient client, String patientId) {
        return differentials(client, patientId).stream()
                .filter(o -> o.getStatus() == Observation.ObservationStatus.FINAL)
                .toList();
    }

    static List<GuidanceResponse> guidanceResponses(IGenericClient client, String patientId) {
        Bundle bundle = client.search()
                .byUrl("GuidanceResponse?subject=Patient/" + patientId + "&_count=100")
                .returnBundle(Bundle.class)
                .execute();
        return resources(bundle, GuidanceResponse.class);
    }

    static List<ServiceRequest> openProposals(IGenericClient client, String patientId) {
        Bundle bundle = client.search()
                .byUrl("ServiceRequest?subject=Patient/" + patientId + "&status=draft&intent=proposal&_count=100")
                .returnBundle(Bundle.class)
                .execute();
        return resources(bundle, ServiceRequest.class);
    }

    /**
     * What the CDS Hooks side answers for the same stored data: the prefetch resources read back over FHIR, the same
     * readers, the one engine, and the cards of {@link CardWriter}.
     */
    static Expected expected(IGenericClient client, String patientId) {
        Patient patient =
                client.read().resource(Patient.class).withId(patientId).execute();
        List<IBaseResource> labs = new ArrayList<>(search(client, Observation.class, patientId));
        labs.removeIf(r -> ((Observation) r)
                .getCode().getCoding().stream().anyMatch(c -> Vocabulary.CDS_SYSTEM.equals(c.getSystem())));
        List<IBaseResource> context = new ArrayList<>();
        context.addAll(search(client, Condition.class, patientId));
        context.addAll(search(client, MedicationRequest.class, patientId));
        context.addAll(search(client, MedicationStatement.class, patientId));
        context.addAll(search(client, Procedure.class, patientId));
        context.addAll(labs);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LabPanelReader.Result panel = LabPanelReader.standard().read(labs);
        Differential differential = GuidelineDifferentialEngine.standard()
                .evaluate(panel.panel(), PatientContextReader.standard().read(patient, context, today));
        CdsServiceResponseJson cards = new CardWriter(
                        id -> Optional.empty(), "https://doi.org/10.1182/blood-2014-01-548776")
                .write(differential, patientId, panel.notes());
        String firstTopic = cards.getCards() == null || cards.getCards().isEmpty()
                ? null
                : cards.getCards().get(0).getSource().getTopic().getCode();
        return new Expected(differential, firstTopic);
    }

    record Expected(Differential differential, String firstCardTopic) {}

    private static <T extends IBaseResource> List<IBaseResource> search(
            IGenericClient client, Class<T> type, String patientId) {
        Bundle bundle = client.search()
                .forResource(type)
                .where(new ReferenceClientParam("subject").hasId("Patient/" + patientId))
                .count(500)
                .returnBundle(Bundle.class)
                .execute();
        return new ArrayList<>(resources(bundle, type));
    }

    static <T extends IBaseResource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}

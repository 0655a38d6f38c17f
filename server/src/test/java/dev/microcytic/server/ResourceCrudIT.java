package dev.microcytic.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Create, read, update, search and history for the other resource types the service reads or publishes. */
class ResourceCrudIT extends AbstractServerIT {

    private IGenericClient client;

    @BeforeEach
    void connect() {
        client = fhirClient();
    }

    static Stream<String> resourceTypes() {
        return Stream.of(
                "Condition",
                "MedicationRequest",
                "MedicationStatement",
                "ServiceRequest",
                "CodeSystem",
                "ValueSet",
                "ConceptMap");
    }

    @ParameterizedTest
    @MethodSource("resourceTypes")
    void createReadUpdateSearchAndHistory(String resourceType) {
        String marker = UUID.randomUUID().toString();
        DomainResource resource = newResource(resourceType, marker);

        IdType id = (IdType) client.create().resource(resource).execute().getId();
        DomainResource read = (DomainResource) client.read()
                .resource(resourceType)
                .withId(id.toUnqualifiedVersionless())
                .execute();
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");

        read.setText(new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED));
        read.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">updated</div>");
        IdType updated = (IdType) client.update().resource(read).execute().getId();
        assertThat(updated.getVersionIdPart()).isEqualTo("2");

        Bundle found = client.search()
                .byUrl(resourceType + "?identifier=urn:microcytic:it|" + marker)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(id.getIdPart());

        Bundle history = client.history()
                .onInstance(id.toUnqualifiedVersionless())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(history.getEntry()).hasSize(2);
    }

    private DomainResource newResource(String resourceType, String marker) {
        Identifier identifier = new Identifier().setSystem("urn:microcytic:it").setValue(marker);
        Reference patient = new Reference(client.create()
                .resource(new Patient().setGender(Enumerations.AdministrativeGender.FEMALE))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
        CodeableConcept oralIron =
                new CodeableConcept(new Coding("http://www.whocc.no/atc", "B03AA07", "ferrous sulfate"));
        return switch (resourceType) {
            case "Condition" -> new Condition()
                    .addIdentifier(identifier)
                    .setCode(new CodeableConcept(
                            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "K50.90", "Crohn's disease")))
                    .setSubject(patient);
            case "MedicationRequest" -> new MedicationRequest()
                    .addIdentifier(identifier)
                    .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                    .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                    .setMedication(oralIron)
                    .setSubject(patient);
            case "MedicationStatement" -> new MedicationStatement()
                    .addIdentifier(identifier)
                    .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                    .setMedication(oralIron)
                    .setSubject(patient);
            case "ServiceRequest" -> new ServiceRequest()
                    .addIdentifier(identifier)
                    .setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
                    .setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL)
                    .setCode(new CodeableConcept(new Coding("http://loinc.org", "2276-4", "Ferritin")))
                    .setSubject(patient);
            case "CodeSystem" -> new CodeSystem()
                    .addIdentifier(identifier)
                    .setUrl("https://fhir.microcytic.dev/it/CodeSystem/" + marker)
                    .setStatus(Enumerations.PublicationStatus.DRAFT)
                    .setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
            case "ValueSet" -> new ValueSet()
                    .addIdentifier(identifier)
                    .setUrl("https://fhir.microcytic.dev/it/ValueSet/" + marker)
                    .setStatus(Enumerations.PublicationStatus.DRAFT);
            case "ConceptMap" -> new ConceptMap()
                    .setIdentifier(identifier)
                    .setUrl("https://fhir.microcytic.dev/it/ConceptMap/" + marker)
                    .setStatus(Enumerations.PublicationStatus.DRAFT);
            default -> throw new IllegalArgumentException(resourceType);
        };
    }
}

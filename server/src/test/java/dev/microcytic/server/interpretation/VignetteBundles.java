package dev.microcytic.server.interpretation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.cdshooks.differential.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns the published dev vignettes (shared with the engine tests through the cds-hooks test-jar) into FHIR
 * transaction Bundles as a lab system would send them: one Patient, its lab Observations (LOINC, UCUM), and the
 * Conditions and MedicationStatements the vignette's history implies.
 */
final class VignetteBundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VignetteBundles() {}

    record Vignette(String id, String expectedLeading, boolean sparse, boolean cohort, JsonNode node) {}

    static List<Vignette> all() {
        try {
            List<Vignette> vignettes = new ArrayList<>();
            for (JsonNode node : Fixtures.vignettes()) {
                vignettes.add(new Vignette(
                        node.path("id").asText(),
                        node.path("expected_leading").asText(),
                        node.path("sparse").asBoolean(),
                        node.path("cohort_summary").asBoolean(),
                        node));
            }
            return vignettes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Vignette byId(String id) {
        return all().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id));
    }

    /** A transaction creating the patient and everything the vignette reports, labs taken a day before now. */
    static Bundle transaction(Vignette vignette, Instant now) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:microcytic:vignette").setValue(vignette.id());
        patient.setGender(gender(vignette.node().path("sex").asText()));
        JsonNode age = vignette.node().path("age_years");
        if (age.isNumber()) {
            LocalDate birth = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(Math.round(age.asDouble() * 365.25));
            patient.setBirthDateElement(new DateType(birth.toString()));
        }
        add(bundle, patientUrl, patient);
        Reference subject = new Reference(patientUrl);

        Instant taken = now.minus(1, ChronoUnit.DAYS);
        int index = 0;
        for (JsonNode lab : vignette.node().path("labs")) {
            if (!lab.path("loinc").isTextual() || !lab.path("value").isNumber()) {
                continue;
            }
            // Values listed later were measured later (serial values).
            add(
                    bundle,
                    "urn:uuid:" + UUID.randomUUID(),
                    labObservation(
                            subject,
                            lab.path("loinc").asText(),
                            lab.path("name").asText(),
                            lab.path("value").asDouble(),
                            lab.path("unit").asText(null),
                            taken.plus(index++, ChronoUnit.MINUTES)));
        }
        JsonNode history = vignette.node().path("history");
        if (history.path("inflammation").asBoolean(false)) {
            Condition condition = new Condition();
            condition.setSubject(subject);
            condition.setCode(new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M06.9", "Rheumatoid arthritis, unspecified")));
            condition
                    .getClinicalStatus()
                    .addCoding(
                            new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
            add(bundle, "urn:uuid:" + UUID.randomUUID(), condition);
        }
        for (JsonNode drug : history.path("drug_exposure")) {
            String text = drug.asText().toLowerCase(Locale.ROOT);
            Coding atc = text.contains("linezolid")
                    ? new Coding("http://www.whocc.no/atc", "J01XX08", "linezolid")
                    : text.contains("isoniazid") ? new Coding("http://www.whocc.no/atc", "J04AC01", "isoniazid") : null;
            if (atc == null) {
                continue;
            }
            MedicationStatement statement = new MedicationStatement();
            statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            statement.setSubject(subject);
            statement.setMedication(new CodeableConcept(atc));
            statement.setEffective(new DateTimeType(Date.from(now.minus(60, ChronoUnit.DAYS))));
            add(bundle, "urn:uuid:" + UUID.randomUUID(), statement);
        }
        return bundle;
    }

    static Observation labObservation(
            Reference subject, String loinc, String name, double value, String unit, Instant effective) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)).setText(name));
        observation.setSubject(subject);
        observation.setEffective(new DateTimeType(Date.from(effective)));
        Quantity quantity = new Quantity().setValue(value);
        if (unit != null) {
            quantity.setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit);
        }
        observation.setValue(quantity);
        return observation;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry()
                .setFullUrl(fullUrl)
                .setResource(resource)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    private static AdministrativeGender gender(String sex) {
        return switch (sex) {
            case "female" -> AdministrativeGender.FEMALE;
            case "male" -> AdministrativeGender.MALE;
            default -> AdministrativeGender.UNKNOWN;
        };
    }
}

package dev.microcytic.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.terminology.CodeGroups;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The demo patients of {@code demo/demo-patients.json} as FHIR transaction Bundles, one per patient, as a lab system
 * and an EHR would send them: the Patient, lab Observations (LOINC, UCUM, with the lab's reference range for the
 * charted analytes), Conditions (ICD-10-CM), red-cell transfusions (ICD-10-PCS) and iron as MedicationStatements
 * (ATC). Every resource has a fixed id, so storing a Bundle again changes nothing.
 */
final class DemoPatients {

    static final String RESOURCE = "/demo/demo-patients.json";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    /** Marks the demo Patients, so that a clinician can tell them from real ones. */
    static final String DEMO_TAG_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-cds";

    private final JsonNode root;

    private DemoPatients(JsonNode root) {
        this.root = root;
    }

    static DemoPatients load() {
        try (InputStream in = DemoPatients.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return new DemoPatients(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>();
        root.path("patients").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    /** The transaction of one patient, with dates counted back from {@code today}. */
    Bundle transaction(String id, LocalDate today) {
        for (JsonNode patient : root.path("patients")) {
            if (patient.path("id").asText().equals(id)) {
                return transaction(patient, today);
            }
        }
        throw new IllegalArgumentException("No demo patient " + id);
    }

    private Bundle transaction(JsonNode node, LocalDate today) {
        String id = node.path("id").asText();
        Reference subject = new Reference("Patient/" + id);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);

        Patient patient = new Patient();
        patient.setId(id);
        patient.getMeta().addTag(DEMO_TAG_SYSTEM, "demo", "Demo patient");
        patient.addName()
                .setFamily(node.path("family").asText())
                .addGiven(node.path("given").asText());
        patient.setGender(AdministrativeGender.fromCode(node.path("gender").asText()));
        int age = node.path("ageYears").asInt();
        patient.setBirthDateElement(new DateType(toDate(today.minusYears(age).minusDays(40))));
        put(bundle, patient);

        String band = age < 12 ? "child" : node.path("gender").asText();
        int n = 0;
        for (JsonNode result : node.path("results")) {
            Date when = toDate(today.minusDays(result.path("daysAgo").asLong()));
            var values = result.path("values").fields();
            while (values.hasNext()) {
                var entry = values.next();
                put(bundle, observation(id + "-lab-" + ++n, subject, entry.getKey(), entry.getValue(), when, band));
            }
        }
        n = 0;
        for (JsonNode c : node.path("conditions")) {
            Condition condition = new Condition();
            condition.setId(id + "-condition-" + ++n);
            condition.setSubject(subject);
            condition
                    .getClinicalStatus()
                    .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
            condition.setCode(concept(
                    CodeGroups.ICD10CM,
                    c.path("code").asText(),
                    c.path("display").asText()));
            condition.setOnset(
                    new DateTimeType(toDate(today.minusDays(c.path("daysAgo").asLong()))));
            put(bundle, condition);
        }
        n = 0;
        for (JsonNode p : node.path("procedures")) {
            Procedure procedure = new Procedure();
            procedure.setId(id + "-transfusion-" + ++n);
            procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
            procedure.setSubject(subject);
            procedure.setCode(concept(
                    CodeGroups.ICD10PCS,
                    p.path("code").asText(),
                    p.path("display").asText()));
            procedure.setPerformed(
                    new DateTimeType(toDate(today.minusDays(p.path("daysAgo").asLong()))));
            put(bundle, procedure);
        }
        n = 0;
        for (JsonNode m : node.path("medications")) {
            MedicationStatement statement = new MedicationStatement();
            statement.setId(id + "-medication-" + ++n);
            statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            statement.setSubject(subject);
            statement.setMedication(concept(
                    CodeGroups.ATC, m.path("atc").asText(), m.path("display").asText()));
            statement.setEffective(new Period()
                    .setStart(toDate(today.minusDays(m.path("startDaysAgo").asLong()))));
            put(bundle, statement);
        }
        return bundle;
    }

    private Observation observation(
            String id, Reference subject, String loinc, JsonNode value, Date when, String band) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(
                concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory"));
        observation.setCode(
                concept(LOINC, loinc, root.path("analytes").path(loinc).asText(null)));
        observation.setSubject(subject);
        observation.setEffective(new DateTimeType(when));
        observation.setIssued(when);
        String unit = value.get(1).asText();
        observation.setValue(quantity(value.get(0).asDouble(), unit));
        JsonNode range = root.path("referenceRanges").path(loinc);
        if (!range.isMissingNode() && range.path("unit").asText().equals(unit)) {
            JsonNode bounds = range.path(band);
            observation
                    .addReferenceRange()
                    .setLow(quantity(bounds.get(0).asDouble(), unit))
                    .setHigh(quantity(bounds.get(1).asDouble(), unit));
        }
        return observation;
    }

    private static Quantity quantity(double value, String unit) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept()
                .addCoding(new Coding(system, code, display))
                .setText(display);
    }

    private static void put(Bundle bundle, Resource resource) {
        String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        bundle.addEntry()
                .setFullUrl(url)
                .setResource(resource)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl(url);
    }

    /** Results are dated 08:30 UTC on their day, as a morning blood draw. */
    private static Date toDate(LocalDate day) {
        return Date.from(day.atTime(8, 30).toInstant(ZoneOffset.UTC));
    }
}

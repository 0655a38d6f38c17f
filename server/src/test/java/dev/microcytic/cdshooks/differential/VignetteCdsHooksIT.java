package dev.microcytic.cdshooks.differential;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Sex;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The dev vignettes through the front door: each vignette's engine input (converted by the engine's own
 * {@link VignetteTest}) is written as FHIR R4 resources, sent as a spec-only CDS Hooks {@code patient-view} request
 * with a signed JWT, and the cards must show the vignette's declared expectation (leading cause first, in the top
 * three, or no cards). Lives in the engine's package to reuse that conversion and the expectations.
 */
class VignetteCdsHooksIT extends AbstractServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One ICD-10-CM (or product) code per flag, chosen so that the code maps back to exactly that flag. */
    private static final Map<ClinicalFlag, Coding> FLAG_CODES = Map.of(
            ClinicalFlag.INFLAMMATION,
            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M06.9", null),
            ClinicalFlag.NEUROLOGICAL_DISEASE,
            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "G20", null),
            ClinicalFlag.ATAXIA,
            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "R27.0", null),
            ClinicalFlag.DIABETES,
            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "E11.9", null),
            ClinicalFlag.HEMOLYSIS,
            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "D59.9", null),
            ClinicalFlag.BLEEDING,
            new Coding("http://hl7.org/fhir/sid/icd-10-cm", "K92.2", null),
            ClinicalFlag.PHOTOSENSITIVITY,
            new Coding("https://fhir.microcytic.dev/CodeSystem/microcytic-cds", "photosensitivity", null));

    private static final Map<MedicationClass, String> ATC = Map.of(
            MedicationClass.ORAL_IRON, "B03AA07",
            MedicationClass.IV_IRON, "B03AC02",
            MedicationClass.ZINC, "A12CB01",
            MedicationClass.LINEZOLID, "J01XX08",
            MedicationClass.ISONIAZID, "J04AC01",
            MedicationClass.PYRIDOXINE, "A11HA02");

    @Test
    void everyDevVignetteGetsItsExpectedCardsOverCdsHooks() throws Exception {
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        long shift = ChronoUnit.DAYS.between(VignetteTest.DATE, LocalDate.now(ZoneOffset.UTC));
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> notExpressible = new ArrayList<>();
        int checked = 0;
        for (JsonNode vignette : Fixtures.vignettes()) {
            String id = vignette.path("id").asText();
            VignetteTest.Expect expect = VignetteTest.EXPECT.get(id);
            LabPanel panel = Fixtures.vignettePanel(vignette);
            if (panel.all().stream()
                    .anyMatch(
                            v -> LabConcepts.standard().loincCodes(v.analyte()).isEmpty())) {
                // Hepcidin (e.g. V34, derived from a TSAT/hepcidin ratio) has no LOINC code this service
                // reads: an EHR cannot send it, so such a vignette cannot be reproduced over CDS Hooks.
                notExpressible.add(id);
                continue;
            }
            String patientId = "vig-" + id.toLowerCase() + "-"
                    + UUID.randomUUID().toString().substring(0, 6);
            String body = request(patientId, panel, Fixtures.vignetteContext(vignette), shift);
            HttpResponse<String> response = post(url, body);
            checked++;
            if (response.statusCode() != 200) {
                failures.put(id, "HTTP " + response.statusCode() + " " + response.body());
                continue;
            }
            List<String> topics = new ArrayList<>();
            for (JsonNode card : JSON.readTree(response.body()).get("cards")) {
                topics.add(card.get("source").get("topic").get("code").asText());
            }
            String problem = check(expect, topics);
            if (problem != null) {
                failures.put(id, problem + " (cards " + topics + ")");
            }
        }

        // Only vignettes resting on an analyte without a verified LOINC code are skipped (V34 today, hepcidin).
        assertThat(notExpressible).contains("V34").hasSizeLessThanOrEqualTo(3);
        assertThat(checked + notExpressible.size()).isEqualTo(VignetteTest.EXPECT.size());
        assertThat(failures)
                .as("vignettes whose cards miss the declared expectation")
                .isEmpty();
    }

    private static String check(VignetteTest.Expect expect, List<String> topics) {
        switch (expect.kind()) {
            case EMPTY:
                return topics.isEmpty() ? null : "expected no cards";
            case FIRST:
                return !topics.isEmpty() && topics.get(0).equals(expect.cause())
                        ? null
                        : "expected " + expect.cause() + " first";
            default:
                List<String> top = topics.subList(0, Math.min(3, topics.size()));
                boolean umbrella = expect.cause().endsWith("thalassemia-trait") && top.contains("thalassemia-trait");
                return top.contains(expect.cause()) || umbrella ? null : "expected " + expect.cause() + " in top 3";
        }
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", dev.microcytic.server.cdshooks.ItTokens.bearer(url))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The engine input as the FHIR resources an EHR would prefetch, dates moved from the vignette date to today. */
    static String request(String patientId, LabPanel panel, PatientContext context, long shiftDays) {
        Patient patient = new Patient();
        patient.setId(patientId);
        patient.setGender(
                context.sex() == Sex.MALE
                        ? Enumerations.AdministrativeGender.MALE
                        : context.sex() == Sex.FEMALE
                                ? Enumerations.AdministrativeGender.FEMALE
                                : Enumerations.AdministrativeGender.UNKNOWN);
        if (context.birthDate() != null) {
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(
                    context.birthDate().plusDays(shiftDays).toString()));
        }
        Reference subject = new Reference("Patient/" + patientId);
        Bundle labs = searchset();
        int n = 0;
        for (LabValue value : panel.all()) {
            if (value.derived()) {
                continue; // the service derives these itself, as the engine's own conversion did
            }
            Observation observation = new Observation();
            observation.setId("o" + n++);
            observation.setStatus(Observation.ObservationStatus.FINAL);
            observation.setSubject(subject);
            java.util.Optional<String> code = LabConcepts.standard().loincCodes(value.analyte()).stream()
                    .sorted()
                    .findFirst();
            if (code.isEmpty()) {
                continue; // no verified LOINC code (e.g. hepcidin): an EHR cannot send it either
            }
            String loinc = code.get();
            observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
            observation.setEffective(
                    new DateTimeType(Date.from(value.effective().plus(Duration.ofDays(shiftDays)))));
            observation.setValue(new Quantity()
                    .setValue(BigDecimal.valueOf(value.value()))
                    .setSystem("http://unitsofmeasure.org")
                    .setCode(value.analyte().canonicalUnit()));
            labs.addEntry().setResource(observation);
        }
        Bundle conditions = searchset();
        for (ClinicalFlag flag : context.flags()) {
            Coding code = FLAG_CODES.get(flag);
            if (code != null) {
                Condition condition = new Condition();
                condition.setSubject(subject);
                condition.setCode(new CodeableConcept(code.copy()));
                condition.setClinicalStatus(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
                conditions.addEntry().setResource(condition);
            }
        }
        Bundle medications = searchset();
        for (MedicationExposure exposure : context.medications()) {
            String atc = ATC.get(exposure.medication());
            if (atc == null) {
                continue;
            }
            MedicationRequest request = new MedicationRequest();
            request.setSubject(subject);
            request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setStatus(
                    exposure.active()
                            ? MedicationRequest.MedicationRequestStatus.ACTIVE
                            : MedicationRequest.MedicationRequestStatus.COMPLETED);
            request.setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", atc, null)));
            if (exposure.start() != null) {
                request.setAuthoredOnElement(
                        new DateTimeType(exposure.start().plusDays(shiftDays).toString()));
            }
            medications.addEntry().setResource(request);
        }
        Bundle procedures = searchset();
        if (context.lastTransfusion() != null) {
            Procedure transfusion = new Procedure();
            transfusion.setSubject(subject);
            transfusion.setStatus(Procedure.ProcedureStatus.COMPLETED);
            transfusion.setCode(
                    new CodeableConcept(new Coding("http://www.cms.gov/Medicare/Coding/ICD10", "30233N1", null)));
            transfusion.setPerformed(new DateTimeType(
                    context.lastTransfusion().plusDays(shiftDays).toString()));
            procedures.addEntry().setResource(transfusion);
        }
        var parser = FHIR.newJsonParser();
        return """
                {"hook":"patient-view","hookInstance":"%s",
                 "context":{"userId":"Practitioner/vignettes","patientId":"%s"},
                 "prefetch":{"patient":%s,"labs":%s,"conditions":%s,"medications":%s,"procedures":%s}}"""
                .formatted(
                        UUID.randomUUID(),
                        patientId,
                        parser.encodeResourceToString(patient),
                        parser.encodeResourceToString(labs),
                        parser.encodeResourceToString(conditions),
                        parser.encodeResourceToString(medications),
                        parser.encodeResourceToString(procedures));
    }

    private static Bundle searchset() {
        return new Bundle().setType(Bundle.BundleType.SEARCHSET);
    }
}

package dev.microcytic.cdshooks.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientContextReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";

    private final PatientContextReader reader = PatientContextReader.standard();

    private static Patient patient(String birthDate, Enumerations.AdministrativeGender gender) {
        Patient patient = new Patient();
        patient.setBirthDateElement(new DateType(birthDate));
        patient.setGender(gender);
        return patient;
    }

    private static Condition condition(String code, String clinicalStatus, String onset) {
        Condition condition = new Condition();
        condition.setCode(new CodeableConcept(new Coding(ICD, code, null)));
        if (clinicalStatus != null) {
            condition.setClinicalStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus, null)));
        }
        if (onset != null) {
            condition.setOnset(new DateTimeType(onset));
        }
        return condition;
    }

    @Test
    void readsAgeSexAndActiveConditionFlags() {
        PatientContext context = reader.read(
                patient("1979-03-02", Enumerations.AdministrativeGender.MALE),
                List.of(condition("M05.79", "active", null), condition("K50.90", "resolved", null)),
                TODAY);

        assertThat(context.birthDate()).isEqualTo(LocalDate.of(1979, 3, 2));
        assertThat(context.sex()).isEqualTo(Sex.MALE);
        assertThat(context.pregnancy()).isEqualTo(Pregnancy.NOT_PREGNANT);
        assertThat(context.flags()).containsExactly(ClinicalFlag.INFLAMMATION);
        assertThat(context.evaluationDate()).isEqualTo(TODAY);
    }

    @Test
    void keepsKnownDiagnosesEvenWhenInactiveButNotRefuted() {
        Condition refuted = condition("D50.9", "active", null);
        refuted.setVerificationStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted", null)));

        PatientContext context = reader.read(
                patient("1990", Enumerations.AdministrativeGender.FEMALE),
                List.of(condition("D56.3", "inactive", null), refuted),
                TODAY);

        assertThat(context.flags()).contains(ClinicalFlag.KNOWN_THALASSEMIA);
        assertThat(context.flags()).doesNotContain(ClinicalFlag.KNOWN_IRON_DEFICIENCY_ANEMIA);
        assertThat(context.birthDate()).isEqualTo(LocalDate.of(1990, 7, 1));
    }

    @Test
    void recentPregnancyCodeGivesTrimesterAndNewerNotPregnantOverrides() {
        Condition z3a = condition("Z3A.20", "active", "2026-10-01");
        PatientContext pregnant =
                reader.read(patient("1995-01-01", Enumerations.AdministrativeGender.FEMALE), List.of(z3a), TODAY);
        assertThat(pregnant.pregnancy()).isEqualTo(Pregnancy.SECOND_TRIMESTER);

        Observation notPregnant = new Observation();
        notPregnant.setStatus(Observation.ObservationStatus.FINAL);
        notPregnant.setCode(new CodeableConcept(new Coding("http://loinc.org", "82810-3", null)));
        notPregnant.setValue(new CodeableConcept(new Coding("http://snomed.info/sct", "60001007", null)));
        notPregnant.setEffective(new DateTimeType("2026-11-15"));
        PatientContext after = reader.read(
                patient("1995-01-01", Enumerations.AdministrativeGender.FEMALE), List.of(z3a, notPregnant), TODAY);
        assertThat(after.pregnancy()).isEqualTo(Pregnancy.NOT_PREGNANT);
    }

    @Test
    void pregnancyOlderThanTenMonthsIsIgnored() {
        PatientContext context = reader.read(
                patient("1995-01-01", Enumerations.AdministrativeGender.FEMALE),
                List.of(condition("Z33.1", "active", "2025-09-01")),
                TODAY);

        assertThat(context.pregnancy()).isEqualTo(Pregnancy.UNKNOWN);
    }

    @Test
    void readsMedicationsByAtcAndContainedIngredient() {
        MedicationRequest iron = new MedicationRequest();
        iron.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        iron.setAuthoredOnElement(new DateTimeType("2026-10-01"));
        iron.setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", "B03AA07", "ferrous sulfate")));
        MedicationRequest isoniazid = new MedicationRequest();
        isoniazid.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
        Medication contained = new Medication();
        contained.setId("med1");
        contained
                .addIngredient()
                .setItem(new CodeableConcept(new Coding("http://www.whocc.no/atc", "J04AC01", "isoniazid")));
        isoniazid.addContained(contained);
        isoniazid.setMedication(new Reference("#med1"));
        MedicationRequest cancelled = new MedicationRequest();
        cancelled.setStatus(MedicationRequest.MedicationRequestStatus.CANCELLED);
        cancelled.setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", "L01XX05", null)));

        PatientContext context = reader.read(null, List.of(iron, isoniazid, cancelled), TODAY);

        assertThat(context.medications())
                .containsExactlyInAnyOrder(
                        new MedicationExposure(MedicationClass.ORAL_IRON, LocalDate.of(2026, 10, 1), null, true),
                        new MedicationExposure(MedicationClass.ISONIAZID, null, null, false));
        assertThat(context.sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(context.birthDate()).isNull();
    }

    @Test
    void readsTheLastRedCellTransfusion() {
        Procedure older = new Procedure();
        older.setStatus(Procedure.ProcedureStatus.COMPLETED);
        older.setCode(new CodeableConcept(new Coding("http://www.cms.gov/Medicare/Coding/ICD10", "30233N1", null)));
        older.setPerformed(new DateTimeType("2026-08-01"));
        Procedure newer = older.copy();
        newer.setPerformed(new DateTimeType("2026-10-01"));
        Procedure notDone = older.copy();
        notDone.setStatus(Procedure.ProcedureStatus.NOTDONE);
        notDone.setPerformed(new DateTimeType("2026-11-01"));

        PatientContext context = reader.read(null, List.of(older, newer, notDone), TODAY);

        assertThat(context.lastTransfusion()).isEqualTo(LocalDate.of(2026, 10, 1));
        // every transfusion is kept: each one's window excludes the Hb drawn inside it from the treatment responses
        assertThat(context.transfusions()).containsExactly(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 1));
    }

    @ParameterizedTest(name = "{0} {1}: transfusion {2}")
    @CsvSource({
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233N1, true",
        "http://snomed.info/sct, 116863004, true",
        "http://snomed.info/sct, 71493000, true",
        "http://www.ama-assn.org/go/cpt, 36430, true",
        "http://www.ama-assn.org/go/cpt, 36455, true",
        "http://snomed.info/sct, 12719002, false",
        "http://www.ama-assn.org/go/cpt, 85018, false"
    })
    void recognisesTransfusionsFromIcd10PcsSnomedAndCpt(String system, String code, boolean transfusion) {
        Procedure procedure = new Procedure();
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setCode(new CodeableConcept(new Coding(system, code, null)));
        procedure.setPerformed(new DateTimeType("2026-09-15"));

        PatientContext context = reader.read(null, List.of(procedure), TODAY);

        assertThat(context.lastTransfusion()).isEqualTo(transfusion ? LocalDate.of(2026, 9, 15) : null);
        assertThat(reader.concerns(procedure)).isEqualTo(transfusion);
    }

    @ParameterizedTest(name = "oral iron statement at {0} with {1} mg: documented dose {2}")
    @CsvSource({"2026-09-15T08:00:00Z, 200, true", "2026-09-15, 200, false", "2026-09-15T08:00:00Z, '', false"})
    void aCompletedOralIronStatementWithTimeAndDoseIsADocumentedDose(String when, String mg, boolean documented) {
        MedicationStatement statement = new MedicationStatement();
        statement.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
        statement.setMedication(
                new CodeableConcept(new Coding("http://www.whocc.no/atc", "B03AA02", "ferrous fumarate")));
        statement.setEffective(new DateTimeType(when));
        if (!mg.isBlank()) {
            statement
                    .addDosage()
                    .addDoseAndRate()
                    .setDose(new Quantity().setValue(Double.parseDouble(mg)).setCode("mg"));
        }

        PatientContext context = reader.read(null, List.of(statement), TODAY);

        assertThat(context.medications()).singleElement().satisfies(m -> {
            assertThat(m.medication()).isEqualTo(MedicationClass.ORAL_IRON);
            assertThat(m.documentedDose()).isEqualTo(documented);
            if (documented) {
                assertThat(m.takenAt()).isEqualTo(java.time.Instant.parse("2026-09-15T08:00:00Z"));
                assertThat(m.doseMg()).isEqualTo(200.0);
            } else {
                assertThat(m.start()).isEqualTo(LocalDate.of(2026, 9, 15));
            }
        });
    }
}

package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dev.microcytic.terminology.LabConcepts;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class ObservationIngestRulesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final ObservationIngestRules rules =
            new ObservationIngestRules(FHIR, new FhirIngestConfig().quantitativeLabCodes());

    @Test
    void acceptsLabQuantityWithCodeAndSubject() {
        assertThatCode(() -> rules.beforeCreate(hemoglobin())).doesNotThrowAnyException();
    }

    @Test
    void ignoresOtherResourceTypes() {
        assertThatCode(() -> rules.beforeCreate(new Patient())).doesNotThrowAnyException();
    }

    @Test
    void rejectsObservationWithoutCode() {
        Observation observation = hemoglobin().setCode(new CodeableConcept());

        assertThat(expressionsOfProblems(observation)).containsExactly("Observation.code");
    }

    @Test
    void acceptsCodeGivenOnlyAsText() {
        Observation observation = hemoglobin().setCode(new CodeableConcept().setText("Hb (local code)"));

        assertThat(rules.problems(observation)).isEmpty();
    }

    @Test
    void rejectsObservationWithoutSubjectOrStatus() {
        Observation observation = hemoglobin().setSubject(null).setStatus(null);

        assertThat(expressionsOfProblems(observation)).containsExactly("Observation.status", "Observation.subject");
    }

    @Test
    void rejectsNumericAnalyteSentAsString() {
        Observation observation = hemoglobin().setValue(new StringType("9.8 g/dL"));

        assertThatThrownBy(() -> rules.beforeCreate(observation))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.VALUE);
                    assertThat(outcome.getIssueFirstRep().getDiagnostics())
                            .contains("http://loinc.org|718-7")
                            .contains("valueString");
                });
    }

    @Test
    void rejectsNumericAnalyteSentAsBooleanOnUpdate() {
        Observation observation = hemoglobin().setValue(new BooleanType(true));

        assertThatThrownBy(() -> rules.beforeUpdate(hemoglobin(), observation))
                .isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("valueBoolean");
    }

    @Test
    void rejectsQuantityWithoutNumber() {
        Observation observation = hemoglobin().setValue(new Quantity().setUnit("g/dL"));

        assertThat(expressionsOfProblems(observation)).containsExactly("Observation.valueQuantity.value");
    }

    @Test
    void rejectsAQuantityTooLargeToIndexOfAnyCode() {
        Observation huge = hemoglobin()
                .setValue(new Quantity().setValue(new BigDecimal("1E+400")).setUnit("g/dL"));
        Observation other = hemoglobin().setValue(new Quantity().setValue(new BigDecimal("-2E+200")));
        other.getCode().getCodingFirstRep().setCode("8302-2");
        Observation largeButFine = hemoglobin()
                .setValue(new Quantity().setValue(new BigDecimal("1E+200")).setUnit("g/dL"));

        assertThat(expressionsOfProblems(huge)).containsExactly("Observation.valueQuantity.value");
        assertThat(rules.problems(huge).get(0).getDiagnostics()).contains("out of range");
        assertThat(expressionsOfProblems(other)).containsExactly("Observation.valueQuantity.value");
        assertThat(rules.problems(largeButFine)).isEmpty();
    }

    @Test
    void acceptsMissingValueWithDataAbsentReasonButNotBoth() {
        CodeableConcept absent = new CodeableConcept().setText("specimen hemolysed");

        assertThat(rules.problems(hemoglobin().setValue(null).setDataAbsentReason(absent)))
                .isEmpty();
        assertThat(expressionsOfProblems(hemoglobin().setDataAbsentReason(absent)))
                .containsExactly("Observation.dataAbsentReason");
    }

    @Test
    void acceptsTextValueForCodesThatAreNotNumericLabs() {
        Observation observation = hemoglobin().setValue(new StringType("HbS trait pattern"));
        observation.getCode().getCodingFirstRep().setCode("12710-0");

        assertThat(rules.problems(observation)).isEmpty();
    }

    @Test
    void checksComponentsToo() {
        Observation observation = hemoglobin();
        observation
                .addComponent()
                .setCode(new CodeableConcept(new Coding(LabConcepts.LOINC, "787-2", "MCV")))
                .setValue(new StringType("68"));

        assertThat(expressionsOfProblems(observation)).containsExactly("Observation.component[0].value[x]");
    }

    private java.util.List<String> expressionsOfProblems(Observation observation) {
        return rules.problems(observation).stream()
                .map(issue -> issue.getExpression().get(0).getValue())
                .toList();
    }

    private static Observation hemoglobin() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding(LabConcepts.LOINC, "718-7", "Hemoglobin")));
        observation.setSubject(new Reference("Patient/1"));
        observation.setValue(new Quantity()
                .setValue(9.8)
                .setUnit("g/dL")
                .setSystem("http://unitsofmeasure.org")
                .setCode("g/dL"));
        return observation;
    }
}

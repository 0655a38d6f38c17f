package dev.microcytic.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Refuses Observations the differential could not read: no {@code status} or {@code code} (both 1..1 in R4), no
 * {@code subject}, a value together with a {@code dataAbsentReason} (invariant obs-6), or a numeric lab result
 * (see {@link QuantitativeLabCodes}) whose value is not a Quantity with a number, or a Quantity too large to index.
 * The answer is 422 with an OperationOutcome naming every problem.
 *
 * <p>Why a storage hook rather than HAPI's request validator: {@code STORAGE_PRESTORAGE_RESOURCE_*} fires for every
 * write path (create, update, patch, each entry of a transaction or batch, and writes made by our own code) inside
 * the database transaction, so a rejected entry rolls back its whole transaction; and it costs microseconds, where
 * full profile validation costs seconds at start-up, hundreds of MB, and would reject lab-interface quirks that do
 * not matter here.
 */
@Interceptor
public class ObservationIngestRules {

    /**
     * Quantities are indexed as doubles, also after conversion to UCUM canonical units (factors up to about 1E+24):
     * HAPI answered a value of 1E+400 with a 500. No laboratory value comes anywhere near this bound.
     */
    static final BigDecimal LARGEST_QUANTITY = new BigDecimal("1E+200");

    private final FhirContext fhirContext;
    private final QuantitativeLabCodes quantitativeCodes;

    public ObservationIngestRules(FhirContext fhirContext, QuantitativeLabCodes quantitativeCodes) {
        this.fhirContext = fhirContext;
        this.quantitativeCodes = quantitativeCodes;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void beforeCreate(IBaseResource resource) {
        check(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
        check(newResource);
    }

    private void check(IBaseResource resource) {
        if (!(resource instanceof Observation observation)) {
            return;
        }
        List<OperationOutcome.OperationOutcomeIssueComponent> issues = problems(observation);
        if (!issues.isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.setIssue(issues);
            throw new UnprocessableEntityException(fhirContext, outcome);
        }
    }

    /** Every rule violation of one Observation, empty when it may be stored. */
    List<OperationOutcome.OperationOutcomeIssueComponent> problems(Observation observation) {
        List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
        if (!observation.hasStatus()) {
            issues.add(issue(IssueType.REQUIRED, "Observation.status", "Observation.status is required"));
        }
        if (!isCoded(observation.getCode())) {
            issues.add(issue(
                    IssueType.REQUIRED,
                    "Observation.code",
                    "Observation.code is required (a Coding with system and code, e.g. LOINC, or a text)"));
        }
        if (!observation.hasSubject()
                || (!observation.getSubject().hasReference()
                        && observation.getSubject().getResource() == null)) {
            issues.add(issue(
                    IssueType.REQUIRED,
                    "Observation.subject",
                    "Observation.subject is required (a reference to the Patient)"));
        }
        if (observation.hasValue() && observation.hasDataAbsentReason()) {
            issues.add(issue(
                    IssueType.INVARIANT,
                    "Observation.dataAbsentReason",
                    "obs-6: dataAbsentReason SHALL only be present if Observation.value[x] is not present"));
        }
        checkValueType(observation.getCode(), observation.getValue(), "Observation.value", issues);
        for (int i = 0; i < observation.getComponent().size(); i++) {
            Observation.ObservationComponentComponent component =
                    observation.getComponent().get(i);
            checkValueType(component.getCode(), component.getValue(), "Observation.component[" + i + "].value", issues);
        }
        return issues;
    }

    private void checkValueType(
            CodeableConcept code,
            Type value,
            String path,
            List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value instanceof Quantity quantity
                && quantity.hasValue()
                && quantity.getValue().abs().compareTo(LARGEST_QUANTITY) > 0) {
            issues.add(issue(
                    IssueType.VALUE,
                    path + "Quantity.value",
                    path + "Quantity.value is out of range: its magnitude must not exceed 1E+200"));
        }
        Coding numericCoding = code.getCoding().stream()
                .filter(coding -> quantitativeCodes.isQuantitative(coding.getSystem(), coding.getCode()))
                .findFirst()
                .orElse(null);
        if (numericCoding == null) {
            return;
        }
        String codeText = numericCoding.getSystem() + "|" + numericCoding.getCode();
        if (!(value instanceof Quantity quantity)) {
            issues.add(issue(
                    IssueType.VALUE,
                    path + "[x]",
                    codeText + " is a numeric laboratory result: its value must be a valueQuantity (UCUM), not value"
                            + value.fhirType().substring(0, 1).toUpperCase()
                            + value.fhirType().substring(1)));
        } else if (!quantity.hasValue()) {
            issues.add(issue(
                    IssueType.VALUE,
                    path + "Quantity.value",
                    codeText + " is a numeric laboratory result: valueQuantity.value is required"));
        }
    }

    private static boolean isCoded(CodeableConcept code) {
        return code.hasText() || code.getCoding().stream().anyMatch(coding -> coding.hasCode());
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(
            IssueType type, String expression, String message) {
        OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome.OperationOutcomeIssueComponent();
        issue.setSeverity(IssueSeverity.ERROR);
        issue.setCode(type);
        issue.setDiagnostics(message);
        issue.addExpression(expression);
        return issue;
    }
}

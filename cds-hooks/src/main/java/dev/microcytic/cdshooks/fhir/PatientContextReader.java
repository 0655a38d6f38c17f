package dev.microcytic.cdshooks.fhir;

import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.CodeGroups;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.Vocabulary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the non-lab context of a patient from FHIR R4: age and sex from the Patient; clinical flags
 * from Conditions ({@link CodeGroups}, current or hereditary: {@link ConditionReader}); pregnancy from Conditions and the pregnancy-status Observation (Vocabulary.LOINC
 * 82810-3), bounded to the last ~10 months, where a newer "not pregnant" overrides older evidence; medication
 * exposures from MedicationRequests and MedicationStatements (ATC, RxNorm, a contained Medication's ingredients, the
 * display text as a last resort); every red-cell transfusion from Procedures ({@link TransfusionReader}).
 */
public final class PatientContextReader {

    /** Pregnancy evidence older than this says nothing about now (a pregnancy lasts about 10 months at most). */
    static final int PREGNANCY_WINDOW_DAYS = 300;

    private final CodeGroups codeGroups;
    private final ConditionReader conditions;

    public PatientContextReader(CodeGroups codeGroups) {
        this.codeGroups = codeGroups;
        this.conditions = new ConditionReader(codeGroups);
    }

    public static PatientContextReader standard() {
        return new PatientContextReader(CodeGroups.standard());
    }

    /**
     * @param patient the Patient, or null when unknown
     * @param resources Conditions, MedicationRequests, MedicationStatements, Procedures and Observations in any mix
     *     (other types are ignored)
     * @param evaluationDate the date of the interpretation
     */
    public PatientContext read(
            Patient patient, Collection<? extends IBaseResource> resources, LocalDate evaluationDate) {
        LocalDate birthDate = patient == null ? null : birthDate(patient);
        Sex sex = patient == null ? Sex.UNKNOWN : sex(patient);
        Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
        List<MedicationExposure> medications = new ArrayList<>();
        List<DatedPregnancy> pregnancy = new ArrayList<>();
        List<LocalDate> transfusions = new ArrayList<>();
        for (IBaseResource resource : resources) {
            if (resource instanceof Condition condition) {
                conditions.read(condition, flags, (date, p) -> pregnancy.add(new DatedPregnancy(date, p)));
            } else if (resource instanceof MedicationRequest request) {
                readMedicationRequest(request, medications);
            } else if (resource instanceof MedicationStatement statement) {
                readMedicationStatement(statement, medications);
            } else if (resource instanceof Procedure procedure && concerns(procedure)) {
                TransfusionReader.add(procedure, transfusions);
            } else if (resource instanceof Observation observation) {
                readPregnancyStatus(observation, pregnancy);
            }
        }
        return new PatientContext(
                evaluationDate,
                birthDate,
                sex,
                pregnancy(sex, pregnancy, evaluationDate),
                flags,
                medications,
                null,
                transfusions);
    }

    /** All resources of a Bundle's entries, or an empty list for null. */
    public static List<Resource> resources(Bundle bundle) {
        List<Resource> resources = new ArrayList<>();
        if (bundle != null) {
            bundle.getEntry().stream()
                    .filter(Bundle.BundleEntryComponent::hasResource)
                    .forEach(entry -> resources.add(entry.getResource()));
        }
        return resources;
    }

    private static LocalDate birthDate(Patient patient) {
        String value = patient.getBirthDateElement().getValueAsString();
        if (value == null || value.length() < 4) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.substring(0, 4));
            if (value.length() >= 10) {
                return LocalDate.parse(value.substring(0, 10));
            }
            if (value.length() >= 7) {
                // Month precision: the middle of the month keeps the age error below two weeks.
                return LocalDate.of(year, Integer.parseInt(value.substring(5, 7)), 15);
            }
            return LocalDate.of(year, 7, 1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Sex sex(Patient patient) {
        if (!patient.hasGender()) {
            return Sex.UNKNOWN;
        }
        return switch (patient.getGender()) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
    }

    private void readPregnancyStatus(Observation observation, List<DatedPregnancy> pregnancy) {
        if (observation.hasStatus()
                && (observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                        || observation.getStatus() == Observation.ObservationStatus.CANCELLED)) {
            return;
        }
        if (!isPregnancyStatus(observation) || !observation.hasValueCodeableConcept()) {
            return;
        }
        LocalDate date = localDate(
                LabPanelReader.effective(observation) == null
                        ? null
                        : Date.from(LabPanelReader.effective(observation)));
        for (Coding coding : observation.getValueCodeableConcept().getCoding()) {
            if (Vocabulary.SNOMED_PREGNANT.equals(coding.getCode())) {
                pregnancy.add(new DatedPregnancy(date, Pregnancy.PREGNANT_TRIMESTER_UNKNOWN));
            } else if (Vocabulary.SNOMED_NOT_PREGNANT.equals(coding.getCode())) {
                pregnancy.add(new DatedPregnancy(date, Pregnancy.NOT_PREGNANT));
            }
        }
    }

    private record DatedPregnancy(LocalDate date, Pregnancy pregnancy) {}

    /**
     * The newest evidence within the window decides; among pregnancy evidence newer than the last "not pregnant",
     * a known trimester beats "trimester unknown".
     */
    private static Pregnancy pregnancy(Sex sex, List<DatedPregnancy> evidence, LocalDate evaluationDate) {
        LocalDate windowStart = evaluationDate.minusDays(PREGNANCY_WINDOW_DAYS);
        List<DatedPregnancy> recent = evidence.stream()
                .filter(e -> e.date() == null || !e.date().isBefore(windowStart))
                .filter(e -> e.date() == null || !e.date().isAfter(evaluationDate.plusDays(1)))
                .toList();
        if (recent.isEmpty()) {
            return sex == Sex.MALE ? Pregnancy.NOT_PREGNANT : Pregnancy.UNKNOWN;
        }
        LocalDate lastNegative = recent.stream()
                .filter(e -> e.pregnancy() == Pregnancy.NOT_PREGNANT && e.date() != null)
                .map(DatedPregnancy::date)
                .max(LocalDate::compareTo)
                .orElse(null);
        List<DatedPregnancy> positive = recent.stream()
                .filter(e -> e.pregnancy().pregnant())
                .filter(e ->
                        lastNegative == null || (e.date() != null && e.date().isAfter(lastNegative)))
                .toList();
        if (positive.isEmpty()) {
            return recent.stream().anyMatch(e -> e.pregnancy() == Pregnancy.NOT_PREGNANT)
                    ? Pregnancy.NOT_PREGNANT
                    : Pregnancy.UNKNOWN;
        }
        return positive.stream()
                .filter(e -> e.pregnancy() != Pregnancy.PREGNANT_TRIMESTER_UNKNOWN)
                .max((a, b) -> compareDates(a.date(), b.date()))
                .map(DatedPregnancy::pregnancy)
                .orElse(Pregnancy.PREGNANT_TRIMESTER_UNKNOWN);
    }

    private static int compareDates(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private void readMedicationRequest(MedicationRequest request, List<MedicationExposure> medications) {
        if (!request.hasStatus()) {
            addExposures(request.getMedication(), request, true, authored(request), null, medications);
            return;
        }
        switch (request.getStatus()) {
            case ACTIVE, ONHOLD -> addExposures(
                    request.getMedication(), request, true, authored(request), validityEnd(request), medications);
            case COMPLETED, STOPPED -> addExposures(
                    request.getMedication(), request, false, authored(request), validityEnd(request), medications);
            default -> {
                // cancelled, draft, entered-in-error, unknown: no exposure
            }
        }
    }

    private static LocalDate authored(MedicationRequest request) {
        return request.hasAuthoredOn() ? localDate(request.getAuthoredOn()) : null;
    }

    private static LocalDate validityEnd(MedicationRequest request) {
        if (request.hasDispenseRequest() && request.getDispenseRequest().hasValidityPeriod()) {
            Period period = request.getDispenseRequest().getValidityPeriod();
            return period.hasEnd() ? localDate(period.getEnd()) : null;
        }
        return null;
    }

    private void readMedicationStatement(MedicationStatement statement, List<MedicationExposure> medications) {
        MedicationStatement.MedicationStatementStatus status = statement.getStatus();
        boolean active;
        if (status == null
                || status == MedicationStatement.MedicationStatementStatus.ACTIVE
                || status == MedicationStatement.MedicationStatementStatus.INTENDED
                || status == MedicationStatement.MedicationStatementStatus.ONHOLD) {
            active = true;
        } else if (status == MedicationStatement.MedicationStatementStatus.COMPLETED
                || status == MedicationStatement.MedicationStatementStatus.STOPPED) {
            active = false;
        } else {
            return;
        }
        LocalDate start = null;
        LocalDate end = null;
        try {
            if (statement.hasEffectiveDateTimeType()) {
                start = localDate(statement.getEffectiveDateTimeType().getValue());
            } else if (statement.hasEffectivePeriod()) {
                Period period = statement.getEffectivePeriod();
                start = period.hasStart() ? localDate(period.getStart()) : null;
                end = period.hasEnd() ? localDate(period.getEnd()) : null;
            }
        } catch (RuntimeException e) {
            // effective[x] of an unexpected type: dates unknown.
        }
        Set<MedicationClass> classes = medicationClasses(statement.getMedication(), statement);
        MedicationExposure dose = DocumentedDose.of(statement, classes);
        if (dose != null) {
            medications.add(dose);
            return;
        }
        for (MedicationClass medicationClass : classes) {
            medications.add(new MedicationExposure(medicationClass, start, end, active));
        }
    }

    private void addExposures(
            org.hl7.fhir.r4.model.Type medication,
            org.hl7.fhir.r4.model.DomainResource owner,
            boolean active,
            LocalDate start,
            LocalDate end,
            List<MedicationExposure> medications) {
        for (MedicationClass medicationClass : medicationClasses(medication, owner)) {
            medications.add(new MedicationExposure(medicationClass, start, end, active));
        }
    }

    /** A MedicationRequest's or MedicationStatement's medication classes, whatever its status (else none). */
    public Set<MedicationClass> medicationClasses(IBaseResource resource) {
        if (resource instanceof MedicationRequest request) {
            return medicationClasses(request.getMedication(), request);
        }
        if (resource instanceof MedicationStatement statement) {
            return medicationClasses(statement.getMedication(), statement);
        }
        return Set.of();
    }

    private Set<MedicationClass> medicationClasses(
            org.hl7.fhir.r4.model.Type medication, org.hl7.fhir.r4.model.DomainResource owner) {
        Set<MedicationClass> classes = EnumSet.noneOf(MedicationClass.class);
        if (medication instanceof CodeableConcept concept) {
            classes.addAll(classes(concept));
        } else if (medication instanceof org.hl7.fhir.r4.model.Reference reference) {
            Medication contained = containedMedication(owner, reference);
            if (contained != null) {
                classes.addAll(classes(contained.getCode()));
                for (Medication.MedicationIngredientComponent ingredient : contained.getIngredient()) {
                    if (ingredient.hasItemCodeableConcept()) {
                        classes.addAll(classes(ingredient.getItemCodeableConcept()));
                    }
                }
            } else if (reference.hasDisplay()) {
                classes.addAll(codeGroups.medicationClasses(null, null, reference.getDisplay()));
            }
        }
        return classes;
    }

    /**
     * Whether this reader reads the resource, by its codes only (status, dates and values are not looked at): a
     * Condition with a clinical flag or a pregnancy, a medication of a class the engine reads, a red-cell transfusion,
     * the pregnancy-status Observation.
     */
    public boolean concerns(IBaseResource resource) {
        if (resource instanceof Condition condition) {
            for (Coding coding : condition.getCode().getCoding()) {
                if (coding.getSystem() != null
                        && coding.getCode() != null
                        && (!codeGroups
                                        .conditionFlags(coding.getSystem(), coding.getCode())
                                        .isEmpty()
                                || codeGroups
                                        .pregnancyFromCondition(coding.getSystem(), coding.getCode())
                                        .isPresent())) {
                    return true;
                }
            }
            return false;
        }
        if (resource instanceof Procedure procedure) {
            return procedure.getCode().getCoding().stream()
                    .anyMatch(c -> codeGroups.isRedCellTransfusion(c.getSystem(), c.getCode()));
        }
        if (resource instanceof Observation observation) {
            return isPregnancyStatus(observation);
        }
        return !medicationClasses(resource).isEmpty();
    }

    private static boolean isPregnancyStatus(Observation observation) {
        return observation.getCode().getCoding().stream()
                .anyMatch(c -> Vocabulary.LOINC.equals(c.getSystem())
                        && Vocabulary.PREGNANCY_STATUS_LOINC.equals(c.getCode()));
    }

    private Set<MedicationClass> classes(CodeableConcept concept) {
        Set<MedicationClass> classes = EnumSet.noneOf(MedicationClass.class);
        for (Coding coding : concept.getCoding()) {
            classes.addAll(codeGroups.medicationClasses(coding.getSystem(), coding.getCode(), coding.getDisplay()));
        }
        if (classes.isEmpty() && concept.hasText()) {
            classes.addAll(codeGroups.medicationClasses(null, null, concept.getText()));
        }
        return classes;
    }

    private static Medication containedMedication(
            org.hl7.fhir.r4.model.DomainResource owner, org.hl7.fhir.r4.model.Reference reference) {
        if (!reference.hasReference() || !reference.getReference().startsWith("#")) {
            return null;
        }
        String id = reference.getReference().substring(1);
        for (Resource contained : owner.getContained()) {
            String containedId = contained.getIdElement().getIdPart();
            if (contained instanceof Medication medication
                    && (id.equals(containedId) || ("#" + id).equals(containedId))) {
                return medication;
            }
        }
        return null;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

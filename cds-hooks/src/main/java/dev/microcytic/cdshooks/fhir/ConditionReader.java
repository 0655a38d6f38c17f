package dev.microcytic.cdshooks.fhir;

import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.CodeGroups;
import dev.microcytic.terminology.Pregnancy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * Reads a Condition as a clinician reads a problem list: a refuted or entered-in-error Condition says nothing; a
 * hereditary diagnosis (thalassaemia, other haemoglobinopathy, hereditary sideroblastic anemia, erythropoietic
 * porphyria, inherited iron-metabolism disorder: {@link ClinicalFlag#hereditary()}) holds for life whatever its
 * status; every other flag, including an iron-deficiency anemia, a lead exposure or an anemia of chronic disease, holds
 * only while the Condition is current (clinicalStatus active, recurrence or relapse; without a clinicalStatus, no
 * abatement): a resolved, inactive or in-remission one is history, not a current cause (FHIR R4 Condition,
 * clinicalStatus and abatement[x]).
 */
final class ConditionReader {

    private final CodeGroups codeGroups;

    ConditionReader(CodeGroups codeGroups) {
        this.codeGroups = codeGroups;
    }

    /**
     * Adds the Condition's current flags, and hands each pregnancy it states to {@code pregnancy} with its date (onset,
     * else recorded date; null when neither).
     */
    void read(Condition condition, Set<ClinicalFlag> flags, BiConsumer<LocalDate, Pregnancy> pregnancy) {
        if (refutedOrError(condition)) {
            return;
        }
        boolean current = isCurrent(condition);
        LocalDate date = conditionDate(condition);
        for (Coding coding : condition.getCode().getCoding()) {
            Set<ClinicalFlag> coded = codeGroups.conditionFlags(coding.getSystem(), coding.getCode());
            // a hereditary code carries its companion flags (D64.0: sideroblastic and hereditary sideroblastic)
            boolean lifelong = coded.stream().anyMatch(ClinicalFlag::hereditary);
            if (current || lifelong) {
                flags.addAll(current ? coded : known(coded));
            }
            if (current || date != null) {
                codeGroups
                        .pregnancyFromCondition(coding.getSystem(), coding.getCode())
                        .ifPresent(p -> pregnancy.accept(date, p));
            }
        }
    }

    /** The known-diagnosis flags of a hereditary code (its context flags hold only while it is current). */
    private static Set<ClinicalFlag> known(Set<ClinicalFlag> coded) {
        Set<ClinicalFlag> known = EnumSet.noneOf(ClinicalFlag.class);
        for (ClinicalFlag flag : coded) {
            if (flag.name().startsWith("KNOWN_")) {
                known.add(flag);
            }
        }
        return known;
    }

    private static boolean refutedOrError(Condition condition) {
        if (!condition.hasVerificationStatus()) {
            return false;
        }
        return condition.getVerificationStatus().getCoding().stream()
                .anyMatch(c -> "refuted".equals(c.getCode()) || "entered-in-error".equals(c.getCode()));
    }

    private static boolean isCurrent(Condition condition) {
        if (!condition.hasClinicalStatus()) {
            return !condition.hasAbatement();
        }
        return condition.getClinicalStatus().getCoding().stream().anyMatch(c -> CURRENT.contains(c.getCode()));
    }

    private static final List<String> CURRENT = List.of("active", "recurrence", "relapse");

    private static LocalDate conditionDate(Condition condition) {
        try {
            if (condition.hasOnsetDateTimeType()) {
                return localDate(condition.getOnsetDateTimeType().getValue());
            }
            if (condition.hasOnsetPeriod() && condition.getOnsetPeriod().hasStart()) {
                return localDate(condition.getOnsetPeriod().getStart());
            }
        } catch (RuntimeException e) {
            // onset[x] of another type (age, string): use the recorded date.
        }
        return condition.hasRecordedDate() ? localDate(condition.getRecordedDate()) : null;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

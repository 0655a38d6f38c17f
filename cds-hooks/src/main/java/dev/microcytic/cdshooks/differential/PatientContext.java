package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything about the patient apart from lab values that the differential reads.
 *
 * @param evaluationDate the date the interpretation is made for (validity windows count back from it)
 * @param birthDate date of birth, or null when unknown
 * @param sex administrative sex
 * @param pregnancy pregnancy status
 * @param flags conditions grouped by meaning
 * @param medications medication exposures
 * @param lastTransfusion date of the most recent red-cell transfusion, or null when none is known
 * @param transfusions the dates of every known red-cell transfusion, oldest first (the last one included)
 */
public record PatientContext(
        LocalDate evaluationDate,
        LocalDate birthDate,
        Sex sex,
        Pregnancy pregnancy,
        Set<ClinicalFlag> flags,
        List<MedicationExposure> medications,
        LocalDate lastTransfusion,
        List<LocalDate> transfusions) {

    public PatientContext {
        flags = Set.copyOf(flags);
        medications = List.copyOf(medications);
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (transfusions != null) {
            transfusions.stream().filter(Objects::nonNull).forEach(dates::add);
        }
        if (lastTransfusion != null) {
            dates.add(lastTransfusion);
        }
        transfusions = List.copyOf(dates);
        lastTransfusion = dates.isEmpty() ? null : dates.last();
    }

    /** A context that knows only the last transfusion (or none). */
    public PatientContext(
            LocalDate evaluationDate,
            LocalDate birthDate,
            Sex sex,
            Pregnancy pregnancy,
            Set<ClinicalFlag> flags,
            List<MedicationExposure> medications,
            LocalDate lastTransfusion) {
        this(evaluationDate, birthDate, sex, pregnancy, flags, medications, lastTransfusion, List.of());
    }

    /** Age in (fractional) years at the evaluation date, or null when the birth date is unknown. */
    public Double ageYears() {
        if (birthDate == null) {
            return null;
        }
        Period period = Period.between(birthDate, evaluationDate);
        return period.getYears() + period.getMonths() / 12.0 + period.getDays() / 365.25;
    }

    public boolean has(ClinicalFlag flag) {
        return flags.contains(flag);
    }
}

package dev.microcytic.cdshooks.differential;

import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A small builder for rule tests: canonical units, days before the evaluation date. */
final class Patient {

    static final LocalDate DATE = LocalDate.of(2026, 3, 2);

    private LocalDate birth = DATE.minusYears(40);
    private Sex sex = Sex.FEMALE;
    private Pregnancy pregnancy = Pregnancy.NOT_PREGNANT;
    private final Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
    private final List<MedicationExposure> meds = new ArrayList<>();
    private final List<LabValue> labs = new ArrayList<>();
    private LocalDate transfusion;

    static Patient woman(int years) {
        return new Patient().age(years).sex(Sex.FEMALE);
    }

    static Patient man(int years) {
        return new Patient().age(years).sex(Sex.MALE);
    }

    Patient age(double years) {
        birth = DATE.minusMonths(Math.round(years * 12));
        return this;
    }

    Patient ageMonths(int months) {
        birth = DATE.minusMonths(months);
        return this;
    }

    Patient unknownAge() {
        birth = null;
        return this;
    }

    Patient sex(Sex value) {
        sex = value;
        return this;
    }

    Patient pregnant(Pregnancy value) {
        pregnancy = value;
        return this;
    }

    Patient flag(ClinicalFlag flag) {
        flags.add(flag);
        return this;
    }

    Patient med(MedicationClass medication, Integer startDaysAgo, Integer endDaysAgo) {
        meds.add(new MedicationExposure(
                medication,
                startDaysAgo == null ? null : DATE.minusDays(startDaysAgo),
                endDaysAgo == null ? null : DATE.minusDays(endDaysAgo),
                endDaysAgo == null));
        return this;
    }

    Patient transfused(int daysAgo) {
        transfusion = DATE.minusDays(daysAgo);
        return this;
    }

    Patient lab(Analyte analyte, double value) {
        return lab(analyte, value, 0);
    }

    Patient lab(Analyte analyte, double value, int daysAgo) {
        Instant at = DATE.atTime(12, 0).toInstant(ZoneOffset.UTC).minusSeconds(daysAgo * 86_400L);
        labs.add(new LabValue(analyte, value, at, "Observation/" + labs.size(), null, null, false));
        return this;
    }

    Patient labWithRange(Analyte analyte, double value, Double low, Double high) {
        Instant at = DATE.atTime(12, 0).toInstant(ZoneOffset.UTC);
        labs.add(new LabValue(analyte, value, at, "Observation/" + labs.size(), low, high, false));
        return this;
    }

    /** A microcytic CBC: Hb, MCV, MCH, RBC, RDW. */
    Patient cbc(double hb, double mcv) {
        return lab(Analyte.HEMOGLOBIN, hb).lab(Analyte.MCV, mcv);
    }

    LabPanel panel() {
        return LabPanel.of(labs);
    }

    PatientContext context() {
        return new PatientContext(DATE, birth, sex, pregnancy, flags, meds, transfusion);
    }

    Differential evaluate() {
        return GuidelineDifferentialEngine.standard().evaluate(panel(), context());
    }

    Differential evaluate(DifferentialEngine engine) {
        return engine.evaluate(panel(), context());
    }
}

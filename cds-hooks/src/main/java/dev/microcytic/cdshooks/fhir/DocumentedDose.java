package dev.microcytic.cdshooks.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.terminology.MedicationClass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;

/**
 * One documented oral iron dose, the dose of an oral iron absorption test: a completed MedicationStatement of oral
 * iron taken at a time (effectiveDateTime to the minute or finer) with its dose in mg. Without the time or the amount a
 * statement stays an ordinary course: an absorption test counts only with both (Kloepfer et al., Swiss Med Wkly 2015:
 * 200 mg ferrous fumarate, plasma iron before and 4 h after).
 */
final class DocumentedDose {

    private DocumentedDose() {}

    /** The documented dose, or null when the statement is not one. */
    static MedicationExposure of(MedicationStatement statement, Set<MedicationClass> classes) {
        if (!classes.contains(MedicationClass.ORAL_IRON)
                || statement.getStatus() != MedicationStatement.MedicationStatementStatus.COMPLETED
                || !statement.hasEffectiveDateTimeType()) {
            return null;
        }
        var effective = statement.getEffectiveDateTimeType();
        if (effective.getValue() == null
                || effective.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()) {
            return null;
        }
        Double mg = doseMg(statement);
        if (mg == null) {
            return null;
        }
        Instant taken = effective.getValue().toInstant();
        return new MedicationExposure(MedicationClass.ORAL_IRON, null, null, false, taken, mg);
    }

    private static Double doseMg(MedicationStatement statement) {
        for (Dosage dosage : statement.getDosage()) {
            for (Dosage.DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
                if (!doseAndRate.hasDoseQuantity()) {
                    continue;
                }
                Quantity q = doseAndRate.getDoseQuantity();
                String unit = q.hasCode() ? q.getCode() : q.getUnit();
                BigDecimal value = q.getValue();
                if (value != null && value.signum() > 0 && unit != null) {
                    String u = unit.trim().toLowerCase(Locale.ROOT);
                    if (u.equals("mg")) {
                        return value.doubleValue();
                    }
                    if (u.equals("g")) {
                        return value.doubleValue() * 1000.0;
                    }
                }
            }
        }
        return null;
    }
}

package dev.microcytic.cdshooks.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;

/**
 * The date of a red-cell transfusion Procedure (its code already recognised by the caller): completed or in progress,
 * performed at a dateTime or over a period (its end, else its start). Every transfusion is kept, not only the last,
 * because each one's window excludes the Hb values drawn inside it from the treatment responses.
 */
final class TransfusionReader {

    private TransfusionReader() {}

    /** Adds the transfusion's date to {@code dates} when the Procedure was performed and its date is known. */
    static void add(Procedure procedure, List<LocalDate> dates) {
        LocalDate date = date(procedure);
        if (date != null) {
            dates.add(date);
        }
    }

    static LocalDate date(Procedure procedure) {
        if (procedure.hasStatus()
                && procedure.getStatus() != Procedure.ProcedureStatus.COMPLETED
                && procedure.getStatus() != Procedure.ProcedureStatus.INPROGRESS) {
            return null;
        }
        try {
            if (procedure.hasPerformedDateTimeType()) {
                return localDate(procedure.getPerformedDateTimeType().getValue());
            }
            if (procedure.hasPerformedPeriod()) {
                Period period = procedure.getPerformedPeriod();
                return localDate(period.hasEnd() ? period.getEnd() : period.getStart());
            }
        } catch (RuntimeException e) {
            // performed[x] of an unexpected type.
        }
        return null;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

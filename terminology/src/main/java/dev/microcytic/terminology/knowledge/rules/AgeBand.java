package dev.microcytic.terminology.knowledge.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * A half-open age interval {@code [from, to)} as ISO-8601 periods since birth: half-open so that adjacent bands neither
 * overlap nor leave a gap, and calendar arithmetic rather than rounded years.
 *
 * @param from inclusive lower bound
 * @param to exclusive upper bound, or null for no upper bound
 */
public record AgeBand(Period from, Period to) {

    public boolean contains(LocalDate birthDate, LocalDate on) {
        if (birthDate.plus(from).isAfter(on)) {
            return false;
        }
        return to == null || birthDate.plus(to).isAfter(on);
    }

    /** Whether this band holds adults (open-ended and starting at 15 years or later). */
    public boolean adult() {
        return to == null && from.toTotalMonths() >= 15 * 12;
    }

    public String label() {
        return to == null ? "≥ " + text(from) : text(from) + "–<" + text(to);
    }

    private static String text(Period period) {
        if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + " y";
        }
        if (period.getDays() == 0) {
            return period.toTotalMonths() + " mo";
        }
        return period.getDays() + period.toTotalMonths() * 30 + " d";
    }
}

package dev.microcytic.terminology.knowledge.rules;

import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Age-, sex- and pregnancy-specific limits of {@code reference-intervals.json}: WHO hemoglobin cut-offs for anemia
 * (2011 and 2024 sets, who-2011, who-2024; infants under 6 months from the Dallman −2 SD table, dallman-1977), MCV
 * and MCH lower limits by age (Dallman −2 SD, dallman-1977), ferritin cut-offs for absent stores by age (WHO 2020,
 * who-2020; Domellöf 2002 for infants, domellof-2002) and serum copper lower limits by age (Lin 2012, lin-2012; adults
 * arup-copper). Each entry of the file cites its references by id (references.json). A laboratory's own reference
 * range takes precedence where the result carries one; these are the fallback.
 */
public final class ReferenceIntervals {

    /** Which WHO hemoglobin cut-off set defines anemia. */
    public enum HemoglobinCutoffSet {
        WHO_2011,
        WHO_2024
    }

    /**
     * The anemia cut-off that applies to one patient.
     *
     * @param anemiaBelow anemia if Hb is below this (g/dL)
     * @param moderateBelow moderate anemia below this (g/dL)
     * @param severeBelow severe anemia below this (g/dL)
     * @param population the population the row describes, e.g. "non-pregnant women ≥ 15 y"
     * @param set the cut-off set the row belongs to (e.g. "WHO 2024")
     * @param sources reference ids
     */
    public record HemoglobinCutoff(
            double anemiaBelow,
            double moderateBelow,
            double severeBelow,
            String population,
            String set,
            List<String> sources) {

        public String sourceId() {
            return sources.get(0);
        }
    }

    /**
     * An age-banded limit.
     *
     * @param value the limit in {@link #unit()}
     * @param unit UCUM unit
     * @param band the age band the limit applies to
     * @param sources reference ids
     */
    public record AgeLimit(double value, String unit, AgeBand band, List<String> sources) {

        public String sourceId() {
            return sources.get(0);
        }
    }

    /** The age-banded tables besides hemoglobin. */
    public enum Table {
        MCV_LOWER,
        MCH_LOWER,
        FERRITIN_ABSENT_STORES,
        COPPER_LOWER
    }

    record HemoglobinRow(AgeBand band, Sex sex, Boolean pregnant, Pregnancy trimester, HemoglobinCutoff cutoff) {

        boolean matches(LocalDate birthDate, LocalDate on, Sex patientSex, Pregnancy pregnancy) {
            if (!band.contains(birthDate, on)) {
                return false;
            }
            boolean isPregnant = pregnancy != null && pregnancy.pregnant();
            if (pregnant != null && pregnant != isPregnant) {
                return false;
            }
            if (trimester != null && trimester != pregnancy) {
                return false;
            }
            return sex == null || sex == patientSex;
        }
    }

    record AgeRow(AgeBand band, AgeLimit limit) {}

    private final String version;
    private final Map<HemoglobinCutoffSet, List<HemoglobinRow>> hemoglobin;
    private final Map<Table, List<AgeRow>> tables;

    ReferenceIntervals(
            String version, Map<HemoglobinCutoffSet, List<HemoglobinRow>> hemoglobin, Map<Table, List<AgeRow>> tables) {
        this.version = version;
        this.hemoglobin = new EnumMap<>(hemoglobin);
        this.tables = new EnumMap<>(tables);
        for (HemoglobinCutoffSet set : HemoglobinCutoffSet.values()) {
            if (!this.hemoglobin.containsKey(set)) {
                throw new IllegalArgumentException("reference intervals lack hemoglobin set " + set);
            }
        }
        for (Table table : Table.values()) {
            if (!this.tables.containsKey(table)) {
                throw new IllegalArgumentException("reference intervals lack table " + table);
            }
        }
    }

    public String version() {
        return version;
    }

    /**
     * The hemoglobin cut-off for a patient. With an unknown birth date the adult rows apply; with unknown sex at adult
     * age the lower (women's) cut-off applies so that anemia is not over-called; a pregnancy with an unknown trimester
     * uses the trimester-unknown row (110 g/L: who-2024, pavord-2020).
     */
    public HemoglobinCutoff anemiaCutoff(
            HemoglobinCutoffSet set, LocalDate birthDate, LocalDate on, Sex sex, Pregnancy pregnancy) {
        LocalDate birth = birthDate == null ? on.minusYears(30) : birthDate;
        Sex effectiveSex = sex == Sex.MALE || sex == Sex.FEMALE ? sex : Sex.FEMALE;
        Pregnancy effectivePregnancy = pregnancy == null ? Pregnancy.UNKNOWN : pregnancy;
        for (HemoglobinRow row : hemoglobin.get(set)) {
            if (row.matches(birth, on, effectiveSex, effectivePregnancy)) {
                return row.cutoff();
            }
        }
        throw new IllegalStateException("no hemoglobin cut-off row for age/sex/pregnancy in " + set);
    }

    /** The age-banded limit of a table; an unknown birth date gives the adult row. */
    public Optional<AgeLimit> limit(Table table, LocalDate birthDate, LocalDate on) {
        LocalDate birth = birthDate == null ? on.minusYears(30) : birthDate;
        for (AgeRow row : tables.get(table)) {
            if (row.band().contains(birth, on)) {
                return Optional.of(row.limit());
            }
        }
        return Optional.empty();
    }

    static AgeBand band(String from, String to) {
        return new AgeBand(Period.parse(from), to == null ? null : Period.parse(to));
    }
}

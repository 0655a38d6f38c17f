package dev.microcytic.bench.growth;

import dev.microcytic.bench.growth.SyntheticPatient.LabResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic generator of realistic patients with a CBC and iron studies (LOINC, UCUM): patient {@code i} depends
 * only on the seed, {@code i} and the anchor date, so concurrent loaders can build any patient on demand and never
 * hold the population in memory. About 12.5 lab Observations per patient on average:
 *
 * <ul>
 *   <li>half: one work-up, the CBC (7 results) and the iron studies (ferritin, iron, TIBC, transferrin saturation,
 *       CRP; transferrin for half of them) drawn the same morning or one to three days later: 12-13;
 *   <li>three in ten: a CBC with ferritin only (8);
 *   <li>one in five (serial results): a CBC three to nine months earlier, then the full work-up (19-20).
 * </ul>
 *
 * The latest results are 1 to 60 days before the anchor date, inside the engine's validity windows, so each patient
 * gets a current interpretation. Adults of 18 to 89 years, 60 % women. The values of one draw are consistent with each
 * other (hematocrit = Hb / MCHC, RBC = Hct / MCV, MCH = Hb / RBC; TSAT = iron / TIBC).
 */
public final class SyntheticPatients {

    public static final String ID_PREFIX = "growth-";

    private static final double MALE_HEMOGLOBIN_OFFSET = 1.5;
    private static final double MALE_FERRITIN_FACTOR = 1.8;
    /** TIBC (ug/dL) is about 1.3 x transferrin (mg/dL); laboratories use factors of 1.25 to 1.43. */
    private static final double TIBC_PER_TRANSFERRIN = 1.3;

    private final long seed;
    private final LocalDate anchor;

    /** @param anchor the day the data is "current" on (the loader passes today, the tests a fixed date) */
    public SyntheticPatients(long seed, LocalDate anchor) {
        this.seed = seed;
        this.anchor = anchor;
    }

    public long seed() {
        return seed;
    }

    public LocalDate anchor() {
        return anchor;
    }

    public static String patientId(long index) {
        return ID_PREFIX + String.format("%07d", index);
    }

    /** Patient {@code index}, the same for the same seed and anchor on every call. */
    public SyntheticPatient patient(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        SyntheticCause cause = SyntheticCause.at(random.nextDouble());
        boolean female = random.nextDouble() < 0.6;
        int ageYears = 18 + random.nextInt(72);
        LocalDate birthDate = anchor.minusYears(ageYears).minusDays(random.nextInt(365));
        double visitKind = random.nextDouble();
        boolean serial = visitKind < 0.2;
        boolean fullWorkup = serial || visitKind >= 0.5;

        LocalDate latestDay = anchor.minusDays(1 + random.nextInt(60));
        Instant latest = morning(latestDay, random);
        List<LabResult> labs = new ArrayList<>(20);
        if (serial) {
            // Months earlier the picture was milder: the anaemia (if any) was developing.
            addCbc(labs, cause, female, morning(latestDay.minusDays(90 + random.nextInt(180)), random), 0.6, random);
        }
        addCbc(labs, cause, female, latest, 0, random);
        if (fullWorkup) {
            Instant chemistry = random.nextDouble() < 0.7
                    ? latest.plus(5 + random.nextInt(30), ChronoUnit.MINUTES)
                    : latest.plus(1 + random.nextInt(3), ChronoUnit.DAYS);
            addIronStudies(labs, cause, female, chemistry, random.nextBoolean(), random);
        } else {
            add(labs, LabAnalyte.FERRITIN, ferritin(cause, female, random), latest);
        }
        return new SyntheticPatient(index, patientId(index), cause, female, birthDate, serial, List.copyOf(labs));
    }

    /** Observations of patients {@code 0 .. patients-1}. */
    public long observations(long patients) {
        long total = 0;
        for (long i = 0; i < patients; i++) {
            total += patient(i).observationCount();
        }
        return total;
    }

    /** The 7 CBC results of one draw; {@code recovery} (0-1) moves the values that far towards normal. */
    private static void addCbc(
            List<LabResult> labs,
            SyntheticCause cause,
            boolean female,
            Instant effective,
            double recovery,
            SplittableRandom random) {
        SyntheticCause normal = SyntheticCause.NORMAL;
        double hb = gaussian(random, towards(cause.hemoglobin, normal.hemoglobin, recovery), cause.hemoglobinSd)
                + (female ? 0 : MALE_HEMOGLOBIN_OFFSET);
        double mcv = gaussian(random, towards(cause.mcv, normal.mcv, recovery), cause.mcvSd);
        double mchc = gaussian(random, towards(cause.mchc, normal.mchc, recovery), cause.mchcSd);
        double rdw = gaussian(random, towards(cause.rdw, normal.rdw, recovery), cause.rdwSd);
        hb = clamp(hb, 5.5, 18.5);
        mcv = clamp(mcv, 55, 105);
        mchc = clamp(mchc, 27, 37);
        double hematocrit = hb / mchc * 100;
        double rbc = hematocrit * 10 / mcv;
        double mch = hb * 10 / rbc;
        add(labs, LabAnalyte.HEMOGLOBIN, hb, effective);
        add(labs, LabAnalyte.HEMATOCRIT, hematocrit, effective);
        add(labs, LabAnalyte.ERYTHROCYTES, rbc, effective);
        add(labs, LabAnalyte.MCV, mcv, effective);
        add(labs, LabAnalyte.MCH, mch, effective);
        add(labs, LabAnalyte.MCHC, mchc, effective);
        add(labs, LabAnalyte.RDW, clamp(rdw, 10.5, 26), effective);
    }

    private static void addIronStudies(
            List<LabResult> labs,
            SyntheticCause cause,
            boolean female,
            Instant effective,
            boolean transferrin,
            SplittableRandom random) {
        double iron = clamp(gaussian(random, cause.iron, cause.ironSd), 5, 250);
        double tibc = clamp(gaussian(random, cause.tibc, cause.tibcSd), 150, 600);
        add(labs, LabAnalyte.FERRITIN, ferritin(cause, female, random), effective);
        add(labs, LabAnalyte.IRON, iron, effective);
        add(labs, LabAnalyte.TIBC, tibc, effective);
        add(labs, LabAnalyte.TRANSFERRIN_SATURATION, iron / tibc * 100, effective);
        if (transferrin) {
            add(labs, LabAnalyte.TRANSFERRIN, tibc / TIBC_PER_TRANSFERRIN, effective);
        }
        add(labs, LabAnalyte.CRP, clamp(logNormal(random, cause.crpMedian, cause.crpSpread), 0.1, 300), effective);
    }

    private static double ferritin(SyntheticCause cause, boolean female, SplittableRandom random) {
        boolean maleStores = !female && cause != SyntheticCause.IRON_DEFICIENCY;
        double median = cause.ferritinMedian * (maleStores ? MALE_FERRITIN_FACTOR : 1);
        double value = logNormal(random, median, cause.ferritinSpread);
        // Iron deficiency is a ferritin under 30 ng/mL (WHO 2020); keep the generated cause true to its label.
        return cause == SyntheticCause.IRON_DEFICIENCY ? clamp(value, 1, 29) : clamp(value, 1, 2000);
    }

    private static void add(List<LabResult> labs, LabAnalyte analyte, double value, Instant effective) {
        labs.add(new LabResult(analyte, analyte.round(value), effective));
    }

    /** A draw time between 07:00 and 11:59 UTC on {@code day}. */
    private static Instant morning(LocalDate day, SplittableRandom random) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(7 * 60 + random.nextInt(5 * 60), ChronoUnit.MINUTES);
    }

    private static double towards(double value, double target, double fraction) {
        return value + (target - value) * fraction;
    }

    private static double gaussian(SplittableRandom random, double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    private static double logNormal(SplittableRandom random, double median, double geometricSd) {
        return median * Math.exp(Math.log(geometricSd) * random.nextGaussian());
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** A well-mixed seed per patient (SplitMix64's finaliser), so neighbouring indexes are independent. */
    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.knowledge.rules.DiscriminationIndexDefinition;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals;
import dev.microcytic.terminology.knowledge.rules.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of the microcytic workup (clinical brief §0): L0 input (validity windows, transfusion, IV iron, serial
 * values), L1 detection, L2 common causes (iron status decision table of brief review K2), the hemoglobinopathy,
 * acquired and Donker 2014 rules (in their own classes), L4 next tests and ranking (review K3). Not thread-safe: one
 * instance per call.
 */
final class Workup {

    static final Analyte[] ANALYTES = Analyte.values();
    private static final Map<Analyte, String> NAMES = names();
    private static final Set<Analyte> IV_IRON_AFFECTED = EnumSet.of(
            Analyte.FERRITIN,
            Analyte.TRANSFERRIN_SATURATION,
            Analyte.IRON,
            Analyte.TIBC,
            Analyte.UIBC,
            Analyte.HEPCIDIN,
            Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR,
            Analyte.RETICULOCYTE_HEMOGLOBIN);
    private static final Set<Analyte> FRACTIONS =
            EnumSet.of(Analyte.HBA2, Analyte.HBA, Analyte.HBF, Analyte.HBE, Analyte.HBH);
    private static final Set<Analyte> CBC = EnumSet.of(
            Analyte.HEMOGLOBIN,
            Analyte.HEMATOCRIT,
            Analyte.RBC_COUNT,
            Analyte.MCV,
            Analyte.MCH,
            Analyte.MCHC,
            Analyte.RDW_CV,
            Analyte.RDW_SD,
            Analyte.RETICULOCYTES_PERCENT,
            Analyte.RETICULOCYTES_ABSOLUTE,
            Analyte.RETICULOCYTE_HEMOGLOBIN,
            Analyte.WBC,
            Analyte.PLATELETS);
    private static final Set<Analyte> LONG_LIVED = EnumSet.of(
            Analyte.CERULOPLASMIN,
            Analyte.COPPER,
            Analyte.ZINC,
            Analyte.VITAMIN_B6,
            Analyte.URINE_PORPHYRINS,
            Analyte.PLASMA_PORPHYRINS,
            Analyte.HBA1C,
            Analyte.GLUCOSE);
    /** 1 g/L transferrin binds ~25.1 umol/L iron (brief §4.1): TIBC ug/dL = transferrin mg/dL x 1.4018. */
    static final double TIBC_PER_TRANSFERRIN = 25.1 * 55.845 / 1000.0;

    final KnowledgeView k;
    final EngineSettings s;
    final LabPanel panel;
    final PatientContext ctx;
    final LocalDate evalDate;
    final Instant evalEnd;

    // L0: patient
    final double age; // years, NaN when unknown
    final boolean ageKnown;
    final Sex sex;
    final Pregnancy pregnancy;
    final boolean pregnant;
    final EnumSet<MedicationClass> recentMeds = EnumSet.noneOf(MedicationClass.class);
    MedicationExposure oralIron;
    MedicationExposure pyridoxine;
    LocalDate ivIronStart;
    boolean ivIronRecent;
    boolean transfusionRecent;

    // L0: values
    final LabValue[] cur = new LabValue[ANALYTES.length];
    final EnumSet<Analyte> stale = EnumSet.noneOf(Analyte.class);
    final EnumSet<Analyte> blockedByIvIron = EnumSet.noneOf(Analyte.class);
    final EnumSet<Analyte> blockedByTransfusion = EnumSet.noneOf(Analyte.class);
    final LinkedHashSet<LabValue> used = new LinkedHashSet<>();
    LabValue oldFerritin; // iron-loading window only
    LabValue oldTsat;

    // L1
    final List<Evidence> findingEvidence = new ArrayList<>(4);
    boolean anemia;
    boolean microcytosis;
    boolean hypochromia;
    ReferenceIntervals.HemoglobinCutoff hbCutoff;
    Urgency severity = Urgency.INFO;
    double mchLimit = Double.NaN;
    String mchLimitSource;

    // indices
    final List<ComputedIndex> indices = new ArrayList<>(10);
    int thalVotes;
    int idVotes;
    double mentzer = Double.NaN;
    boolean indicesSuppressed;

    // L2 iron status
    IronStatus iron = IronStatus.UNKNOWN;
    boolean inflamed;
    boolean inflammationExcluded;
    boolean inflammationUnknown;
    double absentBelow;
    double probableBelow;
    double stfrIndex = Double.NaN;
    Response oralIronResponse = Response.NONE;
    Response pyridoxineResponse = Response.NONE;
    Boolean oiatAdequate;
    Evidence oralIronEvidence;
    Evidence pyridoxineEvidence;
    Evidence oiatEvidence;

    final EnumMap<Cause, CauseBuilder> causes = new EnumMap<>(Cause.class);
    final List<Caveat> caveats = new ArrayList<>(4);

    enum IronStatus {
        UNKNOWN,
        ABSENT,
        PROBABLE,
        INFLAMED_ID,
        POSSIBLE,
        GREY,
        ACD_RANGE,
        CRP_NEEDED,
        REPLETE;

        boolean deficient() {
            return this == ABSENT || this == PROBABLE || this == INFLAMED_ID;
        }

        /** Ferritin says iron deficiency is not the explanation (stores present). */
        boolean notDeficient() {
            return this == REPLETE || this == ACD_RANGE;
        }
    }

    enum Response {
        NONE,
        NO_DATA,
        TOO_EARLY,
        RESPONSIVE,
        REFRACTORY
    }

    Workup(KnowledgeView k, EngineSettings s, LabPanel panel, PatientContext ctx) {
        this.k = k;
        this.s = s;
        this.panel = panel;
        this.ctx = ctx;
        this.evalDate = ctx.evaluationDate() == null ? LocalDate.now(ZoneOffset.UTC) : ctx.evaluationDate();
        this.evalEnd = evalDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Double years = ctx.birthDate() == null || ctx.evaluationDate() == null ? null : ctx.ageYears();
        this.ageKnown = years != null;
        this.age = years == null ? Double.NaN : years;
        this.sex = ctx.sex() == null ? Sex.UNKNOWN : ctx.sex();
        this.pregnancy = ctx.pregnancy() == null ? Pregnancy.UNKNOWN : ctx.pregnancy();
        this.pregnant = pregnancy.pregnant() && sex != Sex.MALE;
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    Differential run() {
        readContext();
        readValues();
        detect();
        if (!applies()) {
            return new Differential(
                    k.version, findings(), List.of(), List.of(), List.of(), List.of(), Set.of(), new ArrayList<>(used));
        }
        computeIndices();
        ironStatus();
        responses();
        IronRules.apply(this);
        HemoglobinopathyRules.apply(this);
        AcquiredCauseRules.apply(this);
        DonkerRules.apply(this);
        KnownDiagnosisRules.apply(this);
        generalCaveats();
        return assemble();
    }

    // ------------------------------------------------------------------------------------------------ L0 input

    private void readContext() {
        int window = s.medicationWindowDays();
        LocalDate since = evalDate.minusDays(window);
        for (MedicationExposure m : ctx.medications()) {
            if (m == null || m.medication() == null) {
                continue;
            }
            boolean recent;
            if (m.active()) {
                recent = m.start() == null || !m.start().isAfter(evalDate);
            } else if (m.end() != null) {
                recent = !m.end().isBefore(since);
            } else {
                recent = m.start() == null || !m.start().isBefore(since);
            }
            if (!recent) {
                continue;
            }
            recentMeds.add(m.medication());
            if (m.medication() == MedicationClass.ORAL_IRON && later(m, oralIron)) {
                oralIron = m;
            } else if (m.medication() == MedicationClass.PYRIDOXINE && later(m, pyridoxine)) {
                pyridoxine = m;
            }
        }
        for (MedicationExposure m : ctx.medications()) {
            if (m == null || m.medication() != MedicationClass.IV_IRON) {
                continue;
            }
            LocalDate last = m.active() ? evalDate : (m.end() != null ? m.end() : m.start());
            if (last == null || !last.plusDays(s.ivIronWindowDays()).isBefore(evalDate)) {
                ivIronRecent = true;
                if (m.start() != null && (ivIronStart == null || m.start().isBefore(ivIronStart))) {
                    ivIronStart = m.start();
                }
            }
        }
        LocalDate transfusion = ctx.lastTransfusion();
        transfusionRecent = transfusion != null
                && !transfusion.isAfter(evalDate)
                && !transfusion.isBefore(evalDate.minusDays(s.transfusionWindowDays()));
    }

    private static boolean later(MedicationExposure candidate, MedicationExposure current) {
        if (current == null) {
            return true;
        }
        if (candidate.start() == null) {
            return false;
        }
        return current.start() == null || candidate.start().isAfter(current.start());
    }

    private int windowDays(Analyte analyte) {
        if (CBC.contains(analyte)) {
            return s.cbcValidityDays();
        }
        if (FRACTIONS.contains(analyte)) {
            return s.hemoglobinFractionationValidityDays();
        }
        if (LONG_LIVED.contains(analyte)) {
            return s.otherValidityDays();
        }
        return s.ironStudiesValidityDays();
    }

    private void readValues() {
        Instant ivFrom = ivIronRecent && ivIronStart != null
                ? ivIronStart.atStartOfDay(ZoneOffset.UTC).toInstant()
                : (ivIronRecent ? Instant.MIN : null);
        LocalDate transfusion = ctx.lastTransfusion();
        Instant transfusionFrom = transfusion == null
                ? null
                : transfusion.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant transfusionTo = transfusion == null
                ? null
                : transfusion
                        .plusDays(s.transfusionWindowDays() + 1L)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        for (Analyte analyte : ANALYTES) {
            List<LabValue> series = panel.series(analyte);
            if (series.isEmpty()) {
                continue;
            }
            Instant from = evalEnd.minus(Duration.ofDays(windowDays(analyte)));
            boolean ivAffected = ivFrom != null && IV_IRON_AFFECTED.contains(analyte);
            boolean fraction = transfusionFrom != null && FRACTIONS.contains(analyte);
            LabValue chosen = null;
            boolean any = false;
            for (int i = series.size() - 1; i >= 0; i--) {
                LabValue v = series.get(i);
                if (v.effective() == null || v.effective().isAfter(evalEnd) || !Double.isFinite(v.value())) {
                    continue; // a value without a time or number cannot be placed in the picture
                }
                any = true;
                if (v.effective().isBefore(from)) {
                    break;
                }
                if (ivAffected && !v.effective().isBefore(ivFrom)) {
                    blockedByIvIron.add(analyte);
                    continue;
                }
                if (fraction
                        && !v.effective().isBefore(transfusionFrom)
                        && v.effective().isBefore(transfusionTo)) {
                    blockedByTransfusion.add(analyte);
                    continue;
                }
                chosen = v;
                break;
            }
            if (chosen == null
                    && any
                    && !blockedByIvIron.contains(analyte)
                    && !blockedByTransfusion.contains(analyte)) {
                stale.add(analyte);
            }
            cur[analyte.ordinal()] = chosen;
        }
        // An iron-loaded pattern persists: older pre-treatment values may show it (Donker 2014 footnote).
        if (cur[Analyte.FERRITIN.ordinal()] == null) {
            oldFerritin = olderValue(Analyte.FERRITIN, ivFrom);
            oldTsat = olderValue(Analyte.TRANSFERRIN_SATURATION, ivFrom);
            if (oldTsat == null) {
                LabValue ironOld = olderValue(Analyte.IRON, ivFrom);
                LabValue tibcOld = olderValue(Analyte.TIBC, ivFrom);
                if (ironOld != null && tibcOld != null && tibcOld.value() > 0) {
                    oldTsat = new LabValue(
                            Analyte.TRANSFERRIN_SATURATION,
                            Math.min(100.0, ironOld.value() / tibcOld.value() * 100.0),
                            tibcOld.effective(),
                            null,
                            null,
                            null,
                            true);
                }
            }
        }
        deriveTsat();
        oralIronAbsorptionTest();
        for (LabValue v : cur) {
            if (v != null) {
                used.add(v);
            }
        }
    }

    private LabValue olderValue(Analyte analyte, Instant ivFrom) {
        List<LabValue> series = panel.series(analyte);
        Instant from = evalEnd.minus(Duration.ofDays(s.ironLoadingValidityDays()));
        for (int i = series.size() - 1; i >= 0; i--) {
            LabValue v = series.get(i);
            if (v.effective() == null || v.effective().isAfter(evalEnd) || !Double.isFinite(v.value())) {
                continue;
            }
            if (v.effective().isBefore(from)) {
                return null;
            }
            if (ivFrom != null && !v.effective().isBefore(ivFrom)) {
                continue;
            }
            return v;
        }
        return null;
    }

    /** TSAT from iron and TIBC (or UIBC, or transferrin) when not reported (brief §4.1); marked derived. */
    private void deriveTsat() {
        LabValue iron = val(Analyte.IRON);
        LabValue tibc = val(Analyte.TIBC);
        LabValue uibc = val(Analyte.UIBC);
        LabValue transferrin = val(Analyte.TRANSFERRIN);
        if (tibc == null && iron != null && uibc != null) {
            tibc = derived(Analyte.TIBC, iron.value() + uibc.value(), later(iron, uibc));
            cur[Analyte.TIBC.ordinal()] = tibc;
        }
        if (tibc == null && transferrin != null) {
            tibc = derived(Analyte.TIBC, transferrin.value() * TIBC_PER_TRANSFERRIN, transferrin.effective());
            cur[Analyte.TIBC.ordinal()] = tibc;
        }
        if (val(Analyte.TRANSFERRIN_SATURATION) == null && iron != null && tibc != null && tibc.value() > 0) {
            cur[Analyte.TRANSFERRIN_SATURATION.ordinal()] = derived(
                    Analyte.TRANSFERRIN_SATURATION,
                    Math.min(100.0, iron.value() / tibc.value() * 100.0),
                    later(iron, tibc));
        }
    }

    private static Instant later(LabValue a, LabValue b) {
        return a.effective().isAfter(b.effective()) ? a.effective() : b.effective();
    }

    private static LabValue derived(Analyte analyte, double value, Instant effective) {
        return new LabValue(analyte, value, effective, null, null, null, true);
    }

    /**
     * An oral iron absorption test: two serum iron values a few hours apart. A rise below 15 umol/L (84 ug/dL) is poor
     * absorption (brief §2.3, Loveikyte 2023); the pre-dose value is the one read for TSAT.
     */
    private void oralIronAbsorptionTest() {
        List<LabValue> series = panel.series(Analyte.IRON);
        for (int i = series.size() - 1; i > 0; i--) {
            LabValue after = series.get(i);
            LabValue before = series.get(i - 1);
            if (after.effective() == null
                    || before.effective() == null
                    || after.effective().isAfter(evalEnd)) {
                continue;
            }
            long minutes =
                    Duration.between(before.effective(), after.effective()).toMinutes();
            if (minutes > 0 && minutes <= 6 * 60 && after.value() > before.value() - 0.001) {
                double rise = after.value() - before.value();
                oiatAdequate = k.oiatAdequate.test(rise);
                oiatEvidence = new Evidence(
                        "Oral iron absorption test: serum iron rose " + Text.num(rise) + " ug/dL ("
                                + Text.num(before.value()) + " → " + Text.num(after.value()) + ") "
                                + (oiatAdequate ? ">= " : "< ") + Text.num(k.oiatAdequate.value())
                                + " ug/dL (" + (oiatAdequate ? "adequate absorption" : "poor absorption") + ")",
                        Analyte.IRON,
                        rise,
                        "ug/dL",
                        oiatAdequate ? ">=" : "<",
                        k.oiatAdequate.value(),
                        k.oiatAdequate.sourceId(),
                        after.sourceId());
                used.add(before);
                used.add(after);
                if (val(Analyte.IRON) == after) {
                    cur[Analyte.IRON.ordinal()] = before;
                }
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ L1 detection

    private void detect() {
        LabValue hb = val(Analyte.HEMOGLOBIN);
        LabValue mcv = val(Analyte.MCV);
        LabValue mch = val(Analyte.MCH);
        hbCutoff = k.intervals.anemiaCutoff(s.hemoglobinCutoffs(), ctx.birthDate(), evalDate, sex, pregnancy);
        if (hb != null) {
            double below = hbCutoff.anemiaBelow();
            String source = hbCutoff.sourceId();
            String label = hbCutoff.set() + " cut-off, " + hbCutoff.population();
            if (s.labHemoglobinRangeWins() && !pregnant && hb.referenceLow() != null) {
                below = hb.referenceLow();
                source = "laboratory-reference-range";
                label = "laboratory lower reference limit";
            }
            anemia = hb.value() < below;
            findingEvidence.add(lab(hb, anemia ? "<" : ">=", below, source, anemia ? "anemia, " + label : label));
            if (hb.value() < hbCutoff.severeBelow()) {
                severity = Urgency.CRITICAL;
            } else if (hb.value() < hbCutoff.moderateBelow()) {
                severity = Urgency.WARNING;
            }
        }
        if (mcv != null) {
            double limit;
            String source;
            String label;
            if (mcv.referenceLow() != null) {
                limit = mcv.referenceLow();
                source = "laboratory-reference-range";
                label = "laboratory lower reference limit";
            } else {
                ReferenceIntervals.AgeLimit ageLimit = k.intervals
                        .limit(ReferenceIntervals.Table.MCV_LOWER, ctx.birthDate(), evalDate)
                        .orElseThrow();
                limit = ageLimit.value();
                source = ageLimit.sourceId();
                label = "lower limit for age " + ageLimit.band().label();
            }
            microcytosis = mcv.value() < limit;
            findingEvidence.add(lab(
                    mcv, microcytosis ? "<" : ">=", limit, source, microcytosis ? "microcytosis, " + label : label));
        }
        if (mch != null && mch.referenceLow() != null) {
            mchLimit = mch.referenceLow();
            mchLimitSource = "laboratory-reference-range";
        } else {
            ReferenceIntervals.AgeLimit ageLimit = k.intervals
                    .limit(ReferenceIntervals.Table.MCH_LOWER, ctx.birthDate(), evalDate)
                    .orElseThrow();
            mchLimit = ageLimit.value();
            mchLimitSource = ageLimit.sourceId();
        }
        if (mch != null) {
            hypochromia = mch.value() < mchLimit;
            findingEvidence.add(lab(
                    mch,
                    hypochromia ? "<" : ">=",
                    mchLimit,
                    mchLimitSource,
                    hypochromia ? "hypochromia" : "MCH lower limit for age"));
        }
    }

    /**
     * Whether the differential applies: microcytosis with or without anemia (brief §0 L1); anemia or hypochromia when
     * no MCV is available (provisional, with a caveat); a blood lead in the chelation range even without a CBC
     * (a safety finding that must not stay silent).
     */
    boolean applies() {
        if (microcytosis) {
            return true;
        }
        if (val(Analyte.MCV) == null && (anemia || hypochromia)) {
            return true;
        }
        LabValue lead = val(Analyte.BLOOD_LEAD);
        return val(Analyte.MCV) == null
                && val(Analyte.HEMOGLOBIN) == null
                && lead != null
                && k.leadChelation.test(lead.value());
    }

    RedCellFindings findings() {
        return new RedCellFindings(anemia, microcytosis, hypochromia, findingEvidence);
    }

    // ------------------------------------------------------------------------------------------------ indices

    private void computeIndices() {
        double mcv = v(Analyte.MCV);
        double rbc = v(Analyte.RBC_COUNT);
        double hb = v(Analyte.HEMOGLOBIN);
        double rdw = v(Analyte.RDW_CV);
        double mch = v(Analyte.MCH);
        if (Double.isNaN(mcv)) {
            return;
        }
        if (transfusionRecent) {
            indicesSuppressed = true;
            return;
        }
        if (!Double.isNaN(rbc) && rbc > 0) {
            mentzer = mcv / rbc;
        }
        for (DiscriminationIndexDefinition d : k.indices) {
            double value = formula(d.code(), mcv, rbc, hb, rdw, mch);
            if (Double.isNaN(value)) {
                continue;
            }
            boolean thal = d.favoursThalassemia(value);
            if (d.vote()) {
                if (thal) {
                    thalVotes++;
                } else {
                    idVotes++;
                }
            }
            indices.add(new ComputedIndex(
                    d.code(),
                    d.name(),
                    d.formula(),
                    value,
                    d.cutoff(),
                    thal ? Cause.THALASSEMIA_TRAIT.code() : Cause.IRON_DEFICIENCY.code(),
                    d.sensitivity(),
                    d.specificity(),
                    d.sourceId()));
        }
    }

    /** The index formulas of brief §3, by code (kept in code: no expression parsing on the hot path). */
    static double formula(String code, double mcv, double rbc, double hb, double rdw, double mch) {
        double nan = Double.NaN;
        boolean hasRbc = !Double.isNaN(rbc) && rbc > 0;
        return switch (code) {
            case "mentzer" -> hasRbc ? mcv / rbc : nan;
            case "england-fraser" -> hasRbc && !Double.isNaN(hb) ? mcv - rbc - 5 * hb - 3.4 : nan;
            case "green-king" -> !Double.isNaN(rdw) && !Double.isNaN(hb) && hb > 0 ? mcv * mcv * rdw / (hb * 100) : nan;
            case "rdwi" -> hasRbc && !Double.isNaN(rdw) ? mcv * rdw / rbc : nan;
            case "sirdah" -> hasRbc && !Double.isNaN(hb) ? mcv - rbc - 3 * hb : nan;
            case "ehsani" -> hasRbc ? mcv - 10 * rbc : nan;
            case "shine-lal" -> !Double.isNaN(mch) ? mcv * mcv * mch / 100 : nan;
            case "srivastava" -> hasRbc && !Double.isNaN(mch) ? mch / rbc : nan;
            case "ricerca" -> hasRbc && !Double.isNaN(rdw) ? rdw / rbc : nan;
            case "rbc-count" -> hasRbc ? rbc : nan;
            default -> nan;
        };
    }

    boolean leansThalassemia() {
        return !indicesSuppressed && thalVotes >= 2 && thalVotes > idVotes;
    }

    boolean leansIronDeficiency() {
        return !indicesSuppressed && idVotes >= 2 && idVotes > thalVotes;
    }

    private String leanText;

    String leanText() {
        if (leanText == null) {
            leanText = computeLeanText();
        }
        return leanText;
    }

    private String computeLeanText() {
        if (indices.isEmpty()) {
            return indicesSuppressed
                    ? "Discrimination indices not computed (recent transfusion)"
                    : "Discrimination indices not computable (RBC count / RDW-CV missing)";
        }
        int total = thalVotes + idVotes;
        if (leansThalassemia()) {
            return "The CBC leans towards thalassaemia trait (" + thalVotes + " of " + total
                    + " discrimination indices; Mentzer " + Text.num(mentzer) + ")";
        }
        if (leansIronDeficiency()) {
            return "The CBC leans towards iron deficiency (" + idVotes + " of " + total
                    + " discrimination indices" + (Double.isNaN(mentzer) ? "" : "; Mentzer " + Text.num(mentzer))
                    + ")";
        }
        return "The discrimination indices are split (" + thalVotes + " favour thalassaemia trait, " + idVotes
                + " iron deficiency)";
    }

    /** RBC > 5 or Mentzer < 13: microcytosis out of proportion (brief review K3, ID + trait). */
    boolean disproportion() {
        double rbc = v(Analyte.RBC_COUNT);
        return !indicesSuppressed && ((!Double.isNaN(rbc) && rbc > 5.0) || (!Double.isNaN(mentzer) && mentzer < 13));
    }

    // ------------------------------------------------------------------------------------------------ L2 iron

    private void ironStatus() {
        LabValue crp = val(Analyte.CRP);
        boolean crpHigh = crp != null && k.crpInflammation.test(crp.value());
        boolean flag = ctx.has(ClinicalFlag.INFLAMMATION);
        inflamed = crpHigh || flag;
        inflammationExcluded = crp != null && !crpHigh && !flag;
        inflammationUnknown = crp == null && !flag;
        boolean under5 = ageKnown && age < 5;
        absentBelow = k.intervals
                .limit(ReferenceIntervals.Table.FERRITIN_ABSENT_STORES, ctx.birthDate(), evalDate)
                .orElseThrow()
                .value();
        probableBelow = ageKnown && age < 1 ? 12.0 : k.ferritinProbable.value();
        LabValue ferritin = val(Analyte.FERRITIN);
        if (ferritin == null) {
            iron = IronStatus.UNKNOWN;
            return;
        }
        double f = ferritin.value();
        double inflamedBelow = under5 ? k.ferritinInflamedUnder5.value() : k.ferritinInflamed5.value();
        boolean aga = !pregnant && (!ageKnown || age >= k.ageAga.value()) && anemia;
        double possibleBelow = aga ? k.ferritinPossible.value() : probableBelow;
        if (f < absentBelow) {
            iron = IronStatus.ABSENT;
        } else if (inflamed && f < inflamedBelow) {
            iron = IronStatus.INFLAMED_ID;
        } else if (f < probableBelow) {
            iron = IronStatus.PROBABLE;
        } else if (!inflamed && f < possibleBelow) {
            iron = IronStatus.POSSIBLE;
        } else if (inflamed && k.ferritinGreyUpper.test(f)) {
            iron = IronStatus.GREY;
        } else if (inflamed) {
            iron = IronStatus.ACD_RANGE;
        } else if (inflammationUnknown && k.ferritinGreyUpper.test(f)) {
            iron = IronStatus.CRP_NEEDED;
        } else {
            iron = IronStatus.REPLETE;
        }
        LabValue stfr = val(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR);
        if (stfr != null && f > 1.0) {
            stfrIndex = stfr.value() / Math.log10(f);
        }
    }

    private Caveat inflammationCaveat;

    Caveat inflammationCaveat() {
        if (inflammationCaveat == null) {
            inflammationCaveat = Caveats.inflammation(this);
        }
        return inflammationCaveat;
    }

    /** Iron stores present and TSAT not low: iron-restricted erythropoiesis does not explain the microcytosis. */
    boolean ironReplete() {
        LabValue tsat = val(Analyte.TRANSFERRIN_SATURATION);
        return iron.notDeficient() && (tsat == null || !k.tsatLow.test(tsat.value()));
    }

    double inflamedBelow() {
        return ageKnown && age < 5 ? k.ferritinInflamedUnder5.value() : k.ferritinInflamed5.value();
    }

    /** Ferritin above the WHO 2020 iron-overload threshold for this patient (sex-specific; 500 when unwell). */
    Threshold overloadThreshold() {
        if (inflamed || ctx.has(ClinicalFlag.CHRONIC_KIDNEY_DISEASE) || ctx.has(ClinicalFlag.HEART_FAILURE)) {
            return k.ferritinOverloadUnwell;
        }
        return sex == Sex.MALE ? k.ferritinOverloadMale : k.ferritinOverloadFemale;
    }

    /** Ferritin (current, or older within the iron-loading window) and TSAT show iron loading. */
    boolean ironLoaded() {
        LabValue ferritin = val(Analyte.FERRITIN) != null ? val(Analyte.FERRITIN) : oldFerritin;
        LabValue tsat = val(Analyte.TRANSFERRIN_SATURATION) != null ? val(Analyte.TRANSFERRIN_SATURATION) : oldTsat;
        return ferritin != null
                && tsat != null
                && ferritin.value() >= probableBelow
                && k.tsatHigh.test(tsat.value())
                && !inflamed;
    }

    LabValue ferritinForLoading() {
        return val(Analyte.FERRITIN) != null ? val(Analyte.FERRITIN) : oldFerritin;
    }

    LabValue tsatForLoading() {
        return val(Analyte.TRANSFERRIN_SATURATION) != null ? val(Analyte.TRANSFERRIN_SATURATION) : oldTsat;
    }

    // ------------------------------------------------------------------------------------------------ responses

    private void responses() {
        boolean donker = s.oralIronCriterion() == EngineSettings.OralIronCriterion.DONKER_2016;
        Threshold rise = donker ? k.oralIronDonkerRise : k.oralIronBsgRise;
        Threshold days = donker ? k.oralIronDonkerDays : k.oralIronBsgDays;
        if (oralIron != null) {
            oralIronResponse = response(oralIron, rise.value(), (int) days.value());
            oralIronEvidence = responseEvidence("oral iron", oralIron, rise, days, oralIronResponse);
        }
        if (pyridoxine != null) {
            pyridoxineResponse = response(pyridoxine, k.pyridoxineRise.value(), (int) days.value());
            pyridoxineEvidence = responseEvidence("pyridoxine", pyridoxine, k.pyridoxineRise, days, pyridoxineResponse);
        }
    }

    private LabValue responseBaseline;
    private LabValue responseFollowUp;

    /**
     * The Hb response to a treatment from serial values: the latest Hb on or before the start (within 90 days) is the
     * baseline; a rise of at least {@code minRise} at any later point is a response; no such rise at least {@code
     * minDays} after the start is refractoriness (brief §2.3, review T5).
     */
    private Response response(MedicationExposure exposure, double minRise, int minDays) {
        responseBaseline = null;
        responseFollowUp = null;
        if (exposure.start() == null) {
            return Response.NO_DATA;
        }
        Instant start = exposure.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant baselineFrom = start.minus(Duration.ofDays(90));
        List<LabValue> hbs = panel.series(Analyte.HEMOGLOBIN);
        LabValue baseline = null;
        for (LabValue v : hbs) {
            if (v.effective() == null || !Double.isFinite(v.value())) {
                continue;
            }
            if (!v.effective().isAfter(start.plus(Duration.ofDays(1)))
                    && !v.effective().isBefore(baselineFrom)) {
                if (!v.effective().isAfter(start) || baseline == null) {
                    baseline = v;
                }
            }
        }
        if (baseline == null) {
            return Response.NO_DATA;
        }
        Response result = Response.NO_DATA;
        LabValue best = null;
        for (LabValue v : hbs) {
            if (v.effective() == null
                    || !Double.isFinite(v.value())
                    || !v.effective().isAfter(baseline.effective())
                    || v.effective().isAfter(evalEnd)) {
                continue;
            }
            long elapsed = Duration.between(start, v.effective()).toDays();
            double delta = v.value() - baseline.value();
            if (delta >= minRise - 1e-9 && elapsed >= 7) {
                responseBaseline = baseline;
                responseFollowUp = v;
                return Response.RESPONSIVE;
            }
            if (elapsed >= minDays) {
                result = Response.REFRACTORY;
                best = v;
            } else if (result != Response.REFRACTORY) {
                result = Response.TOO_EARLY;
                best = v;
            }
        }
        responseBaseline = baseline;
        responseFollowUp = best;
        return result;
    }

    private Evidence responseEvidence(
            String what, MedicationExposure exposure, Threshold rise, Threshold days, Response response) {
        if (responseBaseline == null || responseFollowUp == null) {
            return null;
        }
        used.add(responseBaseline);
        used.add(responseFollowUp);
        double delta = responseFollowUp.value() - responseBaseline.value();
        long elapsed = Duration.between(
                        exposure.start().atStartOfDay(ZoneOffset.UTC).toInstant(), responseFollowUp.effective())
                .toDays();
        String verdict =
                switch (response) {
                    case RESPONSIVE -> "responsive";
                    case REFRACTORY -> "refractory: rise < " + Text.num(rise.value()) + " g/dL after ≥ "
                            + Text.num(days.value()) + " days";
                    default -> "too early to judge";
                };
        return new Evidence(
                "Hb " + Text.num(responseBaseline.value()) + " → " + Text.num(responseFollowUp.value()) + " g/dL ("
                        + (delta >= 0 ? "+" : "") + Text.num(delta) + ") " + elapsed + " days after starting "
                        + what + " (" + verdict + ")",
                Analyte.HEMOGLOBIN,
                delta,
                "g/dL",
                response == Response.RESPONSIVE ? ">=" : "<",
                rise.value(),
                rise.sourceId(),
                responseFollowUp.sourceId());
    }

    // ------------------------------------------------------------------------------------------------ caveats

    private void generalCaveats() {
        if (inflamed && val(Analyte.FERRITIN) != null) {
            caveat(inflammationCaveat());
        }
        if (transfusionRecent) {
            caveat(Caveats.transfusion(this));
        }
        if (ivIronRecent) {
            caveat(Caveats.ivIron(this));
        }
        if (oralIron != null) {
            caveat(Caveats.oralIron(this));
        }
        if (pregnant) {
            caveat(Caveats.pregnancy(this));
        }
        if (ageKnown && age < 6) {
            caveat(Caveats.youngChild(this));
        }
        if (!ageKnown) {
            caveat(new Caveat(
                    "age-unknown",
                    "Birth date unknown: adult cut-offs were used; paediatric limits differ (brief review K6).",
                    "who-2011"));
        }
        if (sex == Sex.UNKNOWN && (!ageKnown || age >= 15)) {
            caveat(new Caveat(
                    "sex-unknown",
                    "Sex unknown: the lower (women's) WHO hemoglobin cut-off was used.",
                    hbCutoff.sourceId()));
        }
        if (val(Analyte.MCV) == null) {
            caveat(new Caveat(
                    "mcv-missing",
                    "No current MCV: microcytosis is not confirmed; the interpretation is provisional until a full"
                            + " blood count with MCV/MCH is available.",
                    "donker-2014"));
        }
        if (!stale.isEmpty()) {
            StringBuilder text = new StringBuilder("Results older than their validity window were not used: ");
            boolean first = true;
            for (Analyte a : stale) {
                text.append(first ? "" : ", ").append(name(a));
                first = false;
            }
            caveat(new Caveat("stale-values", text.append('.').toString(), "donker-2014"));
        }
        if (val(Analyte.TRANSFERRIN_SATURATION) != null
                && val(Analyte.TRANSFERRIN_SATURATION).derived()
                && val(Analyte.TRANSFERRIN_SATURATION).sourceId() == null) {
            caveat(new Caveat(
                    "tsat-derived",
                    "TSAT was computed from serum iron and TIBC/transferrin ("
                            + Text.num(v(Analyte.TRANSFERRIN_SATURATION)) + " %).",
                    "donker-2014"));
        }
        if (!Double.isNaN(stfrIndex) || val(Analyte.HEPCIDIN) != null) {
            caveat(new Caveat(
                    "assay-dependent",
                    "sTfR and hepcidin cut-offs are assay-specific (no international standard): published cut-offs"
                            + " apply only with a matching assay.",
                    "weiss-2005"));
        }
        if (ctx.has(ClinicalFlag.HEART_FAILURE) && val(Analyte.FERRITIN) != null) {
            caveat(new Caveat(
                    "heart-failure-context",
                    "Heart failure: the ESC definition of iron deficiency (ferritin < 100, or 100–299 with TSAT < 20 %)"
                            + " is a treatment-eligibility criterion for IV iron, not a diagnosis.",
                    "masini-2022"));
        }
    }

    void caveat(Caveat caveat) {
        if (!caveats.contains(caveat)) {
            caveats.add(caveat);
        }
    }

    // ------------------------------------------------------------------------------------------------ assembly

    CauseBuilder propose(Cause cause, Likelihood likelihood, int score) {
        CauseBuilder builder = causes.get(cause);
        if (builder == null) {
            builder = new CauseBuilder(cause, likelihood, score);
            causes.put(cause, builder);
            return builder;
        }
        return builder.raise(likelihood, score);
    }

    CauseBuilder cause(Cause cause) {
        return causes.get(cause);
    }

    boolean has(Cause cause) {
        return causes.containsKey(cause);
    }

    private Differential assemble() {
        // Missing iron studies: nothing but a confirmatory value may be LIKELY (review K1: missing is not negative).
        if (causes.containsKey(Cause.IRON_STUDIES_NEEDED)) {
            for (CauseBuilder b : causes.values()) {
                if (b.cause != Cause.IRON_STUDIES_NEEDED && b.score < CauseBuilder.TIER_A) {
                    b.cap(Likelihood.POSSIBLE, b.score);
                }
            }
        }
        DonkerRules.gate(this);
        List<CauseBuilder> ordered = new ArrayList<>(causes.values());
        ordered.sort((a, b) -> {
            int band = Integer.compare(a.likelihood.ordinal(), b.likelihood.ordinal());
            if (band != 0) {
                return band;
            }
            int score = Integer.compare(b.score, a.score);
            return score != 0 ? score : Integer.compare(a.cause.ordinal(), b.cause.ordinal());
        });
        List<CandidateCause> candidates = new ArrayList<>(ordered.size());
        EnumSet<NextTest> allTests = EnumSet.noneOf(NextTest.class);
        Map<NextTest, String> reasons = new EnumMap<>(NextTest.class);
        int rank = 1;
        for (CauseBuilder b : ordered) {
            b.urgency(severity);
            candidates.add(b.build(rank++, k));
            for (NextTest test : b.tests) {
                if (allTests.add(test)) {
                    reasons.put(test, b.reasons.get(test));
                }
            }
        }
        List<SuggestedTest> nextTests = new ArrayList<>(allTests.size());
        EnumSet<Analyte> missing = EnumSet.noneOf(Analyte.class);
        for (NextTest test : allTests) {
            nextTests.add(k.suggested(test, reasons.get(test)));
            for (Analyte a : test.analytes()) {
                if (val(a) == null) {
                    missing.add(a);
                }
            }
        }
        if (!indicesSuppressed && val(Analyte.MCV) != null) {
            for (Analyte a : List.of(Analyte.RBC_COUNT, Analyte.RDW_CV, Analyte.MCH)) {
                if (val(a) == null) {
                    missing.add(a);
                }
            }
        }
        if (val(Analyte.HEMOGLOBIN) == null) {
            missing.add(Analyte.HEMOGLOBIN);
        }
        if (val(Analyte.MCV) == null) {
            missing.add(Analyte.MCV);
        }
        return new Differential(
                k.version, findings(), candidates, indices, caveats, nextTests, missing, new ArrayList<>(used));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    LabValue val(Analyte analyte) {
        return cur[analyte.ordinal()];
    }

    double v(Analyte analyte) {
        LabValue value = cur[analyte.ordinal()];
        return value == null ? Double.NaN : value.value();
    }

    /** The value, or 0 when absent (for sums of Hb fractions). */
    double v0(Analyte analyte) {
        LabValue value = cur[analyte.ordinal()];
        return value == null ? 0.0 : value.value();
    }

    boolean present(Analyte analyte) {
        return cur[analyte.ordinal()] != null;
    }

    boolean recent(MedicationClass medication) {
        return recentMeds.contains(medication);
    }

    boolean flag(ClinicalFlag flag) {
        return ctx.has(flag);
    }

    /** Whether the value is above the lab's upper limit, or else the threshold (lab range wins, brief §6.3). */
    boolean high(Analyte analyte, Threshold fallback) {
        LabValue value = val(analyte);
        if (value == null) {
            return false;
        }
        if (value.referenceHigh() != null) {
            return value.value() > value.referenceHigh();
        }
        return fallback.test(value.value());
    }

    boolean low(Analyte analyte, Threshold fallback) {
        LabValue value = val(analyte);
        if (value == null) {
            return false;
        }
        if (value.referenceLow() != null) {
            return value.value() < value.referenceLow();
        }
        return fallback.test(value.value());
    }

    /** Evidence comparing a current value with a threshold; the comparator shown is the one that holds. */
    Evidence ev(Analyte analyte, Threshold threshold, String meaning) {
        LabValue value = val(analyte);
        if (value == null) {
            return null;
        }
        return compare(value, threshold, meaning);
    }

    Evidence compare(LabValue value, Threshold threshold, String meaning) {
        boolean holds = threshold.test(value.value());
        String comparator = holds ? threshold.comparator() : negate(threshold.comparator());
        return lab(value, comparator, threshold.value(), threshold.sourceId(), meaning);
    }

    /** Evidence against the lab's range (when present) or the threshold. */
    Evidence evRange(Analyte analyte, Threshold fallback, boolean upper, String meaning) {
        LabValue value = val(analyte);
        if (value == null) {
            return null;
        }
        Double limit = upper ? value.referenceHigh() : value.referenceLow();
        if (limit == null) {
            return compare(value, fallback, meaning);
        }
        String comparator = upper ? (value.value() > limit ? ">" : "<=") : (value.value() < limit ? "<" : ">=");
        return lab(value, comparator, limit, "laboratory-reference-range", meaning);
    }

    Evidence lab(LabValue value, String comparator, double threshold, String sourceId, String meaning) {
        String unit = value.analyte().canonicalUnit();
        String statement = name(value.analyte()) + " " + Text.num(value.value()) + " " + unit + " " + comparator + " "
                + Text.num(threshold) + " " + unit + (value.derived() ? " [derived]" : "")
                + (meaning == null ? "" : " (" + meaning + ")");
        return new Evidence(
                statement, value.analyte(), value.value(), unit, comparator, threshold, sourceId, value.sourceId());
    }

    Evidence plain(Analyte analyte, String meaning, String sourceId) {
        LabValue value = val(analyte);
        if (value == null) {
            return null;
        }
        String unit = analyte.canonicalUnit();
        return new Evidence(
                name(analyte) + " " + Text.num(value.value()) + " " + unit + " (" + meaning + ")",
                analyte,
                value.value(),
                unit,
                null,
                null,
                sourceId,
                value.sourceId());
    }

    static String negate(String comparator) {
        return switch (comparator) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            default -> comparator;
        };
    }

    static String name(Analyte analyte) {
        return NAMES.get(analyte);
    }

    private static Map<Analyte, String> names() {
        Map<Analyte, String> names = new EnumMap<>(Analyte.class);
        for (Analyte a : Analyte.values()) {
            names.put(
                    a, a.name().charAt(0) + a.name().substring(1).toLowerCase().replace('_', ' '));
        }
        names.put(Analyte.HEMOGLOBIN, "Hb");
        names.put(Analyte.RBC_COUNT, "RBC");
        names.put(Analyte.MCV, "MCV");
        names.put(Analyte.MCH, "MCH");
        names.put(Analyte.MCHC, "MCHC");
        names.put(Analyte.RDW_CV, "RDW-CV");
        names.put(Analyte.RDW_SD, "RDW-SD");
        names.put(Analyte.RETICULOCYTE_HEMOGLOBIN, "CHr/Ret-He");
        names.put(Analyte.TIBC, "TIBC");
        names.put(Analyte.UIBC, "UIBC");
        names.put(Analyte.TRANSFERRIN_SATURATION, "TSAT");
        names.put(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR, "sTfR");
        names.put(Analyte.CRP, "CRP");
        names.put(Analyte.ESR, "ESR");
        names.put(Analyte.ZINC_PROTOPORPHYRIN, "ZPP");
        names.put(Analyte.BLOOD_LEAD, "Blood lead");
        names.put(Analyte.HBA2, "HbA2");
        names.put(Analyte.HBA, "HbA");
        names.put(Analyte.HBF, "HbF");
        names.put(Analyte.HBH, "HbH");
        names.put(Analyte.HBE, "HbE");
        names.put(Analyte.ALT, "ALT");
        names.put(Analyte.LDH, "LDH");
        names.put(Analyte.WBC, "WBC");
        names.put(Analyte.HBA1C, "HbA1c");
        names.put(Analyte.VITAMIN_B6, "Vitamin B6 (PLP)");
        return names;
    }
}

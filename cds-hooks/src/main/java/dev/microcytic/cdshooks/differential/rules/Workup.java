package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals;
import dev.microcytic.terminology.knowledge.rules.Threshold;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The facts of one evaluation, immutable: the patient (age, sex, pregnancy), the treatments in their windows
 * ({@link Exposures}), the values read ({@link LabSelection}), detection ({@link Detection}), the discrimination
 * indices ({@link IndexReading}), the iron status ({@link IronReading}) and the treatment responses
 * ({@link TreatmentResponses}). Built once by {@link #of}; the rule families read it and propose causes on a
 * {@link Board}. The query methods below are pure functions of these facts.
 */
final class Workup {

    final KnowledgeView k;
    final PatientContext ctx;
    final LocalDate evalDate;

    // patient
    final double age; // years, NaN when unknown
    final boolean ageKnown;
    final Sex sex;
    final boolean pregnant;

    // treatments
    final Set<MedicationClass> recentMeds;
    final MedicationExposure oralIron;
    final MedicationExposure pyridoxine;
    final LocalDate ivIronStart;
    final boolean ivIronRecent;
    final boolean transfusionRecent;

    // values
    private final LabSelection values;
    final Set<Analyte> stale;
    final Set<Analyte> blockedByIvIron;
    final Set<Analyte> blockedByTransfusion;
    final Boolean oiatAdequate;
    final Evidence oiatEvidence;

    // detection
    final RedCellFindings findings;
    final boolean anemia;
    final boolean microcytosis;
    final boolean hypochromia;
    final ReferenceIntervals.HemoglobinCutoff hbCutoff;
    final Urgency severity;
    /** Whether the differential applies at all; when false the readings below are empty. */
    final boolean applies;

    // indices
    private final IndexReading reading;
    final List<ComputedIndex> indices;

    // iron status
    final IronStatus iron;
    final boolean inflamed;
    final boolean inflammationExcluded;
    final boolean inflammationUnknown;
    final double absentBelow;
    final double probableBelow;
    final double stfrIndex;
    /** Hb and MCV unchanged against the previous blood count (false when there is none). */
    final boolean indicesStable;

    // responses
    final Response oralIronResponse;
    final Response pyridoxineResponse;
    final Evidence oralIronEvidence;
    final Evidence pyridoxineEvidence;

    /** The TSAT draws that can show iron loading (repeated, without iron before the draw). */
    final IronLoading loading;

    /** The values read, in the order read (provenance). */
    final List<LabValue> used;

    /** The inflammation caveat, worded once when the patient is inflamed (null otherwise). */
    private final Caveat inflammationCaveat;

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

    /** Builds the facts in their order: treatments, values, detection, then (when it applies) indices, iron, responses. */
    static Workup of(KnowledgeView k, EngineSettings s, LabPanel panel, PatientContext ctx) {
        LocalDate evalDate = ctx.evaluationDate() == null ? LocalDate.now(ZoneOffset.UTC) : ctx.evaluationDate();
        var evalEnd = evalDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Double years = ctx.birthDate() == null || ctx.evaluationDate() == null ? null : ctx.ageYears();
        double age = years == null ? Double.NaN : years;
        Sex sex = ctx.sex() == null ? Sex.UNKNOWN : ctx.sex();
        Pregnancy pregnancy = ctx.pregnancy() == null ? Pregnancy.UNKNOWN : ctx.pregnancy();
        boolean pregnant = pregnancy.pregnant() && sex != Sex.MALE;
        Exposures exposures = Exposures.of(ctx, s, k, evalDate);
        LabSelection values = LabSelection.of(panel, ctx, s, k, evalEnd, exposures);
        Detection detection = Detection.of(k, s, ctx.birthDate(), evalDate, sex, pregnancy, pregnant, values);
        IndexReading indices = null;
        IronReading iron = null;
        TreatmentResponses responses = null;
        IronLoading loading = IronLoading.NONE;
        if (detection.applies(k, values)) {
            indices = IndexReading.of(k, values, exposures.transfusionRecent());
            iron = IronReading.of(
                    k,
                    ctx,
                    evalDate,
                    age,
                    years != null,
                    pregnant,
                    detection.findings().anemia(),
                    values);
            responses = TreatmentResponses.of(k, s, panel, exposures, evalEnd);
            loading = IronLoading.of(k, s, panel, ctx, evalEnd);
        }
        boolean stable = IndexStability.stable(k, panel, values.val(Analyte.HEMOGLOBIN), values.val(Analyte.MCV));
        return new Workup(
                k,
                ctx,
                evalDate,
                age,
                years != null,
                sex,
                pregnant,
                exposures,
                values,
                detection,
                indices,
                iron,
                responses,
                stable,
                loading);
    }

    private Workup(
            KnowledgeView k,
            PatientContext ctx,
            LocalDate evalDate,
            double age,
            boolean ageKnown,
            Sex sex,
            boolean pregnant,
            Exposures exposures,
            LabSelection values,
            Detection detection,
            IndexReading indices,
            IronReading iron,
            TreatmentResponses responses,
            boolean indicesStable,
            IronLoading loading) {
        this.k = k;
        this.ctx = ctx;
        this.evalDate = evalDate;
        this.age = age;
        this.ageKnown = ageKnown;
        this.sex = sex;
        this.pregnant = pregnant;
        this.recentMeds = exposures.recentMeds();
        this.oralIron = exposures.oralIron();
        this.pyridoxine = exposures.pyridoxine();
        this.ivIronStart = exposures.ivIronStart();
        this.ivIronRecent = exposures.ivIronRecent();
        this.transfusionRecent = exposures.transfusionRecent();
        this.values = values;
        this.stale = values.stale();
        this.blockedByIvIron = values.blockedByIvIron();
        this.blockedByTransfusion = values.blockedByTransfusion();
        this.oiatAdequate = values.oiatAdequate();
        this.oiatEvidence = values.oiatEvidence();
        this.findings = detection.findings();
        this.anemia = findings.anemia();
        this.microcytosis = findings.microcytosis();
        this.hypochromia = findings.hypochromia();
        this.hbCutoff = detection.hbCutoff();
        this.severity = detection.severity();
        this.applies = indices != null;
        this.reading = indices;
        this.indices = indices == null ? List.of() : indices.indices();
        this.iron = iron == null ? IronStatus.UNKNOWN : iron.status();
        this.inflamed = iron != null && iron.inflamed();
        this.inflammationExcluded = iron != null && iron.inflammationExcluded();
        this.inflammationUnknown = iron != null && iron.inflammationUnknown();
        this.absentBelow = iron == null ? Double.NaN : iron.absentBelow();
        this.probableBelow = iron == null ? Double.NaN : iron.probableBelow();
        this.stfrIndex = iron == null ? Double.NaN : iron.stfrIndex();
        this.indicesStable = indicesStable;
        TreatmentResponses r = responses == null ? TreatmentResponses.NONE : responses;
        this.oralIronResponse = r.oralIron();
        this.pyridoxineResponse = r.pyridoxine();
        this.oralIronEvidence = r.oralIronEvidence();
        this.pyridoxineEvidence = r.pyridoxineEvidence();
        this.loading = loading;
        if (r.used().isEmpty()) {
            this.used = List.copyOf(values.used());
        } else {
            var all = new java.util.LinkedHashSet<>(values.used());
            all.addAll(r.used());
            this.used = List.copyOf(all);
        }
        this.inflammationCaveat = inflamed ? Caveats.inflammation(this) : null;
    }

    // ------------------------------------------------------------------------------------------------ values

    LabValue val(Analyte analyte) {
        return values.val(analyte);
    }

    double v(Analyte analyte) {
        LabValue value = values.val(analyte);
        return value == null ? Double.NaN : value.value();
    }

    /** The value, or 0 when absent (for sums of Hb fractions). */
    double v0(Analyte analyte) {
        LabValue value = values.val(analyte);
        return value == null ? 0.0 : value.value();
    }

    boolean present(Analyte analyte) {
        return values.val(analyte) != null;
    }

    boolean recent(MedicationClass medication) {
        return recentMeds.contains(medication);
    }

    boolean flag(ClinicalFlag flag) {
        return ctx.has(flag);
    }

    /** Whether the value is above the lab's upper limit, or else the threshold (the lab's range wins). */
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

    // ------------------------------------------------------------------------------------------------ readings

    boolean leansThalassemia() {
        return reading != null && reading.leansThalassemia();
    }

    boolean leansIronDeficiency() {
        return reading != null && reading.leansIronDeficiency();
    }

    String leanText() {
        return reading.leanText(k);
    }

    /** The source of the discrimination-index statement. */
    String leanSource() {
        return indices.isEmpty() ? "vehapoglu-2014" : indices.get(0).sourceId();
    }

    boolean indicesSuppressed() {
        return reading != null && reading.suppressed();
    }

    /** RBC > 5 or Mentzer < 13: microcytosis out of proportion (iron deficiency on top of a trait). */
    boolean disproportion() {
        double rbc = v(Analyte.RBC_COUNT);
        double mentzer = reading == null ? Double.NaN : reading.mentzer();
        return !indicesSuppressed() && ((!Double.isNaN(rbc) && rbc > 5.0) || (!Double.isNaN(mentzer) && mentzer < 13));
    }

    Caveat inflammationCaveat() {
        return inflammationCaveat != null ? inflammationCaveat : Caveats.inflammation(this);
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

    /**
     * Iron loading established: the iron-loaded pattern with TSAT high on two separate draws taken without iron, the
     * latest not on iron, and ferritin above the overload threshold (EASL 2022: a persistently raised TSAT with a
     * raised ferritin; one high TSAT is not iron loading).
     */
    boolean ironLoaded() {
        LabValue ferritin = ferritinForLoading();
        return ironLoadingPattern()
                && loading.repeated()
                && !loading.latestOnIron()
                && overloadThreshold().test(ferritin.value());
    }

    /** Ferritin (current, or older within the iron-loading window) not low and TSAT high: iron loading suspected. */
    boolean ironLoadingPattern() {
        LabValue ferritin = ferritinForLoading();
        LabValue tsat = tsatForLoading();
        return ferritin != null
                && tsat != null
                && ferritin.value() >= probableBelow
                && k.tsatHigh.test(tsat.value())
                && !inflamed;
    }

    LabValue ferritinForLoading() {
        return val(Analyte.FERRITIN) != null ? val(Analyte.FERRITIN) : values.oldFerritin();
    }

    LabValue tsatForLoading() {
        return val(Analyte.TRANSFERRIN_SATURATION) != null ? val(Analyte.TRANSFERRIN_SATURATION) : values.oldTsat();
    }

    // ------------------------------------------------------------------------------------------------ evidence

    /** A finding worded by the knowledge package, with the sentence's source. */
    Evidence finding(Wording wording, String... values) {
        var template = k.wording(wording);
        return Evidence.finding(template.render(values), template.sourceId());
    }

    /** A finding worded by the knowledge package ({@link RuleText}), with the sentence's source. */
    Evidence finding(RuleText text, String... values) {
        var template = k.text(text);
        return Evidence.finding(template.render(values), template.sourceId());
    }

    /** A sentence of the knowledge package ({@link RuleText}): a threshold's meaning or a next test's reason. */
    String text(RuleText text, String... values) {
        return k.text(text).render(values);
    }

    /** A caveat worded by the knowledge package ({@link RuleText}), with the sentence's source. */
    Caveat caveat(String code, RuleText text, String... values) {
        var template = k.text(text);
        return new Caveat(code, template.render(values), template.sourceId());
    }

    /** A rare-cause finding worded by the knowledge package, with the sentence's source. */
    Evidence finding(Finding finding, String... values) {
        var template = k.finding(finding);
        return Evidence.finding(template.render(values), template.sourceId());
    }

    /** Evidence comparing a current value with a threshold; the comparator shown is the one that holds. */
    Evidence ev(Analyte analyte, Threshold threshold, String meaning) {
        LabValue value = val(analyte);
        return value == null ? null : Statements.compare(k, value, threshold, meaning);
    }

    Evidence compare(LabValue value, Threshold threshold, String meaning) {
        return Statements.compare(k, value, threshold, meaning);
    }

    /** Evidence against the lab's range (when present) or the threshold. */
    Evidence evRange(Analyte analyte, Threshold fallback, boolean upper, String meaning) {
        LabValue value = val(analyte);
        return value == null ? null : Statements.range(k, value, fallback, upper, meaning);
    }

    Evidence lab(LabValue value, String comparator, double threshold, String sourceId, String meaning) {
        return Statements.lab(k, value, comparator, threshold, sourceId, meaning);
    }

    Evidence plain(Analyte analyte, String meaning, String sourceId) {
        LabValue value = val(analyte);
        return value == null ? null : Statements.plain(k, analyte, value, meaning, sourceId);
    }
}

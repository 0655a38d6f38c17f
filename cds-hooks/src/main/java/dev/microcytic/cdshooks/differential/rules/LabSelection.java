package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.Analyte;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * L0 values: per analyte the latest value inside its validity window that neither IV iron nor a transfusion makes
 * unreadable, TSAT and TIBC derived when not reported, an oral iron absorption test read from two serum irons a few
 * hours apart, and older ferritin/TSAT for the iron-loading pattern.
 *
 * @param current the chosen value per analyte ordinal (null when none); never modified after construction
 * @param stale analytes whose only values are older than their window
 * @param blockedByIvIron analytes whose values drawn within the window after IV iron were not read, and a hepcidin
 *     drawn within the iron-free window after oral or IV iron
 * @param blockedByTransfusion Hb fractions measured within the transfusion window, not read
 * @param used the values read, in the order read (provenance)
 * @param oldFerritin a ferritin within the iron-loading window when no current one exists, or null
 * @param oldTsat a TSAT (reported or derived) within the iron-loading window when no current ferritin exists, or null
 * @param oiatAdequate the oral iron absorption test's verdict, or null without one
 * @param oiatEvidence the oral iron absorption test as evidence, or null
 */
record LabSelection(
        LabValue[] current,
        Set<Analyte> stale,
        Set<Analyte> blockedByIvIron,
        Set<Analyte> blockedByTransfusion,
        Set<LabValue> used,
        LabValue oldFerritin,
        LabValue oldTsat,
        Boolean oiatAdequate,
        Evidence oiatEvidence) {

    static final Analyte[] ANALYTES = Analyte.values();
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
    /** 1 g/L transferrin binds ~25.1 umol/L iron: TIBC ug/dL = transferrin mg/dL x 1.4018. */
    static final double TIBC_PER_TRANSFERRIN = 25.1 * 55.845 / 1000.0;

    static LabSelection of(
            LabPanel panel,
            PatientContext ctx,
            EngineSettings s,
            KnowledgeView k,
            Instant evalEnd,
            Exposures exposures) {
        int hepcidinIronFreeDays = (int) k.windowHepcidinIronFree.value();
        LabValue[] cur = new LabValue[ANALYTES.length];
        EnumSet<Analyte> stale = EnumSet.noneOf(Analyte.class);
        EnumSet<Analyte> blockedByIvIron = EnumSet.noneOf(Analyte.class);
        EnumSet<Analyte> blockedByTransfusion = EnumSet.noneOf(Analyte.class);
        for (Analyte analyte : ANALYTES) {
            List<LabValue> series = panel.series(analyte);
            if (series.isEmpty()) {
                continue;
            }
            Instant from = evalEnd.minus(Duration.ofDays(windowDays(s, analyte)));
            boolean ivAffected = !exposures.afterIvIron().isEmpty() && IV_IRON_AFFECTED.contains(analyte);
            boolean fraction = !exposures.afterTransfusion().isEmpty() && FRACTIONS.contains(analyte);
            boolean hepcidin =
                    analyte == Analyte.HEPCIDIN && !exposures.ironTherapy().isEmpty();
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
                if (ivAffected && Exposures.inAny(exposures.afterIvIron(), v.effective())) {
                    blockedByIvIron.add(analyte);
                    continue;
                }
                if (hepcidin && ironBefore(exposures, v.effective(), hepcidinIronFreeDays)) {
                    blockedByIvIron.add(analyte);
                    continue;
                }
                if (fraction && Exposures.inAny(exposures.afterTransfusion(), v.effective())) {
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
        LabValue oldFerritin = null;
        LabValue oldTsat = null;
        if (cur[Analyte.FERRITIN.ordinal()] == null) {
            Instant loadingFrom = evalEnd.minus(Duration.ofDays(s.ironLoadingValidityDays()));
            List<Exposures.Span> ivIron = exposures.afterIvIron();
            oldFerritin = olderValue(panel, Analyte.FERRITIN, ivIron, loadingFrom, evalEnd);
            oldTsat = olderValue(panel, Analyte.TRANSFERRIN_SATURATION, ivIron, loadingFrom, evalEnd);
            if (oldTsat == null) {
                LabValue ironOld = olderValue(panel, Analyte.IRON, ivIron, loadingFrom, evalEnd);
                LabValue tibcOld = olderValue(panel, Analyte.TIBC, ivIron, loadingFrom, evalEnd);
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
        deriveTsat(cur);
        LinkedHashSet<LabValue> used = new LinkedHashSet<>();
        Evidence oiatEvidence = null;
        Boolean oiatAdequate = null;
        OralIronAbsorption oiat = OralIronAbsorption.of(panel, k, evalEnd, ctx.medications());
        if (oiat != null) {
            oiatAdequate = oiat.adequate();
            oiatEvidence = oiat.evidence();
            used.add(oiat.before());
            used.add(oiat.after());
            if (cur[Analyte.IRON.ordinal()] == oiat.after()) {
                cur[Analyte.IRON.ordinal()] = oiat.before();
            }
        }
        for (LabValue v : cur) {
            if (v != null) {
                used.add(v);
            }
        }
        return new LabSelection(
                cur,
                Collections.unmodifiableSet(stale),
                Collections.unmodifiableSet(blockedByIvIron),
                Collections.unmodifiableSet(blockedByTransfusion),
                Collections.unmodifiableSet(used),
                oldFerritin,
                oldTsat,
                oiatAdequate,
                oiatEvidence);
    }

    LabValue val(Analyte analyte) {
        return current[analyte.ordinal()];
    }

    private static int windowDays(EngineSettings s, Analyte analyte) {
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

    /** Whether oral or IV iron was taken within {@code days} before the draw. */
    private static boolean ironBefore(Exposures exposures, Instant drawn, int days) {
        for (Exposures.Span course : exposures.ironTherapy()) {
            if (course.overlapsDaysBefore(drawn, days)) {
                return true;
            }
        }
        return false;
    }

    /** The latest value in [from, evalEnd] not drawn inside an IV iron window (an iron-loaded pattern's evidence). */
    private static LabValue olderValue(
            LabPanel panel, Analyte analyte, List<Exposures.Span> ivIron, Instant from, Instant evalEnd) {
        List<LabValue> series = panel.series(analyte);
        for (int i = series.size() - 1; i >= 0; i--) {
            LabValue v = series.get(i);
            if (v.effective() == null || v.effective().isAfter(evalEnd) || !Double.isFinite(v.value())) {
                continue;
            }
            if (v.effective().isBefore(from)) {
                return null;
            }
            if (Exposures.inAny(ivIron, v.effective())) {
                continue;
            }
            return v;
        }
        return null;
    }

    /** TSAT from iron and TIBC (or UIBC, or transferrin) when not reported; marked derived. */
    private static void deriveTsat(LabValue[] cur) {
        LabValue iron = cur[Analyte.IRON.ordinal()];
        LabValue tibc = cur[Analyte.TIBC.ordinal()];
        LabValue uibc = cur[Analyte.UIBC.ordinal()];
        LabValue transferrin = cur[Analyte.TRANSFERRIN.ordinal()];
        if (tibc == null && iron != null && uibc != null) {
            tibc = derived(Analyte.TIBC, iron.value() + uibc.value(), later(iron, uibc));
            cur[Analyte.TIBC.ordinal()] = tibc;
        }
        if (tibc == null && transferrin != null) {
            tibc = derived(Analyte.TIBC, transferrin.value() * TIBC_PER_TRANSFERRIN, transferrin.effective());
            cur[Analyte.TIBC.ordinal()] = tibc;
        }
        if (cur[Analyte.TRANSFERRIN_SATURATION.ordinal()] == null && iron != null && tibc != null && tibc.value() > 0) {
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
}

package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.HemoglobinCutoffSet;

/**
 * Tunable parameters of the differential engine. The windows after IV iron and after a transfusion, and the iron-free
 * time before a hepcidin, are clinical knowledge counted from each blood draw: they are sourced thresholds of the
 * knowledge package ({@code window.*} in thresholds.json), not settings. Every default is sourced in the knowledge
 * package or cited below; {@link #defaults()} is what the service runs with.
 *
 * @param hemoglobinCutoffs which WHO hemoglobin cut-off set defines anemia (WHO 2011 or 2024; the set used is reported)
 * @param cbcValidityDays a CBC older than this does not decide the current picture (90 days, less than
 *     the life span of a red cell)
 * @param ironStudiesValidityDays iron studies, CRP, sTfR, hepcidin, protoporphyrins, lead (90 days)
 * @param hemoglobinFractionationValidityDays Hb fractionation (HbA2, HbF, HbE, HbH) does not change: 10 years
 * @param otherValidityDays copper, zinc, ceruloplasmin, vitamin B6, porphyrins (1 year)
 * @param ironLoadingValidityDays an iron-loaded pattern (high ferritin and TSAT) persists: older iron studies may
 *     still show it when no current ones exist (2 years; Donker 2014: use pre-treatment values for the rare branches)
 * @param medicationWindowDays a medication ended within this window still counts as exposure (90 days)
 * @param oralIronCriterion how oral-iron refractoriness is defined (BSG 2021, Snook 2021, by default)
 * @param labHemoglobinRangeWins whether the lab's Hb lower reference limit replaces the WHO cut-off (never in
 *     pregnancy, whose WHO cut-offs are trimester-specific)
 */
public record EngineSettings(
        HemoglobinCutoffSet hemoglobinCutoffs,
        int cbcValidityDays,
        int ironStudiesValidityDays,
        int hemoglobinFractionationValidityDays,
        int otherValidityDays,
        int ironLoadingValidityDays,
        int medicationWindowDays,
        OralIronCriterion oralIronCriterion,
        boolean labHemoglobinRangeWins) {

    /** Definitions of oral-iron refractoriness (Snook 2021; Donker 2016). */
    public enum OralIronCriterion {
        /** Hb rise below 1 g/dL after at least 4 weeks (BSG 2021, Snook 2021; the default). */
        BSG_2021,
        /** Hb rise below 2 g/dL after at least 3 weeks (Donker 2016 IRIDA definition). */
        DONKER_2016
    }

    public EngineSettings {
        if (hemoglobinCutoffs == null || oralIronCriterion == null) {
            throw new IllegalArgumentException("hemoglobinCutoffs and oralIronCriterion are required");
        }
    }

    /** WHO 2024 cut-offs, 90-day windows for CBC and iron studies, BSG 2021 refractoriness. */
    public static EngineSettings defaults() {
        return new EngineSettings(
                HemoglobinCutoffSet.WHO_2024, 90, 90, 3650, 365, 730, 90, OralIronCriterion.BSG_2021, false);
    }

    public EngineSettings withHemoglobinCutoffs(HemoglobinCutoffSet set) {
        return new EngineSettings(
                set,
                cbcValidityDays,
                ironStudiesValidityDays,
                hemoglobinFractionationValidityDays,
                otherValidityDays,
                ironLoadingValidityDays,
                medicationWindowDays,
                oralIronCriterion,
                labHemoglobinRangeWins);
    }

    public EngineSettings withOralIronCriterion(OralIronCriterion criterion) {
        return new EngineSettings(
                hemoglobinCutoffs,
                cbcValidityDays,
                ironStudiesValidityDays,
                hemoglobinFractionationValidityDays,
                otherValidityDays,
                ironLoadingValidityDays,
                medicationWindowDays,
                criterion,
                labHemoglobinRangeWins);
    }
}

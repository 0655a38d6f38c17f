package dev.microcytic.server.differential;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.HemoglobinCutoffSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Differential engine settings ({@code microcytic.engine.*}). Each one left unset keeps its value in
 * {@link EngineSettings#defaults()}, where the sources of the defaults are documented.
 *
 * @param hemoglobinCutoffs which WHO hemoglobin cut-off set defines anemia
 * @param cbcValidityDays a CBC older than this does not decide the current picture
 * @param ironStudiesValidityDays iron studies, CRP, sTfR, hepcidin, protoporphyrins, lead
 * @param hemoglobinFractionationValidityDays HbA2, HbF, HbE, HbH
 * @param otherValidityDays copper, zinc, ceruloplasmin, vitamin B6, porphyrins
 * @param ironLoadingValidityDays how long an older iron-loaded pattern still counts
 * @param medicationWindowDays a medication ended within this window still counts as exposure
 * @param oralIronCriterion how oral-iron refractoriness is defined
 * @param labHemoglobinRangeWins whether the lab's Hb lower reference limit replaces the WHO cut-off
 */
@ConfigurationProperties("microcytic.engine")
public record EngineProperties(
        HemoglobinCutoffSet hemoglobinCutoffs,
        Integer cbcValidityDays,
        Integer ironStudiesValidityDays,
        Integer hemoglobinFractionationValidityDays,
        Integer otherValidityDays,
        Integer ironLoadingValidityDays,
        Integer medicationWindowDays,
        EngineSettings.OralIronCriterion oralIronCriterion,
        Boolean labHemoglobinRangeWins) {

    /** The engine settings: the defaults with every configured value applied. */
    EngineSettings settings() {
        EngineSettings d = EngineSettings.defaults();
        return new EngineSettings(
                or(hemoglobinCutoffs, d.hemoglobinCutoffs()),
                or(cbcValidityDays, d.cbcValidityDays()),
                or(ironStudiesValidityDays, d.ironStudiesValidityDays()),
                or(hemoglobinFractionationValidityDays, d.hemoglobinFractionationValidityDays()),
                or(otherValidityDays, d.otherValidityDays()),
                or(ironLoadingValidityDays, d.ironLoadingValidityDays()),
                or(medicationWindowDays, d.medicationWindowDays()),
                or(oralIronCriterion, d.oralIronCriterion()),
                or(labHemoglobinRangeWins, d.labHemoglobinRangeWins()));
    }

    private static <T> T or(T configured, T fallback) {
        return configured == null ? fallback : configured;
    }
}

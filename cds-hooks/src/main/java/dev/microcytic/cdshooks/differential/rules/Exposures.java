package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.MedicationClass;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * L0 treatment facts: the medications within the exposure window, the latest oral iron and pyridoxine courses (for
 * the Hb response), IV iron within its window and a recent red-cell transfusion.
 *
 * @param recentMeds medication classes taken within the window (or ongoing)
 * @param oralIron the latest oral iron course within the window, or null
 * @param pyridoxine the latest pyridoxine course within the window, or null
 * @param ivIronStart the earliest start of an IV iron course within its window, or null
 * @param ivIronRecent whether IV iron was given within its window
 * @param transfusionRecent whether a red-cell transfusion lies within its window
 */
record Exposures(
        Set<MedicationClass> recentMeds,
        MedicationExposure oralIron,
        MedicationExposure pyridoxine,
        LocalDate ivIronStart,
        boolean ivIronRecent,
        boolean transfusionRecent) {

    static Exposures of(PatientContext ctx, EngineSettings s, LocalDate evalDate) {
        EnumSet<MedicationClass> recentMeds = EnumSet.noneOf(MedicationClass.class);
        MedicationExposure oralIron = null;
        MedicationExposure pyridoxine = null;
        LocalDate since = evalDate.minusDays(s.medicationWindowDays());
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
        boolean ivIronRecent = false;
        LocalDate ivIronStart = null;
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
        boolean transfusionRecent = transfusion != null
                && !transfusion.isAfter(evalDate)
                && !transfusion.isBefore(evalDate.minusDays(s.transfusionWindowDays()));
        return new Exposures(recentMeds, oralIron, pyridoxine, ivIronStart, ivIronRecent, transfusionRecent);
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
}

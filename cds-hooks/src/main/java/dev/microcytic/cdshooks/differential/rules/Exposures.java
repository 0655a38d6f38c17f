package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.MedicationClass;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * L0 treatment facts: the medications within the exposure window, the latest oral iron and pyridoxine courses (for
 * the Hb response), IV iron within its window and a recent red-cell transfusion; and the spans in time, counted from
 * each treatment and independent of the evaluation date, inside which a blood draw is not read for what the treatment
 * distorts (values drawn after IV iron, Hb after a transfusion, a hepcidin after any iron).
 *
 * @param recentMeds medication classes taken within the window (or ongoing)
 * @param oralIron the latest oral iron course within the window, or null
 * @param pyridoxine the latest pyridoxine course within the window, or null
 * @param ivIronStart the earliest start of an IV iron course within its window, or null
 * @param ivIronRecent whether IV iron was given within its window
 * @param transfusionRecent whether a red-cell transfusion lies within its window
 * @param afterIvIron per IV iron course: from its start to the window's end after its last dose
 * @param afterTransfusion per transfusion: from its day to the window's end
 * @param ironTherapy per oral or IV iron course: from its start to its last day
 */
record Exposures(
        Set<MedicationClass> recentMeds,
        MedicationExposure oralIron,
        MedicationExposure pyridoxine,
        LocalDate ivIronStart,
        boolean ivIronRecent,
        boolean transfusionRecent,
        List<Span> afterIvIron,
        List<Span> afterTransfusion,
        List<Span> ironTherapy) {

    /** A half-open span of time [from, to). */
    record Span(Instant from, Instant to) {

        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }

        /** Whether the span overlaps [t - days, t]. */
        boolean overlapsDaysBefore(Instant t, long days) {
            return !from.isAfter(t) && to.isAfter(t.minus(Duration.ofDays(days)));
        }
    }

    static boolean inAny(List<Span> spans, Instant t) {
        for (Span span : spans) {
            if (span.contains(t)) {
                return true;
            }
        }
        return false;
    }

    static Exposures of(PatientContext ctx, EngineSettings s, KnowledgeView k, LocalDate evalDate) {
        EnumSet<MedicationClass> recentMeds = EnumSet.noneOf(MedicationClass.class);
        MedicationExposure oralIron = null;
        MedicationExposure pyridoxine = null;
        LocalDate since = evalDate.minusDays(s.medicationWindowDays());
        int ivWindow = (int) k.windowIvIron.value();
        List<Span> afterIvIron = new ArrayList<>(2);
        List<Span> ironTherapy = new ArrayList<>(2);
        for (MedicationExposure m : ctx.medications()) {
            if (m == null || m.medication() == null) {
                continue;
            }
            if (m.medication() == MedicationClass.IV_IRON || m.medication() == MedicationClass.ORAL_IRON) {
                Span course = course(m, evalDate, 0);
                ironTherapy.add(course);
                if (m.medication() == MedicationClass.IV_IRON) {
                    afterIvIron.add(course(m, evalDate, ivWindow));
                }
            }
            if (m.documentedDose()) {
                continue; // a single documented dose (an oral iron absorption test) is not a course
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
            if (last == null || !last.plusDays(ivWindow).isBefore(evalDate)) {
                ivIronRecent = true;
                if (m.start() != null && (ivIronStart == null || m.start().isBefore(ivIronStart))) {
                    ivIronStart = m.start();
                }
            }
        }
        int transfusionWindow = (int) k.windowTransfusion.value();
        List<Span> afterTransfusion = new ArrayList<>(ctx.transfusions().size());
        for (LocalDate day : ctx.transfusions()) {
            afterTransfusion.add(new Span(startOf(day), startOf(day.plusDays(transfusionWindow + 1L))));
        }
        LocalDate transfusion = ctx.lastTransfusion();
        boolean transfusionRecent = transfusion != null
                && !transfusion.isAfter(evalDate)
                && !transfusion.isBefore(evalDate.minusDays(transfusionWindow));
        return new Exposures(
                recentMeds,
                oralIron,
                pyridoxine,
                ivIronStart,
                ivIronRecent,
                transfusionRecent,
                List.copyOf(afterIvIron),
                List.copyOf(afterTransfusion),
                List.copyOf(ironTherapy));
    }

    /**
     * The span of a course, extended by {@code windowDays} after its last day: from its start (unknown: always) to the
     * end of its last day (ongoing: the evaluation date; no end recorded: its start day) plus the window.
     */
    private static Span course(MedicationExposure m, LocalDate evalDate, int windowDays) {
        if (m.takenAt() != null) {
            return new Span(m.takenAt(), m.takenAt().plus(Duration.ofDays(windowDays + 1L)));
        }
        LocalDate last = m.active() ? evalDate : (m.end() != null ? m.end() : m.start());
        Instant from = m.start() == null ? Instant.MIN : startOf(m.start());
        Instant to = last == null ? Instant.MAX : startOf(last.plusDays(windowDays + 1L));
        return new Span(from, to);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
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

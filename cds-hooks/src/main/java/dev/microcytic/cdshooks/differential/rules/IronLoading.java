package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.MedicationClass;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The TSAT draws that can show iron loading. One high TSAT is not iron loading: the haemochromatosis guideline asks for
 * a persistently raised (repeated, fasting) TSAT with a raised ferritin (EASL 2022, J Hepatol 2022;77:479,
 * DOI 10.1016/j.jhep.2022.03.033), and iron taken before the draw raises serum iron and TSAT for hours (oral) to weeks
 * (intravenous), so such draws do not count.
 *
 * @param highDraws high TSAT values on separate days within the iron-loading window, drawn without iron
 * @param latestOnIron the latest TSAT in the window was drawn while oral or intravenous iron was being taken
 * @param repeated high on at least the number of draws of the threshold {@code tsat.high.draws}
 */
record IronLoading(int highDraws, boolean latestOnIron, boolean repeated) {

    static final IronLoading NONE = new IronLoading(0, false, false);

    static IronLoading of(KnowledgeView k, EngineSettings s, LabPanel panel, PatientContext ctx, Instant evalEnd) {
        List<LabValue> series = panel.series(Analyte.TRANSFERRIN_SATURATION);
        if (series.isEmpty()) {
            return NONE;
        }
        Instant from = evalEnd.minus(Duration.ofDays(s.ironLoadingValidityDays()));
        int high = 0;
        LocalDate lastDay = null;
        Boolean latestOnIron = null;
        for (int i = series.size() - 1; i >= 0; i--) {
            LabValue v = series.get(i);
            if (v.effective() == null || v.effective().isAfter(evalEnd) || !Double.isFinite(v.value())) {
                continue;
            }
            if (v.effective().isBefore(from)) {
                break;
            }
            LocalDate day = v.effective().atZone(ZoneOffset.UTC).toLocalDate();
            boolean onIron = onIron(ctx, (long) k.windowIvIron.value(), day);
            if (latestOnIron == null) {
                latestOnIron = onIron;
            }
            if (!onIron && k.tsatHigh.test(v.value()) && !day.equals(lastDay)) {
                high++;
                lastDay = day;
            }
        }
        return new IronLoading(high, Boolean.TRUE.equals(latestOnIron), k.tsatHighDraws.test(high));
    }

    /** Oral iron taken up to the day of the draw, or intravenous iron within its window before it. */
    private static boolean onIron(PatientContext ctx, long ivIronWindowDays, LocalDate day) {
        for (MedicationExposure m : ctx.medications()) {
            if (m == null || m.start() == null && !m.active()) {
                continue;
            }
            if (m.medication() == MedicationClass.ORAL_IRON) {
                boolean started = m.start() == null || !m.start().isAfter(day);
                boolean notEnded = m.end() == null ? m.active() : !m.end().isBefore(day.minusDays(1));
                if (started && notEnded) {
                    return true;
                }
            } else if (m.medication() == MedicationClass.IV_IRON) {
                boolean started = m.start() == null || !m.start().isAfter(day);
                LocalDate last = m.end() != null ? m.end() : (m.active() ? day : m.start());
                if (started && last != null && !last.plusDays(ivIronWindowDays).isBefore(day)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * L1 detection: anemia against the WHO cut-off for age, sex and pregnancy (or the lab's range when configured),
 * microcytosis and hypochromia against the lab's or the age-specific lower limit, and the severity of the anemia.
 *
 * @param findings anemia, microcytosis and hypochromia with the comparisons that decided them
 * @param hbCutoff the hemoglobin cut-off applied
 * @param severity WARNING for moderate and CRITICAL for severe anemia, else INFO
 */
record Detection(RedCellFindings findings, ReferenceIntervals.HemoglobinCutoff hbCutoff, Urgency severity) {

    static final String LAB_RANGE = "laboratory-reference-range";

    static Detection of(
            KnowledgeView k,
            EngineSettings s,
            LocalDate birthDate,
            LocalDate evalDate,
            Sex sex,
            Pregnancy pregnancy,
            boolean pregnant,
            LabSelection values) {
        LabValue hb = values.val(Analyte.HEMOGLOBIN);
        LabValue mcv = values.val(Analyte.MCV);
        LabValue mch = values.val(Analyte.MCH);
        List<Evidence> evidence = new ArrayList<>(4);
        boolean anemia = false;
        boolean microcytosis = false;
        boolean hypochromia = false;
        Urgency severity = Urgency.INFO;
        ReferenceIntervals.HemoglobinCutoff hbCutoff =
                k.intervals.anemiaCutoff(s.hemoglobinCutoffs(), birthDate, evalDate, sex, pregnancy);
        if (hb != null) {
            double below = hbCutoff.anemiaBelow();
            String source = hbCutoff.sourceId();
            String label = hbCutoff.set() + " cut-off, " + hbCutoff.population();
            if (s.labHemoglobinRangeWins() && !pregnant && hb.referenceLow() != null) {
                below = hb.referenceLow();
                source = LAB_RANGE;
                label = "laboratory lower reference limit";
            }
            anemia = hb.value() < below;
            evidence.add(
                    Statements.lab(k, hb, anemia ? "<" : ">=", below, source, anemia ? "anemia, " + label : label));
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
                source = LAB_RANGE;
                label = "laboratory lower reference limit";
            } else {
                ReferenceIntervals.AgeLimit ageLimit = k.intervals
                        .limit(ReferenceIntervals.Table.MCV_LOWER, birthDate, evalDate)
                        .orElseThrow();
                limit = ageLimit.value();
                source = ageLimit.sourceId();
                label = "lower limit for age " + ageLimit.band().label();
            }
            microcytosis = mcv.value() < limit;
            evidence.add(Statements.lab(
                    k, mcv, microcytosis ? "<" : ">=", limit, source, microcytosis ? "microcytosis, " + label : label));
        }
        double mchLimit;
        String mchLimitSource;
        if (mch != null && mch.referenceLow() != null) {
            mchLimit = mch.referenceLow();
            mchLimitSource = LAB_RANGE;
        } else {
            ReferenceIntervals.AgeLimit ageLimit = k.intervals
                    .limit(ReferenceIntervals.Table.MCH_LOWER, birthDate, evalDate)
                    .orElseThrow();
            mchLimit = ageLimit.value();
            mchLimitSource = ageLimit.sourceId();
        }
        if (mch != null) {
            hypochromia = mch.value() < mchLimit;
            evidence.add(Statements.lab(
                    k,
                    mch,
                    hypochromia ? "<" : ">=",
                    mchLimit,
                    mchLimitSource,
                    hypochromia ? "hypochromia" : "MCH lower limit for age"));
        }
        return new Detection(new RedCellFindings(anemia, microcytosis, hypochromia, evidence), hbCutoff, severity);
    }

    /**
     * Whether the differential applies: microcytosis with or without anemia; anemia or hypochromia when no MCV is
     * available (provisional, with a caveat); a blood lead in the chelation range even without a CBC (a safety
     * finding that must not stay silent).
     */
    boolean applies(KnowledgeView k, LabSelection values) {
        if (findings.microcytosis()) {
            return true;
        }
        if (values.val(Analyte.MCV) == null && (findings.anemia() || findings.hypochromia())) {
            return true;
        }
        LabValue lead = values.val(Analyte.BLOOD_LEAD);
        return values.val(Analyte.MCV) == null
                && values.val(Analyte.HEMOGLOBIN) == null
                && lead != null
                && k.leadChelation.test(lead.value());
    }
}

package dev.microcytic.cdshooks.service;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Hand-built engine results for card tests (the engine is tested on its own). */
final class Differentials {

    static final Instant DRAWN = Instant.parse("2026-11-01T08:00:00Z");

    private Differentials() {}

    static Evidence lab(
            String statement,
            Analyte analyte,
            double value,
            String comparator,
            double threshold,
            String source,
            String ref) {
        return new Evidence(statement, analyte, value, analyte.canonicalUnit(), comparator, threshold, source, ref);
    }

    static RedCellFindings microcyticAnemia() {
        return new RedCellFindings(
                true,
                true,
                true,
                List.of(
                        lab(
                                "Hb 9.8 g/dL below 12.0 g/dL",
                                Analyte.HEMOGLOBIN,
                                9.8,
                                "<",
                                12.0,
                                "who-2011",
                                "Observation/hb"),
                        lab("MCV 68 fL below 80 fL", Analyte.MCV, 68, "<", 80, "who-2011", "Observation/mcv")));
    }

    static CandidateCause ironDeficiency(int rank, Urgency urgency) {
        return new CandidateCause(
                "iron-deficiency",
                "Iron deficiency",
                Likelihood.LIKELY,
                rank,
                urgency,
                List.of(
                        lab(
                                "Ferritin 6 ng/mL < 15 ng/mL (absent iron stores)",
                                Analyte.FERRITIN,
                                6,
                                "<",
                                15,
                                "who-2020",
                                "Observation/ferritin"),
                        lab("TSAT 6% < 16%", Analyte.TRANSFERRIN_SATURATION, 6, "<", 16, "who-2020", null)),
                List.of(),
                List.of(
                        new SuggestedTest("gi-evaluation", "GI evaluation", null, "IDA in a man needs a source"),
                        new SuggestedTest("coeliac-serology", "Coeliac serology", null, "Malabsorption")),
                List.of(new Caveat("inflammation-unknown", "CRP not measured: inflammation not excluded", "who-2020")));
    }

    static CandidateCause thalTrait(int rank) {
        return new CandidateCause(
                "thalassemia-trait",
                "Thalassemia trait",
                Likelihood.POSSIBLE,
                rank,
                Urgency.INFO,
                List.of(Evidence.finding("Mentzer index 11.3 < 13", "mentzer-1973")),
                List.of(lab(
                        "Ferritin 6 ng/mL is low: iron deficiency explains the microcytosis",
                        Analyte.FERRITIN,
                        6,
                        "<",
                        15,
                        "who-2020",
                        "Observation/ferritin")),
                List.of(new SuggestedTest(
                        "hemoglobin-fractionation",
                        "Hb fractionation (HPLC)",
                        "4551-8",
                        "Repeat HbA2 after iron repletion")),
                List.of());
    }

    static CandidateCause cause(String code, int rank) {
        return new CandidateCause(
                code, code, Likelihood.CONSIDER, rank, Urgency.INFO, List.of(), List.of(), List.of(), List.of());
    }

    static Differential of(List<CandidateCause> causes) {
        return new Differential(
                "1.1.0",
                microcyticAnemia(),
                causes,
                List.of(new ComputedIndex(
                        "mentzer",
                        "Mentzer index",
                        "MCV / RBC",
                        11.3,
                        13,
                        "thalassemia-trait",
                        98.7,
                        82.3,
                        "mentzer-1973")),
                List.of(),
                List.of(),
                Set.of(),
                List.of(
                        new LabValue(Analyte.HEMOGLOBIN, 9.8, DRAWN, "Observation/hb", 12.0, 16.0, false),
                        new LabValue(Analyte.MCV, 68, DRAWN, "Observation/mcv", 80.0, 100.0, false),
                        new LabValue(Analyte.FERRITIN, 6, DRAWN, "Observation/ferritin", null, null, false),
                        new LabValue(Analyte.TRANSFERRIN_SATURATION, 6, DRAWN, null, null, null, true)));
    }

    static Differential empty() {
        return new Differential(
                "1.1.0",
                new RedCellFindings(false, false, false, List.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Set.of(),
                List.of());
    }
}

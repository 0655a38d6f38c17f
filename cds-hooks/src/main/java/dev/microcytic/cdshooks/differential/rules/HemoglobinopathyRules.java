package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.ValueFormat;

/**
 * Thalassaemia traits, HbE, HbH, beta-thalassaemia and other variants (Baird 2022; Fucharoen 2009; Vehapoglu 2014
 * on the indices): the discrimination indices only screen; Hb fractionation decides beta (HbA2 > 3.5 %) versus alpha (normal
 * HbA2 with iron stores present: alpha-globin DNA); iron deficiency lowers HbA2; a recent transfusion or age under
 * 12 months makes fractionation uninterpretable. Pitfalls named as such (Bain et al., BSH 2023, doi:10.1111/bjh.18794):
 * HPLC reports HbA as HbA0, which leaves the glycated fractions unexplained and is not another variant; hydroxyurea and
 * pregnancy raise HbF; megaloblastic anemia raises HbA2 (Sahoo et al. 2023, doi:10.4103/ijpm.ijpm_233_21). A no-fractionation
 * microcytosis is read by {@link UntypedTraitRules}.
 */
final class HemoglobinopathyRules {

    private HemoglobinopathyRules() {}

    static void apply(Workup w, Board board) {
        // a known sickle-cell trait or disease does not stop the work-up: HbS is not microcytic
        if (w.flag(ClinicalFlag.KNOWN_THALASSEMIA) || w.flag(ClinicalFlag.KNOWN_HEMOGLOBINOPATHY)) {
            if (!anyFraction(w)) {
                return; // KnownDiagnosisRules explains the microcytosis
            }
        }
        boolean infant = w.ageKnown && w.age < w.k.ageFractionation.value();
        if (anyFraction(w) && !infant) {
            fractionation(w, board);
        } else {
            if (anyFraction(w) && infant) {
                board.caveat(new dev.microcytic.cdshooks.differential.Caveat(
                        "fractionation-infant",
                        "HbA2/HbF are not at adult levels before 12 months: fractionation is not interpreted; repeat"
                                + " after the first birthday or use DNA testing.",
                        "baird-2022"));
            }
            if (!w.blockedByTransfusion.isEmpty() || w.transfusionRecent) {
                UntypedTraitRules.transfused(w, board);
            } else {
                UntypedTraitRules.apply(w, board);
            }
        }
        if (w.pregnant && w.present(Analyte.MCH) && w.v(Analyte.MCH) < 27) {
            pregnancyScreen(w, board);
        }
    }

    private static boolean anyFraction(Workup w) {
        return w.present(Analyte.HBA2)
                || w.present(Analyte.HBE)
                || w.present(Analyte.HBH)
                || w.present(Analyte.HBF)
                || w.present(Analyte.HBA);
    }

    static boolean severe(Workup w) {
        return w.present(Analyte.HEMOGLOBIN) && w.k.hbThalSyndrome.test(w.v(Analyte.HEMOGLOBIN));
    }

    static boolean hemolysis(Workup w) {
        return w.flag(ClinicalFlag.HEMOLYSIS)
                || w.high(Analyte.RETICULOCYTES_PERCENT, w.k.reticulocytesHigh)
                || w.high(Analyte.RETICULOCYTES_ABSOLUTE, w.k.reticulocytesAbsoluteHigh)
                || w.high(Analyte.BILIRUBIN_TOTAL, w.k.bilirubinHigh)
                || w.low(Analyte.HAPTOGLOBIN, w.k.haptoglobinLow);
    }

    static void hemolysisEvidence(Workup w, CauseBuilder b) {
        if (w.flag(ClinicalFlag.HEMOLYSIS)) {
            b.support(Evidence.finding("Hemolysis on the problem list", "donker-2014"));
        }
        if (w.high(Analyte.RETICULOCYTES_PERCENT, w.k.reticulocytesHigh)) {
            b.support(w.evRange(Analyte.RETICULOCYTES_PERCENT, w.k.reticulocytesHigh, true, "hemolysis"));
        }
        if (w.high(Analyte.RETICULOCYTES_ABSOLUTE, w.k.reticulocytesAbsoluteHigh)) {
            b.support(w.evRange(Analyte.RETICULOCYTES_ABSOLUTE, w.k.reticulocytesAbsoluteHigh, true, "hemolysis"));
        }
        if (w.high(Analyte.BILIRUBIN_TOTAL, w.k.bilirubinHigh)) {
            b.support(w.evRange(Analyte.BILIRUBIN_TOTAL, w.k.bilirubinHigh, true, "hemolysis"));
        }
        if (w.low(Analyte.HAPTOGLOBIN, w.k.haptoglobinLow)) {
            b.support(w.evRange(Analyte.HAPTOGLOBIN, w.k.haptoglobinLow, false, "hemolysis"));
        }
    }

    // --------------------------------------------------------------------------------------------- fractionation

    private static void fractionation(Workup w, Board board) {
        LabValue a2 = w.val(Analyte.HBA2);
        LabValue e = w.val(Analyte.HBE);
        LabValue h = w.val(Analyte.HBH);
        LabValue f = w.val(Analyte.HBF);
        LabValue a = w.val(Analyte.HBA);
        boolean deficient = w.iron.deficient();
        boolean variantFound = false;

        boolean a2Window = a2 != null && w.k.hba2VariantWindow.test(a2.value());
        if ((e != null && w.k.hbeDetected.test(e.value())) || a2Window) {
            variantFound = true;
            hemoglobinE(w, board, e, a2, f, a2Window);
        }
        if (h != null && w.k.hbhDetected.test(h.value())) {
            variantFound = true;
            CauseBuilder b = board.propose(Cause.HEMOGLOBIN_H_DISEASE, LIKELY, Score.HBH_DETECTED);
            b.support(w.ev(Analyte.HBH, w.k.hbhDetected, "HbH band: three-gene alpha-thalassaemia"));
            hemolysisEvidence(w, b);
            b.test(NextTest.ALPHA_GLOBIN_GENE_ANALYSIS, "Confirms the genotype (deletional or HbH/Constant Spring)");
            b.test(NextTest.HEMOLYSIS_SCREEN, "Chronic hemolysis in HbH disease");
            b.caveat(Caveats.noIronInTrait(w));
        }
        // HPLC reports HbA as HbA0 (glycated HbA elutes apart): a normal HbA0 leaves no room for another variant
        if (a != null && !variantFound && !w.k.hba0Normal.test(a.value())) {
            double explained =
                    a.value() + w.v0(Analyte.HBA2) + w.v0(Analyte.HBF) + w.v0(Analyte.HBE) + w.v0(Analyte.HBH);
            double unexplained = 100.0 - explained;
            if (unexplained >= 100.0 - w.k.variantUnexplained.value()) {
                variantFound = true;
                CauseBuilder b = board.propose(Cause.OTHER_HEMOGLOBIN_VARIANT, LIKELY, Score.VARIANT_DETECTED);
                b.support(new Evidence(
                        "HbA + HbA2 + HbF + HbE + HbH = " + ValueFormat.evidence(explained) + " %: "
                                + ValueFormat.evidence(unexplained)
                                + " % is another variant (e.g. HbC, HbS, Hb Lepore)",
                        Analyte.HBA,
                        a.value(),
                        "%",
                        "<",
                        w.k.variantUnexplained.value(),
                        w.k.variantUnexplained.sourceId(),
                        a.sourceId()));
                b.test(NextTest.HBB_GENE_ANALYSIS, "Identifies the variant");
            }
        }
        boolean a2Raised = a2 != null && !a2Window && w.k.hba2Trait.test(a2.value());
        boolean fExplained = hbfExplained(w, board, f);
        boolean fHigh = f != null && !fExplained && w.k.hbfThalSyndrome.test(f.value());
        // megaloblastic anemia raises HbA2: a raised value is a trait only after B12/folate repletion
        boolean megaloblastic = w.flag(ClinicalFlag.B12_FOLATE_DEFICIENCY);
        if (a2Raised) {
            variantFound = true;
            boolean borderline = w.k.hba2BorderlineUpper.test(a2.value());
            CauseBuilder b = board.propose(
                    Cause.BETA_THALASSEMIA_TRAIT,
                    megaloblastic ? POSSIBLE : LIKELY,
                    borderline || megaloblastic ? Score.BETA_TRAIT_HBA2_BORDERLINE : Score.BETA_TRAIT_HBA2_RAISED);
            b.support(w.ev(Analyte.HBA2, w.k.hba2Trait, "raised HbA2: beta-thalassaemia trait"));
            if (megaloblastic) {
                b.caveat(Caveats.of(
                        w, "hba2-megaloblastic", Wording.HBA2_MEGALOBLASTIC, ValueFormat.evidence(a2.value())));
                b.test(NextTest.HEMOGLOBIN_FRACTIONATION, "Repeat HbA2 after vitamin B12/folate repletion");
            }
            if (deficient) {
                b.support(Evidence.finding("HbA2 is raised even though iron deficiency lowers it", "baird-2022"));
            }
            if (f != null && f.value() > 2.0) {
                b.support(w.plain(Analyte.HBF, "mildly raised HbF in ~50 % of traits", "baird-2022"));
            }
            if (borderline) {
                b.test(NextTest.HBB_GENE_ANALYSIS, "HbA2 3.5–3.9 % is borderline: HBB sequencing decides");
            }
            b.test(NextTest.PARTNER_SCREENING, "Carrier state: offer partner testing (reproductive risk)");
            if (!deficient) {
                b.caveat(Caveats.noIronInTrait(w));
            }
            if (severe(w) && (fHigh || hemolysis(w))) {
                CauseBuilder major = board.propose(Cause.BETA_THALASSEMIA, LIKELY, Score.BETA_THALASSEMIA_SYNDROME);
                major.support(w.ev(Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, "more anemia than a trait causes"));
                major.support(w.ev(Analyte.HBF, w.k.hbfThalSyndrome, "HbF markedly raised"));
                hemolysisEvidence(w, major);
                major.test(NextTest.HBB_GENE_ANALYSIS, "HBB (and HBA for co-inheritance) genotyping");
                major.test(NextTest.ALPHA_GLOBIN_GENE_ANALYSIS, "Alpha-gene triplication worsens a beta trait");
                major.test(NextTest.HEMATOLOGY_REFERRAL, "Thalassaemia intermedia/major: haematology care");
            } else if (severe(w) && !deficient && !megaloblastic) {
                CauseBuilder major = board.propose(Cause.BETA_THALASSEMIA, POSSIBLE, Score.BETA_THALASSEMIA_SEVERE);
                major.support(w.ev(Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, "more anemia than a trait causes"));
                major.test(NextTest.HBB_GENE_ANALYSIS, "HBB genotyping: trait or intermedia");
            }
        } else if (a2 != null && !a2Window && w.k.hba2BorderlineLower.test(a2.value())) {
            CauseBuilder b = board.propose(
                    Cause.BETA_THALASSEMIA_TRAIT,
                    POSSIBLE,
                    deficient ? Score.BETA_TRAIT_BORDERLINE_IRON_DEFICIENT : Score.BETA_TRAIT_BORDERLINE);
            b.support(w.ev(Analyte.HBA2, w.k.hba2BorderlineLower, "borderline HbA2"));
            if (deficient) {
                b.support(Evidence.finding(
                        "Iron deficiency lowers HbA2: a borderline value may hide a trait", "baird-2022"));
                b.caveat(Caveats.hba2LoweredByIronDeficiency(w));
            }
            b.test(NextTest.HBB_GENE_ANALYSIS, "Borderline HbA2 3.1–3.5 %: HBB sequencing decides");
        }
        if (!a2Raised && fHigh && severe(w)) {
            variantFound = true;
            CauseBuilder major = board.propose(
                    Cause.BETA_THALASSEMIA, hemolysis(w) ? LIKELY : POSSIBLE, Score.BETA_THALASSEMIA_HBF_HIGH);
            major.support(w.ev(Analyte.HBF, w.k.hbfThalSyndrome, "HbF markedly raised"));
            major.support(w.ev(Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, "anemia beyond a trait"));
            hemolysisEvidence(w, major);
            major.test(NextTest.HBB_GENE_ANALYSIS, "HBB genotyping");
            major.test(NextTest.HEMATOLOGY_REFERRAL, "Thalassaemia intermedia/major: haematology care");
        } else if (!a2Raised && !a2Window && !fExplained && f != null && w.k.hbfDeltaBeta.test(f.value())) {
            variantFound = true;
            CauseBuilder b = board.propose(Cause.OTHER_HEMOGLOBIN_VARIANT, POSSIBLE, Score.DELTA_BETA_HBF);
            b.support(w.ev(Analyte.HBF, w.k.hbfDeltaBeta, "HbF raised with normal HbA2: delta-beta-thal / HPFH"));
            if (a2 != null) {
                b.support(w.ev(Analyte.HBA2, w.k.hba2Trait, "HbA2 not raised"));
            }
            b.test(NextTest.HBB_GENE_ANALYSIS, "Delta-beta deletion / HPFH analysis");
        }
        if (!variantFound && a2 != null) {
            normalFractionation(w, board, a2, deficient);
        }
    }

    /** A raised HbF under hydroxyurea, or below the thalassaemia-syndrome level in pregnancy, is named as such. */
    private static boolean hbfExplained(Workup w, Board board, LabValue f) {
        if (f == null || !w.k.hbfDeltaBeta.test(f.value())) {
            return false;
        }
        String hbf = ValueFormat.evidence(f.value());
        if (w.recent(MedicationClass.HYDROXYUREA)) {
            board.caveat(Caveats.of(w, "hbf-hydroxyurea", Wording.HBF_HYDROXYUREA, hbf));
            return true;
        }
        if (w.pregnant && !w.k.hbfThalSyndrome.test(f.value())) {
            board.caveat(Caveats.of(w, "hbf-pregnancy", Wording.HBF_PREGNANCY, hbf));
            return true;
        }
        return false;
    }

    private static void hemoglobinE(Workup w, Board board, LabValue e, LabValue a2, LabValue f, boolean a2Window) {
        LabValue fraction = e != null ? e : a2;
        double value = fraction.value();
        CauseBuilder b = board.propose(Cause.HEMOGLOBIN_E, LIKELY, Score.HBE_DETECTED);
        if (e != null) {
            String form = w.k.hbeHomozygous.test(value)
                    ? "HbE disease (homozygous) or HbE/beta0-thalassaemia"
                    : (w.k.hbeTrait.test(value)
                            ? "HbE trait (25–35 %)"
                            : "HbE, lower than a trait (alpha-thal or iron deficiency?)");
            b.support(w.compare(e, w.k.hbeDetected, form));
        } else {
            b.support(w.compare(a2, w.k.hba2VariantWindow, "a variant in the HbA2 window is HbE on HPLC"));
            b.test(NextTest.HEMOGLOBIN_FRACTIONATION, "Capillary electrophoresis separates HbE from HbA2");
        }
        boolean moderate = w.present(Analyte.HEMOGLOBIN) && w.k.hbThalSyndrome.test(w.v(Analyte.HEMOGLOBIN));
        if ((f != null && w.k.hbfThalSyndrome.test(f.value())) || moderate) {
            b.support(Evidence.finding(
                    "HbE with HbF raised or moderate anemia: HbE/beta-thalassaemia possible", "marsh-1983"));
            b.test(NextTest.HBB_GENE_ANALYSIS, "HbE/beta-thalassaemia: HBB genotyping");
        }
        if (e != null && !w.k.hbeTrait.test(value)) {
            b.test(NextTest.ALPHA_GLOBIN_GENE_ANALYSIS, "A low HbE fraction suggests co-inherited alpha-thalassaemia");
        }
        b.test(NextTest.PARTNER_SCREENING, "HbE carrier: partner testing (HbE/beta-thalassaemia risk)");
        b.caveat(Caveats.noIronInTrait(w));
        if (a2Window) {
            // the "HbA2" is HbE: do not read it as a beta-thalassaemia trait
            board.caveat(new dev.microcytic.cdshooks.differential.Caveat(
                    "hbe-in-a2-window",
                    "An 'HbA2' above 10 % is HbE co-eluting on HPLC, not a beta-thalassaemia trait.",
                    "marsh-1983"));
        }
    }

    private static void normalFractionation(Workup w, Board board, LabValue a2, boolean deficient) {
        Evidence normal =
                w.lab(a2, "<=", w.k.hba2Trait.value(), w.k.hba2Trait.sourceId(), "HbA2 not raised, no variant");
        if (deficient) {
            board.caveat(Caveats.hba2LoweredByIronDeficiency(w));
            if (w.disproportion()) {
                CauseBuilder b =
                        board.propose(Cause.THALASSEMIA_TRAIT, POSSIBLE, Score.TRAIT_NORMAL_HBA2_IRON_DEFICIENT);
                b.support(Evidence.finding(
                        "Microcytosis out of proportion to the iron deficiency (RBC > 5 or Mentzer < 13)",
                        "vehapoglu-2014"));
                b.oppose(normal);
                b.caveat(Caveats.hba2LoweredByIronDeficiency(w));
                b.test(NextTest.HEMOGLOBIN_FRACTIONATION, "Repeat HbA2 after iron repletion");
                b.test(NextTest.ALPHA_GLOBIN_GENE_ANALYSIS, "Alpha-thalassaemia if microcytosis persists");
            }
            return;
        }
        if (!w.microcytosis) {
            return;
        }
        boolean ironKnownOk = w.ironReplete() || w.iron == Workup.IronStatus.GREY;
        boolean strong = w.leansThalassemia() || (w.present(Analyte.RBC_COUNT) && w.v(Analyte.RBC_COUNT) > 5.0);
        if (severe(w) || w.ironLoaded()) {
            // alpha trait gives no or mild anemia and normal iron: a more severe or iron-loaded picture is something
            // else
            CauseBuilder b = board.propose(Cause.ALPHA_THALASSEMIA_TRAIT, CONSIDER, Score.ALPHA_TRAIT_SEVERE_OR_LOADED);
            b.support(normal);
            b.oppose(Evidence.finding(
                    "Alpha-thalassaemia trait causes no or mild anemia and no iron loading", "baird-2022"));
            b.test(NextTest.ALPHA_GLOBIN_GENE_ANALYSIS, "Alpha-globin deletion analysis");
            return;
        }
        CauseBuilder b = board.propose(
                Cause.ALPHA_THALASSEMIA_TRAIT,
                ironKnownOk && strong ? LIKELY : POSSIBLE,
                ironKnownOk ? (strong ? Score.ALPHA_TRAIT_STRONG : Score.ALPHA_TRAIT_IRON_OK) : Score.ALPHA_TRAIT);
        b.support(normal);
        if (w.k.hba2Low.test(a2.value())) {
            b.support(w.ev(Analyte.HBA2, w.k.hba2Low, "low HbA2 fits alpha-thalassaemia"));
        }
        if (ironKnownOk) {
            b.support(Evidence.finding(
                    "Iron stores present: iron deficiency does not explain the microcytosis", "donker-2014"));
        }
        if (strong) {
            b.support(Evidence.finding(w.leanText(), w.leanSource()));
        }
        b.test(
                NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                "Normal HbA2 with microcytosis and iron present: alpha-globin"
                        + " deletion analysis (adult HPLC is normal in alpha trait)");
        b.caveat(Caveats.noIronInTrait(w));
    }

    private static void pregnancyScreen(Workup w, Board board) {
        CauseBuilder b = board.cause(Cause.THALASSEMIA_TRAIT);
        boolean typed = board.has(Cause.BETA_THALASSEMIA_TRAIT)
                || board.has(Cause.ALPHA_THALASSEMIA_TRAIT)
                || board.has(Cause.HEMOGLOBIN_E)
                || board.has(Cause.HEMOGLOBIN_H_DISEASE);
        if (typed) {
            return;
        }
        if (b == null) {
            b = board.propose(Cause.THALASSEMIA_TRAIT, POSSIBLE, Score.TRAIT_PREGNANCY_SCREEN);
        } else {
            b.raise(POSSIBLE, w.k.score(Score.TRAIT_PREGNANCY_SCREEN));
        }
        b.support(w.lab(
                w.val(Analyte.MCH),
                "<",
                27,
                "pavord-2020",
                "antenatal haemoglobinopathy screening trigger, regardless of iron status"));
        b.test(NextTest.HEMOGLOBIN_FRACTIONATION, "Antenatal screening: MCH < 27 pg");
        b.test(NextTest.PARTNER_SCREENING, "Time-critical partner testing in pregnancy");
    }
}

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
                board.caveat(w.caveat("fractionation-infant", RuleText.CAVEAT_HBA2_HBF_NOT_AT_ADULT));
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
            b.support(w.finding(RuleText.EV_HEMOLYSIS_PROBLEM_LIST));
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
            b.support(w.ev(Analyte.HBH, w.k.hbhDetected, w.text(RuleText.M_HBH_BAND_THREE_GENE_ALPHA)));
            hemolysisEvidence(w, b);
            b.test(
                    NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                    w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_CONFIRMS_GENOTYPE_DELETIONAL_HBH_CONSTANT));
            b.test(NextTest.HEMOLYSIS_SCREEN, w.text(RuleText.TEST_HEMOLYSIS_SCREEN_CHRONIC_HEMOLYSIS_HBH_DISEASE));
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
                        w.text(
                                RuleText.EV_HB_VARIANT_UNEXPLAINED,
                                ValueFormat.evidence(explained),
                                ValueFormat.evidence(unexplained)),
                        Analyte.HBA,
                        a.value(),
                        "%",
                        "<",
                        w.k.variantUnexplained.value(),
                        w.k.variantUnexplained.sourceId(),
                        a.sourceId()));
                b.test(NextTest.HBB_GENE_ANALYSIS, w.text(RuleText.TEST_HBB_GENE_ANALYSIS_IDENTIFIES_VARIANT));
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
            b.support(w.ev(Analyte.HBA2, w.k.hba2Trait, w.text(RuleText.M_RAISED_HBA2_BETA_THALASSAEMIA_TRAIT)));
            if (megaloblastic) {
                b.caveat(Caveats.of(
                        w, "hba2-megaloblastic", Wording.HBA2_MEGALOBLASTIC, ValueFormat.evidence(a2.value())));
                b.test(
                        NextTest.HEMOGLOBIN_FRACTIONATION,
                        w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_REPEAT_HBA2_AFTER_VITAMIN_B12));
            }
            if (deficient) {
                b.support(w.finding(RuleText.EV_HBA2_RAISED_EVEN_THOUGH_IRON));
            }
            if (f != null && f.value() > 2.0) {
                b.support(w.plain(Analyte.HBF, w.text(RuleText.M_MILDLY_RAISED_HBF_50_TRAITS), "baird-2022"));
            }
            if (borderline) {
                b.test(NextTest.HBB_GENE_ANALYSIS, w.text(RuleText.TEST_HBB_GENE_ANALYSIS_HBA2_3_5_3_9));
            }
            b.test(
                    NextTest.PARTNER_SCREENING,
                    w.text(RuleText.TEST_PARTNER_SCREENING_CARRIER_STATE_OFFER_PARTNER_TESTING));
            if (!deficient) {
                b.caveat(Caveats.noIronInTrait(w));
            }
            if (severe(w) && (fHigh || hemolysis(w))) {
                CauseBuilder major = board.propose(Cause.BETA_THALASSEMIA, LIKELY, Score.BETA_THALASSEMIA_SYNDROME);
                major.support(
                        w.ev(Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, w.text(RuleText.M_MORE_ANEMIA_THAN_TRAIT_CAUSES)));
                major.support(w.ev(Analyte.HBF, w.k.hbfThalSyndrome, w.text(RuleText.M_HBF_MARKEDLY_RAISED)));
                hemolysisEvidence(w, major);
                major.test(
                        NextTest.HBB_GENE_ANALYSIS,
                        w.text(RuleText.TEST_HBB_GENE_ANALYSIS_HBB_HBA_CO_INHERITANCE_GENOTYPING));
                major.test(
                        NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                        w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_ALPHA_GENE_TRIPLICATION_WORSENS_BETA));
                major.test(
                        NextTest.HEMATOLOGY_REFERRAL,
                        w.text(RuleText.TEST_HEMATOLOGY_REFERRAL_THALASSAEMIA_INTERMEDIA_MAJOR_HAEMATOLOGY_CARE));
            } else if (severe(w) && !deficient && !megaloblastic) {
                CauseBuilder major = board.propose(Cause.BETA_THALASSEMIA, POSSIBLE, Score.BETA_THALASSEMIA_SEVERE);
                major.support(
                        w.ev(Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, w.text(RuleText.M_MORE_ANEMIA_THAN_TRAIT_CAUSES)));
                major.test(
                        NextTest.HBB_GENE_ANALYSIS,
                        w.text(RuleText.TEST_HBB_GENE_ANALYSIS_HBB_GENOTYPING_TRAIT_INTERMEDIA));
            }
        } else if (a2 != null && !a2Window && w.k.hba2BorderlineLower.test(a2.value())) {
            CauseBuilder b = board.propose(
                    Cause.BETA_THALASSEMIA_TRAIT,
                    POSSIBLE,
                    deficient ? Score.BETA_TRAIT_BORDERLINE_IRON_DEFICIENT : Score.BETA_TRAIT_BORDERLINE);
            b.support(w.ev(Analyte.HBA2, w.k.hba2BorderlineLower, w.text(RuleText.M_BORDERLINE_HBA2)));
            if (deficient) {
                b.support(w.finding(RuleText.EV_IRON_DEFICIENCY_LOWERS_HBA2_BORDERLINE));
                b.caveat(Caveats.hba2LoweredByIronDeficiency(w));
            }
            b.test(NextTest.HBB_GENE_ANALYSIS, w.text(RuleText.TEST_HBB_GENE_ANALYSIS_BORDERLINE_HBA2_3_1_3));
        }
        if (!a2Raised && fHigh && severe(w)) {
            variantFound = true;
            CauseBuilder major = board.propose(
                    Cause.BETA_THALASSEMIA, hemolysis(w) ? LIKELY : POSSIBLE, Score.BETA_THALASSEMIA_HBF_HIGH);
            major.support(w.ev(Analyte.HBF, w.k.hbfThalSyndrome, w.text(RuleText.M_HBF_MARKEDLY_RAISED)));
            major.support(w.ev(Analyte.HEMOGLOBIN, w.k.hbThalSyndrome, w.text(RuleText.M_ANEMIA_BEYOND_TRAIT)));
            hemolysisEvidence(w, major);
            major.test(NextTest.HBB_GENE_ANALYSIS, w.text(RuleText.TEST_HBB_GENE_ANALYSIS_HBB_GENOTYPING));
            major.test(
                    NextTest.HEMATOLOGY_REFERRAL,
                    w.text(RuleText.TEST_HEMATOLOGY_REFERRAL_THALASSAEMIA_INTERMEDIA_MAJOR_HAEMATOLOGY_CARE));
        } else if (!a2Raised && !a2Window && !fExplained && f != null && w.k.hbfDeltaBeta.test(f.value())) {
            variantFound = true;
            CauseBuilder b = board.propose(Cause.OTHER_HEMOGLOBIN_VARIANT, POSSIBLE, Score.DELTA_BETA_HBF);
            b.support(w.ev(Analyte.HBF, w.k.hbfDeltaBeta, w.text(RuleText.M_HBF_RAISED_NORMAL_HBA2_DELTA)));
            if (a2 != null) {
                b.support(w.ev(Analyte.HBA2, w.k.hba2Trait, w.text(RuleText.M_HBA2_NOT_RAISED)));
            }
            b.test(
                    NextTest.HBB_GENE_ANALYSIS,
                    w.text(RuleText.TEST_HBB_GENE_ANALYSIS_DELTA_BETA_DELETION_HPFH_ANALYSIS));
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
                    ? w.text(RuleText.M_HBE_HOMOZYGOUS)
                    : (w.k.hbeTrait.test(value) ? w.text(RuleText.M_HBE_TRAIT) : w.text(RuleText.M_HBE_BELOW_TRAIT));
            b.support(w.compare(e, w.k.hbeDetected, form));
        } else {
            b.support(w.compare(a2, w.k.hba2VariantWindow, w.text(RuleText.M_VARIANT_HBA2_WINDOW_HBE_HPLC)));
            b.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_CAPILLARY_ELECTROPHORESIS_SEPARATES_HBE_FROM));
        }
        boolean moderate = w.present(Analyte.HEMOGLOBIN) && w.k.hbThalSyndrome.test(w.v(Analyte.HEMOGLOBIN));
        if ((f != null && w.k.hbfThalSyndrome.test(f.value())) || moderate) {
            b.support(w.finding(RuleText.EV_HBE_HBF_RAISED_MODERATE_ANEMIA));
            b.test(
                    NextTest.HBB_GENE_ANALYSIS,
                    w.text(RuleText.TEST_HBB_GENE_ANALYSIS_HBE_BETA_THALASSAEMIA_HBB_GENOTYPING));
        }
        if (e != null && !w.k.hbeTrait.test(value)) {
            b.test(
                    NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                    w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_LOW_HBE_FRACTION_SUGGESTS_CO));
        }
        b.test(NextTest.PARTNER_SCREENING, w.text(RuleText.TEST_PARTNER_SCREENING_HBE_CARRIER_PARTNER_TESTING_HBE));
        b.caveat(Caveats.noIronInTrait(w));
        if (a2Window) {
            // the "HbA2" is HbE: do not read it as a beta-thalassaemia trait
            board.caveat(w.caveat("hbe-in-a2-window", RuleText.CAVEAT_HBA2_ABOVE_10_HBE_CO));
        }
    }

    private static void normalFractionation(Workup w, Board board, LabValue a2, boolean deficient) {
        Evidence normal = w.lab(
                a2,
                "<=",
                w.k.hba2Trait.value(),
                w.k.hba2Trait.sourceId(),
                w.text(RuleText.M_HBA2_NOT_RAISED_NO_VARIANT));
        if (deficient) {
            board.caveat(Caveats.hba2LoweredByIronDeficiency(w));
            if (w.disproportion()) {
                CauseBuilder b =
                        board.propose(Cause.THALASSEMIA_TRAIT, POSSIBLE, Score.TRAIT_NORMAL_HBA2_IRON_DEFICIENT);
                b.support(w.finding(RuleText.EV_MICROCYTOSIS_OUT_PROPORTION_IRON_DEFICIENCY));
                b.oppose(normal);
                b.caveat(Caveats.hba2LoweredByIronDeficiency(w));
                b.test(
                        NextTest.HEMOGLOBIN_FRACTIONATION,
                        w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_REPEAT_HBA2_AFTER_IRON_REPLETION));
                b.test(
                        NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                        w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_ALPHA_THALASSAEMIA_IF_MICROCYTOSIS_PERSISTS));
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
            b.oppose(w.finding(RuleText.EV_ALPHA_THALASSAEMIA_TRAIT_CAUSES_NO));
            b.test(
                    NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                    w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_ALPHA_GLOBIN_DELETION_ANALYSIS));
            return;
        }
        CauseBuilder b = board.propose(
                Cause.ALPHA_THALASSEMIA_TRAIT,
                ironKnownOk && strong ? LIKELY : POSSIBLE,
                ironKnownOk ? (strong ? Score.ALPHA_TRAIT_STRONG : Score.ALPHA_TRAIT_IRON_OK) : Score.ALPHA_TRAIT);
        b.support(normal);
        if (w.k.hba2Low.test(a2.value())) {
            b.support(w.ev(Analyte.HBA2, w.k.hba2Low, w.text(RuleText.M_LOW_HBA2_FITS_ALPHA_THALASSAEMIA)));
        }
        if (ironKnownOk) {
            b.support(w.finding(RuleText.EV_IRON_STORES_PRESENT_IRON_DEFICIENCY));
        }
        if (strong) {
            b.support(Evidence.finding(w.leanText(), w.leanSource()));
        }
        b.test(
                NextTest.ALPHA_GLOBIN_GENE_ANALYSIS,
                w.text(RuleText.TEST_ALPHA_GLOBIN_GENE_ANALYSIS_NORMAL_HBA2_MICROCYTOSIS_IRON_PRESENT));
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
                w.text(RuleText.M_ANTENATAL_HAEMOGLOBINOPATHY_SCREENING_TRIGGER_REGARDLESS)));
        b.test(
                NextTest.HEMOGLOBIN_FRACTIONATION,
                w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_ANTENATAL_SCREENING_MCH_27_PG));
        b.test(
                NextTest.PARTNER_SCREENING,
                w.text(RuleText.TEST_PARTNER_SCREENING_TIME_CRITICAL_PARTNER_TESTING_PREGNANCY));
    }
}

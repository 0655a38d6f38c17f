package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.Sex;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rare genetic causes along the Donker 2014 flowchart (Blood 2014;123:3873, fig. 2): step 3 additional symptoms (neurological disease and diabetes →
 * ceruloplasmin; isolated ataxia → ABCB7; photosensitivity with or without hemolysis → CEP / EPP / XLPP, in {@link PorphyriaRules}), step 4 iron
 * parameters (very low TSAT with ferritin not low → IRIDA by the TSAT/hepcidin ratio and oral-iron refractoriness;
 * transferrin absent → atransferrinemia; iron-loaded microcytosis by severity and age → SLC25A38 / ALAS2 / STEAP3 /
 * GLRX5 / DMT1, in {@link IronLoadedRules}; ferritin high with TSAT low-normal → ferroportin disease). Missing data is not a negative result: a
 * rare cause leads only with a pathognomonic value or when the common causes are excluded; otherwise it is at most
 * considered, with the test that decides it.
 */
final class DonkerRules {

    /** The causes read from a high TSAT: they need iron loading established ({@link Workup#ironLoaded()}). */
    static final Set<Cause> TSAT_LOADING = EnumSet.of(
            Cause.XLSA,
            Cause.CONGENITAL_SIDEROBLASTIC,
            Cause.STEAP3_DEFICIENCY,
            Cause.DMT1_DEFICIENCY,
            Cause.ATRANSFERRINEMIA);

    static final Set<Cause> IRON_LOADING = EnumSet.of(
            Cause.XLSA,
            Cause.CONGENITAL_SIDEROBLASTIC,
            Cause.STEAP3_DEFICIENCY,
            Cause.DMT1_DEFICIENCY,
            Cause.ATRANSFERRINEMIA,
            Cause.FERROPORTIN_DISEASE,
            Cause.XLSA_ATAXIA,
            Cause.ACERULOPLASMINEMIA);

    private DonkerRules() {}

    static void apply(Workup w, Board board) {
        aceruloplasminemia(w, board);
        atransferrinemia(w, board);
        ferroportin(w, board);
        IronLoadedRules.apply(w, board);
        ataxia(w, board);
        PorphyriaRules.apply(w, board);
    }

    // ------------------------------------------------------------------------------------------------ step 3a CP

    private static void aceruloplasminemia(Workup w, Board board) {
        LabValue cp = w.val(Analyte.CERULOPLASMIN);
        LabValue ferritin = w.ferritinForLoading();
        LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
        boolean ferritinHigh = ferritin != null && w.overloadThreshold().test(ferritin.value());
        boolean tsatLowish = tsat != null && w.k.tsatRestricted.test(tsat.value());
        boolean diabetes = w.flag(ClinicalFlag.DIABETES);
        boolean neuro = w.flag(ClinicalFlag.NEUROLOGICAL_DISEASE);
        if (cp != null) {
            if (w.k.ceruloplasminUndetectable.test(cp.value())) {
                CauseBuilder b = board.propose(
                        Cause.ACERULOPLASMINEMIA,
                        ferritinHigh ? LIKELY : POSSIBLE,
                        ferritinHigh
                                ? Score.ACERULOPLASMINEMIA_UNDETECTABLE_FERRITIN_HIGH
                                : Score.ACERULOPLASMINEMIA_UNDETECTABLE);
                b.support(w.compare(
                        cp,
                        w.k.ceruloplasminUndetectable,
                        w.k.meaning(Meaning.ACERULOPLASMINEMIA_UNDETECTABLE_CERULOPLASMIN)));
                cpSupport(w, b, ferritin, ferritinHigh, tsatLowish, diabetes, neuro);
                if (!ferritinHigh) {
                    b.oppose(w.finding(Finding.ACERULOPLASMINEMIA_FERRITIN_RAISED_WILSON_DISEASE_COPPER));
                }
                b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
                b.test(
                        NextTest.IRON_METABOLISM_GENE_PANEL,
                        w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_CP_SEQUENCING_CONFIRMS_ACERULOPLASMINEMIA));
                b.test(NextTest.LIVER_IRON_MRI, w.k.reason(TestReason.LIVER_IRON_MRI_BRAIN_LIVER_IRON_MRI));
                b.caveat(w.k.caveat(RareCaveat.PHLEBOTOMY_ACERULOPLASMINEMIA));
            } else if (w.k.ceruloplasminLow.test(cp.value()) && ferritinHigh) {
                CauseBuilder b = board.propose(Cause.ACERULOPLASMINEMIA, CONSIDER, Score.ACERULOPLASMINEMIA_LOW);
                b.support(w.compare(
                        cp,
                        w.k.ceruloplasminLow,
                        w.k.meaning(Meaning.ACERULOPLASMINEMIA_LOW_UNDETECTABLE_HETEROZYGOTE_COPPER_DEFICIENCY)));
                b.test(NextTest.COPPER_ZINC, w.k.reason(TestReason.COPPER_ZINC_COPPER_DEFICIENCY_LOWERS_CERULOPLASMIN));
            }
            return;
        }
        if (!ferritinHigh || w.inflamed || w.transfusionRecent) {
            return;
        }
        if (tsat != null && !tsatLowish) {
            return;
        }
        boolean otherContext = w.flag(ClinicalFlag.CHRONIC_KIDNEY_DISEASE) || w.flag(ClinicalFlag.HEART_FAILURE);
        CauseBuilder b;
        if ((diabetes || neuro) && w.inflammationExcluded && !otherContext && tsat != null) {
            // suggest ceruloplasmin; the card may lead only once ceruloplasmin is undetectable (a rare cause needs its
            // pathognomonic value)
            b = board.propose(Cause.ACERULOPLASMINEMIA, POSSIBLE, Score.ACERULOPLASMINEMIA_CONTEXT_CONFIRMED);
        } else if (diabetes || neuro) {
            b = board.propose(Cause.ACERULOPLASMINEMIA, CONSIDER, Score.ACERULOPLASMINEMIA_CONTEXT);
            if (!w.present(Analyte.CRP)) {
                b.test(NextTest.CRP, w.k.reason(TestReason.CRP_INFLAMMATION_PRODUCES_SAME_HIGH_FERRITIN));
            }
        } else if (w.inflammationExcluded) {
            b = board.propose(Cause.ACERULOPLASMINEMIA, CONSIDER, Score.ACERULOPLASMINEMIA_IRON_LOADED);
        } else {
            return;
        }
        cpSupport(w, b, ferritin, ferritinHigh, tsatLowish, diabetes, neuro);
        b.test(
                NextTest.CERULOPLASMIN,
                w.k.reason(TestReason.CERULOPLASMIN_CHEAP_DECISIVE_UNDETECTABLE_ACERULOPLASMINEMIA));
        b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
        b.test(
                NextTest.IRON_METABOLISM_GENE_PANEL,
                w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_CP_SEQUENCING_CERULOPLASMIN_UNDETECTABLE));
        b.caveat(w.k.caveat(RareCaveat.PHLEBOTOMY_ACERULOPLASMINEMIA));
    }

    private static void cpSupport(
            Workup w,
            CauseBuilder b,
            LabValue ferritin,
            boolean ferritinHigh,
            boolean tsatLowish,
            boolean diabetes,
            boolean neuro) {
        if (ferritinHigh) {
            b.support(w.compare(
                    ferritin, w.overloadThreshold(), w.k.meaning(Meaning.ACERULOPLASMINEMIA_HYPERFERRITINEMIA)));
        }
        if (tsatLowish) {
            b.support(w.ev(
                    Analyte.TRANSFERRIN_SATURATION,
                    w.k.tsatRestricted,
                    w.k.meaning(Meaning.ACERULOPLASMINEMIA_LOW_TSAT_HIGH_FERRITIN)));
        }
        if (diabetes) {
            b.support(w.finding(Finding.ACERULOPLASMINEMIA_DIABETES_SYMPTOM_68_5_PATIENTS));
        }
        if (neuro) {
            b.support(w.finding(Finding.ACERULOPLASMINEMIA_NEUROLOGICAL_DISEASE_MOVEMENT_DISORDER_COGNITIVE));
        }
    }

    // ------------------------------------------------------------------------------------------------ step 4b TF

    private static void atransferrinemia(Workup w, Board board) {
        LabValue tf = w.val(Analyte.TRANSFERRIN);
        LabValue tibc = w.val(Analyte.TIBC);
        boolean tibcReported = tibc != null && !tibc.derived();
        LabValue ferritin = w.ferritinForLoading();
        boolean ferritinHigh = ferritin != null && w.overloadThreshold().test(ferritin.value());
        boolean absent = (tf != null && w.k.transferrinAbsent.test(tf.value()))
                || (tf == null && tibcReported && w.k.tibcAbsent.test(tibc.value()));
        if (absent) {
            CauseBuilder b = board.propose(
                    Cause.ATRANSFERRINEMIA,
                    ferritinHigh ? LIKELY : POSSIBLE,
                    ferritinHigh ? Score.ATRANSFERRINEMIA_ABSENT_FERRITIN_HIGH : Score.ATRANSFERRINEMIA_ABSENT);
            b.support(
                    tf != null
                            ? w.compare(
                                    tf,
                                    w.k.transferrinAbsent,
                                    w.k.meaning(Meaning.ATRANSFERRINEMIA_TRANSFERRIN_VERY_LOW))
                            : w.compare(tibc, w.k.tibcAbsent, w.k.meaning(Meaning.ATRANSFERRINEMIA_TIBC_VERY_LOW)));
            if (ferritinHigh) {
                b.support(w.compare(
                        ferritin, w.overloadThreshold(), w.k.meaning(Meaning.ATRANSFERRINEMIA_IRON_OVERLOAD)));
            } else {
                b.oppose(w.finding(Finding.ATRANSFERRINEMIA_FERRITIN_RAISED_HETEROZYGOUS_CARRIER_NEPHROTIC));
            }
            if (tf == null) {
                b.test(NextTest.TRANSFERRIN, w.k.reason(TestReason.TRANSFERRIN_SERUM_TRANSFERRIN_35_MG_DL));
            }
            b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
            b.test(
                    NextTest.IRON_METABOLISM_GENE_PANEL,
                    w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_TF_SEQUENCING));
            b.test(NextTest.LIVER_IRON_MRI, w.k.reason(TestReason.LIVER_IRON_MRI_IRON_OVERLOAD_LIVER_HEART));
            b.caveat(w.k.caveat(RareCaveat.ATRANSFERRINEMIA_NO_IRON));
            return;
        }
        if (tf != null || tibcReported || !ferritinHigh || w.transfusionRecent) {
            return;
        }
        LabValue tsat = w.tsatForLoading();
        boolean young = w.ageKnown && w.k.ageEarlyChildhood.test(w.age);
        boolean severe = w.present(Analyte.HEMOGLOBIN) && w.k.hbDutchSevere.test(w.v(Analyte.HEMOGLOBIN));
        if (tsat != null && w.k.tsatHigh.test(tsat.value()) && (young || severe)) {
            CauseBuilder b = board.propose(Cause.ATRANSFERRINEMIA, CONSIDER, Score.ATRANSFERRINEMIA_UNTESTED);
            b.support(w.compare(ferritin, w.overloadThreshold(), w.k.meaning(Meaning.ATRANSFERRINEMIA_IRON_OVERLOAD)));
            b.test(NextTest.TRANSFERRIN, w.k.reason(TestReason.TRANSFERRIN_TRANSFERRIN_35_MG_DL_DECIDES));
        }
    }

    // ------------------------------------------------------------------------------------------------ ferroportin

    private static void ferroportin(Workup w, Board board) {
        LabValue ferritin = w.val(Analyte.FERRITIN);
        LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
        if (ferritin == null || tsat == null || w.transfusionRecent || !w.inflammationExcluded) {
            return;
        }
        if (!w.k.ferritinOverloadUnwell.test(ferritin.value()) || w.k.tsatHigh.test(tsat.value())) {
            return; // ferroportin disease: ferritin clearly high (> 500) with TSAT low-normal
        }
        for (Cause explains : new Cause[] {Cause.HEMOGLOBIN_H_DISEASE, Cause.BETA_THALASSEMIA, Cause.HEMOGLOBIN_E}) {
            CauseBuilder b = board.cause(explains);
            if (b != null && b.likelihood == LIKELY) {
                return; // a hemoglobinopathy with ineffective erythropoiesis explains the iron loading
            }
        }
        if (w.present(Analyte.CERULOPLASMIN) && w.k.ceruloplasminUndetectable.test(w.v(Analyte.CERULOPLASMIN))) {
            return;
        }
        CauseBuilder b = board.propose(Cause.FERROPORTIN_DISEASE, CONSIDER, Score.FERROPORTIN_DISEASE);
        b.support(w.compare(
                ferritin,
                w.overloadThreshold(),
                w.k.meaning(Meaning.FERROPORTIN_HYPERFERRITINEMIA_WITHOUT_INFLAMMATION)));
        b.support(w.compare(tsat, w.k.tsatHigh, w.k.meaning(Meaning.FERROPORTIN_TSAT_LOW_NORMAL_MACROPHAGE_IRON)));
        b.oppose(w.finding(Finding.FERROPORTIN_FERROPORTIN_DISEASE_USUALLY_NORMOCYTIC_MILD));
        if (!w.present(Analyte.CERULOPLASMIN)) {
            b.test(
                    NextTest.CERULOPLASMIN,
                    w.k.reason(TestReason.CERULOPLASMIN_EXCLUDE_ACERULOPLASMINEMIA_SAME_IRON_PATTERN));
        }
        b.test(NextTest.LIVER_IRON_MRI, w.k.reason(TestReason.LIVER_IRON_MRI_LIVER_IRON_LOADING));
        b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
        b.test(
                NextTest.IRON_METABOLISM_GENE_PANEL,
                w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_SLC40A1_SEQUENCING));
    }

    // ------------------------------------------------------------------------------------------------ step 3a ataxia

    private static void ataxia(Workup w, Board board) {
        if (!w.flag(ClinicalFlag.ATAXIA)) {
            return;
        }
        boolean leadNormal = w.present(Analyte.BLOOD_LEAD) && !w.k.leadReference.test(w.v(Analyte.BLOOD_LEAD));
        boolean copperNormal = w.present(Analyte.COPPER) && !board.has(Cause.COPPER_DEFICIENCY);
        if ((w.present(Analyte.BLOOD_LEAD) && !leadNormal) || (w.present(Analyte.COPPER) && !copperNormal)) {
            return; // lead encephalopathy or copper-deficiency myeloneuropathy explains the ataxia
        }
        boolean male = w.sex == Sex.MALE;
        Likelihood band = leadNormal && copperNormal && male && !w.iron.deficient() ? POSSIBLE : CONSIDER;
        CauseBuilder b =
                board.propose(Cause.XLSA_ATAXIA, band, band == POSSIBLE ? Score.XLSA_ATAXIA_FITS : Score.XLSA_ATAXIA);
        b.support(w.finding(Finding.XLSA_ATAXIA_ATAXIA_MICROCYTIC_ANEMIA_ABCB7_EARLY));
        if (!male) {
            b.oppose(w.finding(Finding.XLSA_ATAXIA_CARRIER_FEMALES_NEUROLOGICALLY_NORMAL));
        }
        if (w.ironLoaded()) {
            b.oppose(w.finding(Finding.XLSA_ATAXIA_ABCB7_CAUSES_SYSTEMIC_IRON_OVERLOAD));
        }
        if (!leadNormal) {
            b.test(NextTest.BLOOD_LEAD, w.k.reason(TestReason.BLOOD_LEAD_LEAD_ENCEPHALOPATHY_CAUSES_ATAXIA_MICROCYTIC));
        }
        if (!copperNormal) {
            b.test(
                    NextTest.COPPER_ZINC,
                    w.k.reason(TestReason.COPPER_ZINC_COPPER_DEFICIENCY_MYELONEUROPATHY_CAUSES_SENSORY));
        }
        b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
        b.test(NextTest.IRON_METABOLISM_GENE_PANEL, w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_ABCB7_SEQUENCING));
        b.test(NextTest.BONE_MARROW_IRON_STAIN, w.k.reason(TestReason.BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS));
    }
}

package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Sex;
import java.time.ZoneOffset;

/**
 * Step 4c of the Donker 2014 flowchart (Blood 2014;123:3873, fig. 2): an iron-loaded microcytosis by severity, age,
 * sex and the pyridoxine response → ALAS2 (XLSA), SLC25A38 / GLRX5 (other congenital sideroblastic anemia), STEAP3,
 * DMT1. One high TSAT is not iron loading (EASL 2022): until {@link Workup#ironLoaded()} holds, {@link Ranking} keeps
 * these causes below the carrier states and the card asks for a repeated fasting TSAT.
 */
final class IronLoadedRules {

    private IronLoadedRules() {}

    // ------------------------------------------------------------------------------------------------ step 4c

    static void apply(Workup w, Board board) {
        LabValue ferritin = w.ferritinForLoading();
        if (ferritin == null || w.inflamed) {
            return;
        }
        boolean loaded = w.ironLoadingPattern();
        boolean pyridoxineResponsive = w.pyridoxineResponse == Workup.Response.RESPONSIVE;
        boolean ferritinHigh = w.overloadThreshold().test(ferritin.value());
        boolean severe = w.present(Analyte.HEMOGLOBIN) && w.k.hbDutchSevere.test(w.v(Analyte.HEMOGLOBIN));
        boolean veryLowMcv = w.present(Analyte.MCV) && w.k.mcvVeryLow.test(w.v(Analyte.MCV));
        boolean earlyChild = w.ageKnown && w.k.ageEarlyChildhood.test(w.age);
        if (!loaded
                && !(pyridoxineResponsive && ferritin.value() >= w.probableBelow)
                && !(severe && veryLowMcv && earlyChild && ferritinHigh)) {
            return;
        }
        if (w.transfusionRecent) {
            board.caveat(w.k.caveat(RareCaveat.TRANSFUSION_IRON_LOADING));
            return;
        }
        if (w.iron.deficient() && !pyridoxineResponsive) {
            return;
        }
        LabValue tsat = w.tsatForLoading();
        Evidence loadEvidence = tsat != null && w.k.tsatHigh.test(tsat.value())
                ? w.compare(tsat, w.k.tsatHigh, w.k.meaning(Meaning.IRON_LOADED_IRON_LOADING_DONKER_STEP_4C))
                : null;
        Evidence ferritinEvidence = ferritinHigh
                ? w.compare(ferritin, w.overloadThreshold(), w.k.meaning(Meaning.ATRANSFERRINEMIA_IRON_OVERLOAD))
                : null;
        boolean male = w.sex == Sex.MALE;
        boolean dimorphic = w.high(Analyte.RDW_CV, w.k.rdwHigh);
        boolean hypogonadism = w.flag(ClinicalFlag.HYPOGONADISM);
        boolean pyridoxineRefractory = w.pyridoxineResponse == Workup.Response.REFRACTORY;

        CauseBuilder xlsa;
        CauseBuilder csa;
        CauseBuilder steap3;
        CauseBuilder dmt1;
        if (pyridoxineResponsive) {
            xlsa = pyridoxineResponse(w, board);
            csa = board.propose(
                    Cause.CONGENITAL_SIDEROBLASTIC, CONSIDER, Score.CONGENITAL_SIDEROBLASTIC_PYRIDOXINE_RESPONSE);
            steap3 = null;
            dmt1 = null;
        } else if (severe && veryLowMcv && earlyChild) {
            csa = board.propose(Cause.CONGENITAL_SIDEROBLASTIC, POSSIBLE, Score.CONGENITAL_SIDEROBLASTIC_SEVERE_CHILD);
            csa.support(w.ev(
                    Analyte.HEMOGLOBIN, w.k.hbDutchSevere, w.k.meaning(Meaning.IRON_LOADED_SEVERE_ANEMIA_DONKER_HB_5)));
            csa.support(w.ev(Analyte.MCV, w.k.mcvVeryLow, w.k.meaning(Meaning.IRON_LOADED_VERY_LOW_MCV)));
            csa.support(w.finding(Finding.IRON_LOADED_EARLY_CHILDHOOD_ONSET_SLC25A38_0));
            xlsa = board.propose(Cause.XLSA, CONSIDER, male ? Score.XLSA_MALE : Score.XLSA_FEMALE);
            steap3 = board.propose(
                    Cause.STEAP3_DEFICIENCY,
                    hypogonadism ? POSSIBLE : CONSIDER,
                    hypogonadism ? Score.STEAP3_HYPOGONADISM : Score.STEAP3);
            boolean mild = ferritin.value() < w.k.ferritinOverloadUnwell.value();
            dmt1 = board.propose(
                    Cause.DMT1_DEFICIENCY, mild ? POSSIBLE : CONSIDER, mild ? Score.DMT1_MILD_LOADING : Score.DMT1);
        } else {
            boolean xlsaFits = male || dimorphic;
            xlsa = board.propose(Cause.XLSA, xlsaFits ? POSSIBLE : CONSIDER, xlsaFits ? Score.XLSA_FITS : Score.XLSA);
            if (male) {
                xlsa.support(w.finding(Finding.IRON_LOADED_MALE_X_LINKED_ALAS2_DEFECTS));
            } else if (dimorphic) {
                xlsa.support(w.evRange(
                        Analyte.RDW_CV,
                        w.k.rdwHigh,
                        true,
                        w.k.meaning(Meaning.IRON_LOADED_DIMORPHIC_RED_CELLS_ALAS2_CARRIER)));
            }
            csa = board.propose(Cause.CONGENITAL_SIDEROBLASTIC, CONSIDER, Score.CONGENITAL_SIDEROBLASTIC);
            steap3 = board.propose(
                    Cause.STEAP3_DEFICIENCY,
                    hypogonadism ? POSSIBLE : CONSIDER,
                    hypogonadism ? Score.STEAP3_HYPOGONADISM_OTHER : Score.STEAP3_OTHER);
            boolean mildChild = earlyChild && ferritin.value() < w.k.ferritinOverloadUnwell.value();
            // anemia from early childhood with TSAT high but ferritin only mildly raised is the DMT1 picture
            dmt1 = board.propose(
                    Cause.DMT1_DEFICIENCY,
                    mildChild ? POSSIBLE : CONSIDER,
                    mildChild ? Score.DMT1_EARLY_CHILDHOOD : Score.DMT1_OTHER);
        }
        boolean confirmed = w.ironLoaded();
        for (CauseBuilder b : new CauseBuilder[] {xlsa, csa, steap3, dmt1}) {
            if (b == null) {
                continue;
            }
            if (loaded && !confirmed) {
                // one high TSAT is not iron loading (EASL 2022): Ranking keeps these causes below the carrier states
                // until it is repeated, fasting and without iron, with ferritin above the overload threshold
                b.oppose(w.finding(Finding.IRON_LOADING_UNCONFIRMED));
                b.test(NextTest.IRON_STUDIES, w.k.reason(TestReason.IRON_STUDIES_REPEAT_FASTING_TSAT_FERRITIN_IRON));
            } else if (!confirmed && tsat == null) {
                b.test(NextTest.IRON_STUDIES, w.k.reason(TestReason.IRON_STUDIES_FASTING_TSAT_FERRITIN_DECIDES_IRON));
            }
            b.support(loadEvidence);
            b.support(ferritinEvidence);
            if (!w.present(Analyte.HBA2) && !w.present(Analyte.HBE) && !w.present(Analyte.HBH)) {
                b.test(
                        NextTest.HEMOGLOBIN_FRACTIONATION,
                        w.k.reason(TestReason.HEMOGLOBIN_FRACTIONATION_EXCLUDE_THALASSAEMIA_INTERMEDIA_HBE_BETA));
            }
            b.test(NextTest.HEMATOLOGY_REFERRAL, w.k.reason(TestReason.HEMATOLOGY_REFERRAL_RARE_CAUSE));
            b.test(
                    NextTest.IRON_METABOLISM_GENE_PANEL,
                    w.k.reason(TestReason.IRON_METABOLISM_GENE_PANEL_DNA_DUTCH_GUIDELINE_CONGENITAL_SA));
            b.test(NextTest.LIVER_IRON_MRI, w.k.reason(TestReason.LIVER_IRON_MRI_QUANTIFY_IRON_OVERLOAD_FERRITIN_CAN));
            if (w.flag(ClinicalFlag.KNOWN_IRON_METABOLISM_DISORDER)) {
                b.support(w.finding(Finding.IRON_LOADED_DISORDER_IRON_METABOLISM_PROBLEM_LIST));
            }
        }
        xlsa.test(
                NextTest.BONE_MARROW_IRON_STAIN,
                w.k.reason(TestReason.BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS_ALAS2_SLC25A38_STEAP3));
        csa.test(NextTest.BONE_MARROW_IRON_STAIN, w.k.reason(TestReason.BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS));
        if (w.pyridoxine == null) {
            xlsa.caveat(w.k.caveat(RareCaveat.PYRIDOXINE_TRIAL));
        }
        if (pyridoxineRefractory) {
            xlsa.oppose(w.pyridoxineEvidence);
            csa.support(w.pyridoxineEvidence);
        }
        if (steap3 != null && hypogonadism) {
            steap3.support(w.finding(Finding.IRON_LOADED_HYPOGONADISM_STEAP3_HAS_GONADAL_DYSFUNCTION));
        }
        if (dmt1 != null) {
            dmt1.support(w.finding(Finding.IRON_LOADED_DMT1_ANEMIA_FROM_BIRTH_TSAT));
            if (earlyChild) {
                dmt1.support(w.finding(Finding.IRON_LOADED_EARLY_CHILDHOOD_ONSET));
            }
        }
        if (w.val(Analyte.FERRITIN) == null && ferritin != null) {
            board.caveat(w.k.caveat(
                    RareCaveat.OLDER_IRON_STUDIES,
                    ferritin.effective().toString().substring(0, 10)));
            xlsa.test(NextTest.IRON_STUDIES, w.k.reason(TestReason.IRON_STUDIES_CURRENT_FERRITIN_TSAT));
        }
    }

    /**
     * A pyridoxine response points to XLSA only without isoniazid or alcohol and with a vitamin B6 measured before
     * the trial and not low: pyridoxine also corrects the acquired sideroblastic anemias (Bottomley 2017).
     */
    private static CauseBuilder pyridoxineResponse(Workup w, Board board) {
        boolean acquiredRisk = w.recent(MedicationClass.ISONIAZID)
                || w.flag(ClinicalFlag.ALCOHOL_USE_DISORDER)
                || w.flag(ClinicalFlag.ALCOHOL_USE_DISORDER_IN_REMISSION);
        LabValue b6 = w.val(Analyte.VITAMIN_B6);
        boolean b6BeforeTrial = b6 != null
                && (w.pyridoxine == null
                        || w.pyridoxine.start() == null
                        || b6.effective()
                                .isBefore(w.pyridoxine
                                        .start()
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()));
        boolean b6Low = b6 != null && w.low(Analyte.VITAMIN_B6, w.k.b6Low);
        CauseBuilder xlsa;
        if (acquiredRisk || b6Low) {
            xlsa = board.propose(Cause.XLSA, CONSIDER, Score.XLSA_PYRIDOXINE_RESPONSE_ACQUIRED_RISK);
            xlsa.oppose(w.finding(Finding.XLSA_PYRIDOXINE_ACQUIRED));
        } else if (!b6BeforeTrial) {
            // a documented response still points to XLSA; the card asks for the B6 level that would exclude deficiency
            xlsa = board.propose(Cause.XLSA, LIKELY, Score.XLSA_PYRIDOXINE_RESPONSE_B6_UNKNOWN);
            xlsa.oppose(w.finding(Finding.XLSA_PYRIDOXINE_B6_UNKNOWN));
            xlsa.test(NextTest.VITAMIN_B6, w.k.reason(TestReason.VITAMIN_B6_LOW_VITAMIN_B6_RESPONDS_PYRIDOXINE));
        } else {
            xlsa = board.propose(Cause.XLSA, LIKELY, Score.XLSA_PYRIDOXINE_RESPONSE);
        }
        xlsa.support(w.pyridoxineEvidence);
        return xlsa;
    }
}

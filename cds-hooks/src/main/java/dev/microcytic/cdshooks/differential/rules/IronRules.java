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
import dev.microcytic.terminology.knowledge.rules.Threshold;

/**
 * L2 iron status: iron deficiency, anemia of inflammation and the mixed state by one decision table without overlaps
 * (WHO 2020; AGA 2020, Ko 2020; ECCO 2015, Dignass 2015; Domellöf 2002), sTfR index and CHr as tie-breakers, the
 * oral-iron response, and the work-up card when iron studies are missing.
 */
final class IronRules {

    private IronRules() {}

    static void apply(Workup w, Board board) {
        LabValue ferritin = w.val(Analyte.FERRITIN);
        if (ferritin == null) {
            missingIronStudies(w, board);
        } else {
            byFerritin(w, board, ferritin);
        }
        IronCauseWorkup.oralIronResponse(w, board);
    }

    private static void missingIronStudies(Workup w, Board board) {
        if (w.flag(ClinicalFlag.KNOWN_IRON_DEFICIENCY_ANEMIA)) {
            return; // KnownDiagnosisRules explains it
        }
        // a ferritin past its validity window says nothing about the stores now, however high it was: repeat it
        // (the iron-loaded pattern it may show is read by DonkerRules beside this card)
        CauseBuilder b = board.propose(Cause.IRON_STUDIES_NEEDED, LIKELY, Score.IRON_STUDIES_NEEDED);
        b.support(Evidence.finding(w.leanText(), w.leanSource()));
        String reason = w.ivIronRecent && w.blockedByIvIron.contains(Analyte.FERRITIN)
                ? w.text(RuleText.TEST_IRON_STUDIES_AFTER_IV_IRON)
                : w.text(RuleText.TEST_IRON_STUDIES_SEPARATE_CAUSES);
        b.test(NextTest.IRON_STUDIES, reason);
        b.test(NextTest.CRP, w.text(RuleText.TEST_CRP_FERRITIN_ACUTE_PHASE_PROTEIN_READ));
        if (w.leansThalassemia()) {
            b.test(
                    NextTest.HEMOGLOBIN_FRACTIONATION,
                    w.text(RuleText.TEST_HEMOGLOBIN_FRACTIONATION_DISCRIMINATION_INDICES_LEAN_TOWARDS_THALASSAEMIA));
        }
        if (w.stale.contains(Analyte.FERRITIN)) {
            b.support(w.finding(Wording.FERRITIN_STALE));
        }
        if (w.flag(ClinicalFlag.BLEEDING) || w.leansIronDeficiency()) {
            CauseBuilder id = board.propose(
                    Cause.IRON_DEFICIENCY,
                    POSSIBLE,
                    w.flag(ClinicalFlag.BLEEDING)
                            ? Score.IRON_DEFICIENCY_UNTESTED_BLEEDING
                            : Score.IRON_DEFICIENCY_UNTESTED_INDICES);
            if (w.flag(ClinicalFlag.BLEEDING)) {
                id.support(w.finding(Wording.BLEEDING));
            }
            if (w.leansIronDeficiency()) {
                id.support(Evidence.finding(w.leanText(), w.leanSource()));
            }
            id.test(NextTest.IRON_STUDIES, w.text(RuleText.TEST_IRON_STUDIES_FERRITIN_15_30_NG_ML));
        }
    }

    private static void byFerritin(Workup w, Board board, LabValue ferritin) {
        Threshold tsatLow = w.k.tsatLow;
        LabValue tsat = w.val(Analyte.TRANSFERRIN_SATURATION);
        boolean tsatLowHolds = tsat != null && tsatLow.test(tsat.value());
        boolean tsatRestricted = tsat != null && w.k.tsatRestricted.test(tsat.value());
        boolean indexId = !Double.isNaN(w.stfrIndex) && w.stfrIndex > w.k.stfrIndexId.value();
        boolean indexAcd = !Double.isNaN(w.stfrIndex) && w.stfrIndex < w.k.stfrIndexAcd.value();
        boolean chrLow =
                w.present(Analyte.RETICULOCYTE_HEMOGLOBIN) && w.low(Analyte.RETICULOCYTE_HEMOGLOBIN, w.k.chrLow);
        switch (w.iron) {
            case ABSENT -> {
                CauseBuilder b = board.propose(Cause.IRON_DEFICIENCY, LIKELY, Score.IRON_DEFICIENCY_ABSENT_STORES);
                b.support(w.lab(
                        ferritin, "<", w.absentBelow, ferritinSource(w), w.text(RuleText.M_ABSENT_IRON_STORES_AGE)));
                ironSupport(w, b, tsatLowHolds, indexId, chrLow);
                if (w.inflamed) {
                    b.caveat(w.inflammationCaveat());
                }
                IronCauseWorkup.causeWorkup(w, b);
            }
            case PROBABLE -> {
                CauseBuilder b = board.propose(
                        Cause.IRON_DEFICIENCY,
                        LIKELY,
                        tsatLowHolds ? Score.IRON_DEFICIENCY_PROBABLE_TSAT_LOW : Score.IRON_DEFICIENCY_PROBABLE);
                Threshold t = w.pregnant ? w.k.ferritinPregnancy : w.k.ferritinProbable;
                b.support(w.lab(
                        ferritin,
                        "<",
                        w.probableBelow,
                        w.ageKnown && w.age < 1 ? "who-2020" : t.sourceId(),
                        w.pregnant
                                ? w.text(RuleText.M_IRON_DEFICIENCY_PREGNANCY)
                                : w.text(RuleText.M_IRON_DEFICIENCY_PROBABLE)));
                ironSupport(w, b, tsatLowHolds, indexId, chrLow);
                IronCauseWorkup.causeWorkup(w, b);
            }
            case INFLAMED_ID -> {
                CauseBuilder b = board.propose(Cause.MIXED, LIKELY, Score.MIXED_FERRITIN_LOW_DESPITE_INFLAMMATION);
                Threshold t = w.ageKnown && w.age < 5 ? w.k.ferritinInflamedUnder5 : w.k.ferritinInflamed5;
                b.support(w.compare(ferritin, t, w.text(RuleText.M_IRON_DEFICIENCY_DESPITE_INFLAMMATION)));
                b.support(w.ev(Analyte.CRP, w.k.crpInflammation, w.text(RuleText.M_INFLAMMATION)));
                if (w.flag(ClinicalFlag.INFLAMMATION)) {
                    b.support(w.finding(Wording.INFLAMMATORY_CONDITION_WHO));
                }
                if (tsatRestricted) {
                    b.support(w.ev(
                            Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, w.text(RuleText.M_IRON_RESTRICTED)));
                }
                if (indexId) {
                    b.support(stfrEvidence(w, w.k.stfrIndexId, w.text(RuleText.M_IRON_DEFICIENCY_INFLAMMATION)));
                }
                b.caveat(w.inflammationCaveat());
                IronCauseWorkup.causeWorkup(w, b);
            }
            case POSSIBLE -> {
                boolean likely = tsatLowHolds && w.inflammationExcluded;
                CauseBuilder b = board.propose(
                        Cause.IRON_DEFICIENCY,
                        likely ? LIKELY : POSSIBLE,
                        likely ? Score.IRON_DEFICIENCY_POSSIBLE_CONFIRMED : Score.IRON_DEFICIENCY_POSSIBLE);
                b.support(w.compare(
                        ferritin, w.k.ferritinPossible, w.text(RuleText.M_IRON_DEFICIENCY_POSSIBLE_ANEMIA_AGA)));
                ironSupport(w, b, tsatLowHolds, indexId, chrLow);
                if (tsat != null && !tsatLowHolds) {
                    b.oppose(w.ev(Analyte.TRANSFERRIN_SATURATION, tsatLow, w.text(RuleText.M_TSAT_NOT_LOW)));
                }
                if (w.inflammationUnknown) {
                    b.test(NextTest.CRP, w.text(RuleText.TEST_CRP_FERRITIN_30_45_NG_ML));
                }
                if (!tsatLowHolds) {
                    b.test(NextTest.STFR, w.text(RuleText.TEST_STFR_STFR_LOG_FERRITIN_2_SUPPORTS));
                    b.test(
                            NextTest.RETICULOCYTE_HEMOGLOBIN,
                            w.text(RuleText.TEST_RETICULOCYTE_HEMOGLOBIN_CHR_29_PG_SUPPORTS_IRON));
                }
                IronCauseWorkup.causeWorkup(w, b);
            }
            case GREY -> grey(w, board, ferritin, tsatRestricted, indexId, indexAcd, chrLow);
            case ACD_RANGE -> acdRange(w, board, ferritin, tsatRestricted, indexId, indexAcd);
            case CRP_NEEDED -> {
                CauseBuilder b = board.propose(
                        Cause.IRON_DEFICIENCY,
                        tsatLowHolds ? POSSIBLE : CONSIDER,
                        tsatLowHolds ? Score.IRON_DEFICIENCY_CRP_NEEDED_TSAT_LOW : Score.IRON_DEFICIENCY_CRP_NEEDED);
                b.support(w.lab(
                        ferritin,
                        "<=",
                        w.k.ferritinGreyUpper.value(),
                        "weiss-2005",
                        w.text(RuleText.M_GREY_ZONE_CANNOT_ASSESS_WITHOUT)));
                if (tsatLowHolds) {
                    b.support(w.ev(
                            Analyte.TRANSFERRIN_SATURATION, tsatLow, w.text(RuleText.M_IRON_DEFICIENT_ERYTHROPOIESIS)));
                }
                b.test(NextTest.CRP, w.text(RuleText.TEST_CRP_FERRITIN_30_100_NG_ML));
                b.test(NextTest.STFR, w.text(RuleText.TEST_STFR_STFR_LOG_FERRITIN_SEPARATES_IRON));
                if (tsatRestricted) {
                    CauseBuilder acd = board.propose(
                            Cause.ANEMIA_OF_INFLAMMATION, CONSIDER, Score.ANEMIA_OF_INFLAMMATION_CRP_NEEDED);
                    acd.support(w.ev(
                            Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, w.text(RuleText.M_IRON_RESTRICTED)));
                    acd.test(NextTest.CRP, w.text(RuleText.TEST_CRP_CRP_5_MG_L_WOULD));
                }
            }
            case REPLETE -> replete(w, board, ferritin, tsat, tsatLowHolds, tsatRestricted);
            default -> {}
        }
        if (w.recent(MedicationClass.ERYTHROPOIESIS_STIMULATING_AGENT)) {
            board.caveat(w.caveat(
                    "esa-functional-iron-deficiency",
                    RuleText.CAVEAT_ERYTHROPOIESIS_STIMULATING_AGENT_IRON_RESTRICTED));
        }
    }

    private static void grey(
            Workup w,
            Board board,
            LabValue ferritin,
            boolean tsatRestricted,
            boolean indexId,
            boolean indexAcd,
            boolean chrLow) {
        Evidence grey = w.lab(
                ferritin,
                "<=",
                w.k.ferritinGreyUpper.value(),
                w.k.ferritinGreyUpper.sourceId(),
                w.text(RuleText.M_GREY_ZONE_INFLAMMATION_ECCO_100));
        CauseBuilder mixed;
        CauseBuilder acd;
        if (indexId || chrLow) {
            mixed = board.propose(Cause.MIXED, LIKELY, Score.GREY_MIXED_INDEX_ID);
            acd = board.propose(Cause.ANEMIA_OF_INFLAMMATION, POSSIBLE, Score.GREY_INFLAMMATION_INDEX_ID);
        } else if (indexAcd) {
            acd = board.propose(Cause.ANEMIA_OF_INFLAMMATION, LIKELY, Score.GREY_INFLAMMATION_INDEX_ACD);
            mixed = board.propose(Cause.MIXED, CONSIDER, Score.GREY_MIXED_INDEX_ACD);
        } else if (tsatRestricted) {
            mixed = board.propose(Cause.MIXED, POSSIBLE, Score.GREY_MIXED_TSAT_RESTRICTED);
            acd = board.propose(Cause.ANEMIA_OF_INFLAMMATION, POSSIBLE, Score.GREY_INFLAMMATION_TSAT_RESTRICTED);
        } else {
            acd = board.propose(Cause.ANEMIA_OF_INFLAMMATION, POSSIBLE, Score.GREY_INFLAMMATION);
            mixed = board.propose(Cause.MIXED, CONSIDER, Score.GREY_MIXED);
        }
        mixed.support(grey);
        acd.support(w.ev(Analyte.CRP, w.k.crpInflammation, w.text(RuleText.M_INFLAMMATION)));
        mixed.support(w.ev(Analyte.CRP, w.k.crpInflammation, w.text(RuleText.M_INFLAMMATION)));
        if (tsatRestricted) {
            Evidence t = w.ev(
                    Analyte.TRANSFERRIN_SATURATION,
                    w.k.tsatRestricted,
                    w.text(RuleText.M_IRON_RESTRICTED_ERYTHROPOIESIS));
            mixed.support(t);
            acd.support(t);
        }
        if (indexId) {
            mixed.support(stfrEvidence(w, w.k.stfrIndexId, w.text(RuleText.M_IRON_DEFICIENCY_INFLAMMATION)));
            acd.oppose(stfrEvidence(w, w.k.stfrIndexId, w.text(RuleText.M_ARGUES_COEXISTING_IRON_DEFICIENCY)));
        }
        if (indexAcd) {
            acd.support(stfrEvidence(w, w.k.stfrIndexAcd, w.text(RuleText.M_ANEMIA_INFLAMMATION)));
            mixed.oppose(stfrEvidence(w, w.k.stfrIndexAcd, w.text(RuleText.M_NO_COEXISTING_IRON_DEFICIENCY)));
        }
        if (chrLow) {
            mixed.support(
                    w.evRange(Analyte.RETICULOCYTE_HEMOGLOBIN, w.k.chrLow, false, w.text(RuleText.M_IRON_RESTRICTED)));
        }
        if (Double.isNaN(w.stfrIndex)) {
            mixed.test(NextTest.STFR, w.text(RuleText.TEST_STFR_STFR_LOG_FERRITIN_2_MEANS));
            acd.test(NextTest.STFR, w.text(RuleText.TEST_STFR_STFR_LOG_FERRITIN_1_MEANS));
        }
        if (!w.present(Analyte.RETICULOCYTE_HEMOGLOBIN)) {
            mixed.test(
                    NextTest.RETICULOCYTE_HEMOGLOBIN,
                    w.text(RuleText.TEST_RETICULOCYTE_HEMOGLOBIN_CHR_29_PG_IRON_RESTRICTED));
        }
        mixed.caveat(w.inflammationCaveat());
        acd.caveat(w.inflammationCaveat());
        if (!w.anemia) {
            acd.cap(POSSIBLE, w.k.score(Score.ANEMIA_OF_INFLAMMATION_WITHOUT_ANEMIA_CAP));
        }
    }

    private static void acdRange(
            Workup w, Board board, LabValue ferritin, boolean tsatRestricted, boolean indexId, boolean indexAcd) {
        CauseBuilder acd = board.propose(
                Cause.ANEMIA_OF_INFLAMMATION,
                tsatRestricted ? LIKELY : POSSIBLE,
                tsatRestricted
                        ? Score.ANEMIA_OF_INFLAMMATION_TSAT_RESTRICTED
                        : Score.ANEMIA_OF_INFLAMMATION_FERRITIN_HIGH);
        acd.support(w.lab(
                ferritin,
                ">",
                w.k.ferritinGreyUpper.value(),
                "weiss-2005",
                w.text(RuleText.M_FERRITIN_ABOVE_GREY_ZONE_DESPITE)));
        acd.support(w.ev(Analyte.CRP, w.k.crpInflammation, w.text(RuleText.M_INFLAMMATION)));
        if (w.flag(ClinicalFlag.INFLAMMATION)) {
            acd.support(w.finding(Wording.INFLAMMATORY_CONDITION_WEISS));
        }
        if (tsatRestricted) {
            acd.support(w.ev(
                    Analyte.TRANSFERRIN_SATURATION,
                    w.k.tsatRestricted,
                    w.text(RuleText.M_IRON_RESTRICTED_ERYTHROPOIESIS)));
        } else if (w.present(Analyte.TRANSFERRIN_SATURATION)) {
            acd.oppose(
                    w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, w.text(RuleText.M_TSAT_NOT_RESTRICTED)));
        }
        if (indexAcd) {
            acd.support(stfrEvidence(w, w.k.stfrIndexAcd, w.text(RuleText.M_ANEMIA_INFLAMMATION)));
        }
        if (indexId) {
            CauseBuilder mixed = board.propose(Cause.MIXED, POSSIBLE, Score.ANEMIA_OF_INFLAMMATION_MIXED_INDEX_ID);
            mixed.support(stfrEvidence(w, w.k.stfrIndexId, w.text(RuleText.M_COEXISTING_IRON_DEFICIENCY)));
            acd.oppose(stfrEvidence(w, w.k.stfrIndexId, w.text(RuleText.M_COEXISTING_IRON_DEFICIENCY)));
        } else if (tsatRestricted && Double.isNaN(w.stfrIndex)) {
            acd.test(NextTest.STFR, w.text(RuleText.TEST_STFR_STFR_LOG_FERRITIN_2_WOULD));
        }
        acd.test(NextTest.RETICULOCYTES, w.text(RuleText.TEST_RETICULOCYTES_LOW_RETICULOCYTES_FIT_ANEMIA_INFLAMMATION));
        acd.caveat(w.inflammationCaveat());
        if (!w.anemia) {
            acd.cap(POSSIBLE, w.k.score(Score.ANEMIA_OF_INFLAMMATION_WITHOUT_ANEMIA_CAP));
        }
    }

    private static void replete(
            Workup w, Board board, LabValue ferritin, LabValue tsat, boolean tsatLowHolds, boolean tsatRestricted) {
        if (tsatLowHolds && w.k.ferritinGreyUpper.test(ferritin.value())) {
            // Ferritin not low but TSAT low: occult inflammation, IRIDA, or trait with iron deficiency (Weiss 2005)
            CauseBuilder b =
                    board.propose(Cause.IRON_DEFICIENCY, CONSIDER, Score.IRON_DEFICIENCY_TSAT_LOW_FERRITIN_NORMAL);
            b.support(w.ev(
                    Analyte.TRANSFERRIN_SATURATION, w.k.tsatLow, w.text(RuleText.M_IRON_DEFICIENT_ERYTHROPOIESIS)));
            b.oppose(w.lab(ferritin, ">=", w.probableBelow, "who-2020", w.text(RuleText.M_IRON_STORES_PRESENT)));
            if (w.inflammationUnknown) {
                b.test(NextTest.CRP, w.text(RuleText.TEST_CRP_LOW_TSAT_NORMAL_FERRITIN_LOOK));
            }
            b.test(NextTest.STFR, w.text(RuleText.TEST_STFR_STFR_LOG_FERRITIN_SEPARATES_IRON));
        }
        if (w.inflammationExcluded && ferritin.value() > w.k.ferritinGreyUpper.value() && tsatRestricted) {
            // high ferritin with low TSAT is the chronic-disease pattern even with a normal CRP (Weiss 2005)
            CauseBuilder acd =
                    board.propose(Cause.ANEMIA_OF_INFLAMMATION, POSSIBLE, Score.ANEMIA_OF_INFLAMMATION_CRP_NORMAL);
            acd.support(w.lab(
                    ferritin, ">", w.k.ferritinGreyUpper.value(), "weiss-2005", w.text(RuleText.M_HIGH_FERRITIN)));
            acd.support(w.ev(
                    Analyte.TRANSFERRIN_SATURATION,
                    w.k.tsatRestricted,
                    w.text(RuleText.M_IRON_RESTRICTED_ERYTHROPOIESIS)));
            acd.oppose(w.ev(Analyte.CRP, w.k.crpInflammation, w.text(RuleText.M_CRP_NOT_RAISED)));
            acd.test(NextTest.RETICULOCYTES, w.text(RuleText.TEST_RETICULOCYTES_LOW_RETICULOCYTES_FIT_ANEMIA_CHRONIC));
            if (!w.anemia) {
                acd.cap(CONSIDER, w.k.score(Score.ANEMIA_OF_INFLAMMATION_CRP_NORMAL_WITHOUT_ANEMIA_CAP));
            }
        }
        if (w.inflammationUnknown && ferritin.value() > w.k.ferritinGreyUpper.value() && tsatRestricted) {
            CauseBuilder acd =
                    board.propose(Cause.ANEMIA_OF_INFLAMMATION, CONSIDER, Score.ANEMIA_OF_INFLAMMATION_CRP_UNKNOWN);
            acd.support(w.lab(
                    ferritin, ">", w.k.ferritinGreyUpper.value(), "weiss-2005", w.text(RuleText.M_HIGH_FERRITIN)));
            acd.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, w.text(RuleText.M_IRON_RESTRICTED)));
            acd.test(NextTest.CRP, w.text(RuleText.TEST_CRP_HIGH_FERRITIN_LOW_TSAT_CRP));
        }
    }

    /** Supporting iron evidence shared by the iron-deficiency bands. */
    private static void ironSupport(Workup w, CauseBuilder b, boolean tsatLow, boolean indexId, boolean chrLow) {
        if (tsatLow) {
            b.support(w.ev(
                    Analyte.TRANSFERRIN_SATURATION, w.k.tsatLow, w.text(RuleText.M_IRON_DEFICIENT_ERYTHROPOIESIS)));
        }
        if (indexId) {
            b.support(stfrEvidence(w, w.k.stfrIndexId, w.text(RuleText.M_IRON_DEFICIENCY)));
        }
        if (chrLow) {
            b.support(w.evRange(
                    Analyte.RETICULOCYTE_HEMOGLOBIN,
                    w.k.chrLow,
                    false,
                    w.text(RuleText.M_IRON_RESTRICTED_ERYTHROPOIESIS)));
        }
        if (w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh)) {
            b.support(w.evRange(
                    Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh, true, w.text(RuleText.M_IRON_DEFICIENT_ERYTHROPOIESIS)));
        }
        if (w.high(Analyte.RDW_CV, w.k.rdwHigh)) {
            b.support(w.evRange(
                    Analyte.RDW_CV, w.k.rdwHigh, true, w.text(RuleText.M_ANISOCYTOSIS_TYPICAL_IRON_DEFICIENCY)));
        }
        if (w.leansIronDeficiency()) {
            b.support(Evidence.finding(w.leanText(), w.leanSource()));
        }
    }

    static Evidence stfrEvidence(Workup w, Threshold threshold, String meaning) {
        boolean holds = threshold.test(w.stfrIndex);
        String comparator = holds ? threshold.comparator() : Statements.negate(threshold.comparator());
        LabValue stfr = w.val(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR);
        return new Evidence(
                w.text(
                        RuleText.EV_STFR_INDEX,
                        ValueFormat.evidence(w.stfrIndex),
                        comparator,
                        ValueFormat.evidence(threshold.value()),
                        meaning),
                Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR,
                w.stfrIndex,
                "1",
                comparator,
                threshold.value(),
                threshold.sourceId(),
                stfr == null ? null : stfr.sourceId());
    }

    static String ferritinSource(Workup w) {
        return w.k.intervals
                .limit(
                        dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.Table.FERRITIN_ABSENT_STORES,
                        w.ctx.birthDate(),
                        w.evalDate)
                .orElseThrow()
                .sourceId();
    }
}

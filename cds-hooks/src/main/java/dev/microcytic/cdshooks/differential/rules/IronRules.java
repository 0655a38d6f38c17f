package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.CONSIDER;
import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;
import static dev.microcytic.cdshooks.differential.Likelihood.POSSIBLE;

import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Sex;
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
        oralIronResponse(w, board);
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
                ? "Ferritin and TSAT after IV iron are uninterpretable: repeat ≥ 8 weeks after the last dose"
                : "Ferritin and TSAT separate iron deficiency from thalassaemia trait and the other causes";
        b.test(NextTest.IRON_STUDIES, reason);
        b.test(NextTest.CRP, "Ferritin is an acute-phase protein: read it together with CRP");
        if (w.leansThalassemia()) {
            b.test(NextTest.HEMOGLOBIN_FRACTIONATION, "The discrimination indices lean towards thalassaemia trait");
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
            id.test(
                    NextTest.IRON_STUDIES,
                    "Ferritin < 15–30 ng/mL confirms iron deficiency before its cause is sought");
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
                b.support(w.lab(ferritin, "<", w.absentBelow, ferritinSource(w), "absent iron stores for age"));
                ironSupport(w, b, tsatLowHolds, indexId, chrLow);
                if (w.inflamed) {
                    b.caveat(w.inflammationCaveat());
                }
                causeWorkup(w, b);
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
                        w.pregnant ? "iron deficiency in pregnancy" : "iron deficiency probable"));
                ironSupport(w, b, tsatLowHolds, indexId, chrLow);
                causeWorkup(w, b);
            }
            case INFLAMED_ID -> {
                CauseBuilder b = board.propose(Cause.MIXED, LIKELY, Score.MIXED_FERRITIN_LOW_DESPITE_INFLAMMATION);
                Threshold t = w.ageKnown && w.age < 5 ? w.k.ferritinInflamedUnder5 : w.k.ferritinInflamed5;
                b.support(w.compare(ferritin, t, "iron deficiency despite inflammation"));
                b.support(w.ev(Analyte.CRP, w.k.crpInflammation, "inflammation"));
                if (w.flag(ClinicalFlag.INFLAMMATION)) {
                    b.support(w.finding(Wording.INFLAMMATORY_CONDITION_WHO));
                }
                if (tsatRestricted) {
                    b.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "iron-restricted"));
                }
                if (indexId) {
                    b.support(stfrEvidence(w, w.k.stfrIndexId, "iron deficiency with inflammation"));
                }
                b.caveat(w.inflammationCaveat());
                causeWorkup(w, b);
            }
            case POSSIBLE -> {
                boolean likely = tsatLowHolds && w.inflammationExcluded;
                CauseBuilder b = board.propose(
                        Cause.IRON_DEFICIENCY,
                        likely ? LIKELY : POSSIBLE,
                        likely ? Score.IRON_DEFICIENCY_POSSIBLE_CONFIRMED : Score.IRON_DEFICIENCY_POSSIBLE);
                b.support(w.compare(ferritin, w.k.ferritinPossible, "iron deficiency possible in anemia (AGA)"));
                ironSupport(w, b, tsatLowHolds, indexId, chrLow);
                if (tsat != null && !tsatLowHolds) {
                    b.oppose(w.ev(Analyte.TRANSFERRIN_SATURATION, tsatLow, "TSAT not low"));
                }
                if (w.inflammationUnknown) {
                    b.test(NextTest.CRP, "Ferritin 30–45 ng/mL: CRP shows whether inflammation hides deficiency");
                }
                if (!tsatLowHolds) {
                    b.test(NextTest.STFR, "sTfR/log ferritin > 2 supports iron deficiency");
                    b.test(NextTest.RETICULOCYTE_HEMOGLOBIN, "CHr < 29 pg supports iron-restricted erythropoiesis");
                }
                causeWorkup(w, b);
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
                        "grey zone: cannot assess without CRP"));
                if (tsatLowHolds) {
                    b.support(w.ev(Analyte.TRANSFERRIN_SATURATION, tsatLow, "iron-deficient erythropoiesis"));
                }
                b.test(NextTest.CRP, "Ferritin 30–100 ng/mL cannot be read without CRP (cannot assess)");
                b.test(NextTest.STFR, "sTfR/log ferritin separates iron deficiency from inflammation");
                if (tsatRestricted) {
                    CauseBuilder acd = board.propose(
                            Cause.ANEMIA_OF_INFLAMMATION, CONSIDER, Score.ANEMIA_OF_INFLAMMATION_CRP_NEEDED);
                    acd.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "iron-restricted"));
                    acd.test(NextTest.CRP, "CRP > 5 mg/L would indicate inflammation");
                }
            }
            case REPLETE -> replete(w, board, ferritin, tsat, tsatLowHolds, tsatRestricted);
            default -> {}
        }
        if (w.recent(MedicationClass.ERYTHROPOIESIS_STIMULATING_AGENT)) {
            board.caveat(new dev.microcytic.cdshooks.differential.Caveat(
                    "esa-functional-iron-deficiency",
                    "On an erythropoiesis-stimulating agent: iron-restricted erythropoiesis occurs despite stores"
                            + " (TSAT < 20 %, CHr low).",
                    "kdigo-2012"));
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
                "grey zone with inflammation (ECCO < 100)");
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
        acd.support(w.ev(Analyte.CRP, w.k.crpInflammation, "inflammation"));
        mixed.support(w.ev(Analyte.CRP, w.k.crpInflammation, "inflammation"));
        if (tsatRestricted) {
            Evidence t = w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "iron-restricted erythropoiesis");
            mixed.support(t);
            acd.support(t);
        }
        if (indexId) {
            mixed.support(stfrEvidence(w, w.k.stfrIndexId, "iron deficiency with inflammation"));
            acd.oppose(stfrEvidence(w, w.k.stfrIndexId, "argues for coexisting iron deficiency"));
        }
        if (indexAcd) {
            acd.support(stfrEvidence(w, w.k.stfrIndexAcd, "anemia of inflammation"));
            mixed.oppose(stfrEvidence(w, w.k.stfrIndexAcd, "no coexisting iron deficiency"));
        }
        if (chrLow) {
            mixed.support(w.evRange(Analyte.RETICULOCYTE_HEMOGLOBIN, w.k.chrLow, false, "iron-restricted"));
        }
        if (Double.isNaN(w.stfrIndex)) {
            mixed.test(NextTest.STFR, "sTfR/log ferritin > 2 means iron deficiency within the inflammation");
            acd.test(NextTest.STFR, "sTfR/log ferritin < 1 means inflammation alone");
        }
        if (!w.present(Analyte.RETICULOCYTE_HEMOGLOBIN)) {
            mixed.test(NextTest.RETICULOCYTE_HEMOGLOBIN, "CHr < 29 pg: iron-restricted erythropoiesis");
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
                "ferritin above the grey zone despite inflammation"));
        acd.support(w.ev(Analyte.CRP, w.k.crpInflammation, "inflammation"));
        if (w.flag(ClinicalFlag.INFLAMMATION)) {
            acd.support(w.finding(Wording.INFLAMMATORY_CONDITION_WEISS));
        }
        if (tsatRestricted) {
            acd.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "iron-restricted erythropoiesis"));
        } else if (w.present(Analyte.TRANSFERRIN_SATURATION)) {
            acd.oppose(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "TSAT not restricted"));
        }
        if (indexAcd) {
            acd.support(stfrEvidence(w, w.k.stfrIndexAcd, "anemia of inflammation"));
        }
        if (indexId) {
            CauseBuilder mixed = board.propose(Cause.MIXED, POSSIBLE, Score.ANEMIA_OF_INFLAMMATION_MIXED_INDEX_ID);
            mixed.support(stfrEvidence(w, w.k.stfrIndexId, "coexisting iron deficiency"));
            acd.oppose(stfrEvidence(w, w.k.stfrIndexId, "coexisting iron deficiency"));
        } else if (tsatRestricted && Double.isNaN(w.stfrIndex)) {
            acd.test(NextTest.STFR, "sTfR/log ferritin > 2 would reveal coexisting iron deficiency");
        }
        acd.test(NextTest.RETICULOCYTES, "Low reticulocytes fit anemia of inflammation");
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
            b.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatLow, "iron-deficient erythropoiesis"));
            b.oppose(w.lab(ferritin, ">=", w.probableBelow, "who-2020", "iron stores present"));
            if (w.inflammationUnknown) {
                b.test(NextTest.CRP, "Low TSAT with normal ferritin: look for occult inflammation");
            }
            b.test(NextTest.STFR, "sTfR/log ferritin separates iron deficiency from inflammation");
        }
        if (w.inflammationExcluded && ferritin.value() > w.k.ferritinGreyUpper.value() && tsatRestricted) {
            // high ferritin with low TSAT is the chronic-disease pattern even with a normal CRP (Weiss 2005)
            CauseBuilder acd =
                    board.propose(Cause.ANEMIA_OF_INFLAMMATION, POSSIBLE, Score.ANEMIA_OF_INFLAMMATION_CRP_NORMAL);
            acd.support(w.lab(ferritin, ">", w.k.ferritinGreyUpper.value(), "weiss-2005", "high ferritin"));
            acd.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "iron-restricted erythropoiesis"));
            acd.oppose(w.ev(Analyte.CRP, w.k.crpInflammation, "CRP not raised"));
            acd.test(NextTest.RETICULOCYTES, "Low reticulocytes fit anemia of chronic disease");
            if (!w.anemia) {
                acd.cap(CONSIDER, w.k.score(Score.ANEMIA_OF_INFLAMMATION_CRP_NORMAL_WITHOUT_ANEMIA_CAP));
            }
        }
        if (w.inflammationUnknown && ferritin.value() > w.k.ferritinGreyUpper.value() && tsatRestricted) {
            CauseBuilder acd =
                    board.propose(Cause.ANEMIA_OF_INFLAMMATION, CONSIDER, Score.ANEMIA_OF_INFLAMMATION_CRP_UNKNOWN);
            acd.support(w.lab(ferritin, ">", w.k.ferritinGreyUpper.value(), "weiss-2005", "high ferritin"));
            acd.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatRestricted, "iron-restricted"));
            acd.test(NextTest.CRP, "High ferritin with low TSAT: CRP decides whether this is inflammation");
        }
    }

    /** Supporting iron evidence shared by the iron-deficiency bands. */
    private static void ironSupport(Workup w, CauseBuilder b, boolean tsatLow, boolean indexId, boolean chrLow) {
        if (tsatLow) {
            b.support(w.ev(Analyte.TRANSFERRIN_SATURATION, w.k.tsatLow, "iron-deficient erythropoiesis"));
        }
        if (indexId) {
            b.support(stfrEvidence(w, w.k.stfrIndexId, "iron deficiency"));
        }
        if (chrLow) {
            b.support(w.evRange(Analyte.RETICULOCYTE_HEMOGLOBIN, w.k.chrLow, false, "iron-restricted erythropoiesis"));
        }
        if (w.high(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh)) {
            b.support(w.evRange(Analyte.ZINC_PROTOPORPHYRIN, w.k.zppHigh, true, "iron-deficient erythropoiesis"));
        }
        if (w.high(Analyte.RDW_CV, w.k.rdwHigh)) {
            b.support(w.evRange(Analyte.RDW_CV, w.k.rdwHigh, true, "anisocytosis, typical of iron deficiency"));
        }
        if (w.leansIronDeficiency()) {
            b.support(Evidence.finding(w.leanText(), w.leanSource()));
        }
    }

    /** Finding the cause of iron deficiency (BSG 2021, Snook 2021; CDC for children). */
    static void causeWorkup(Workup w, CauseBuilder b) {
        boolean adult = !w.ageKnown || w.age >= 15;
        boolean menOrPostMenopausal =
                adult && (w.sex == Sex.MALE || (w.sex == Sex.FEMALE && w.ageKnown && w.age >= w.k.ageGiWomen.value()));
        if (w.flag(ClinicalFlag.BLEEDING)) {
            b.support(w.finding(Wording.BLEEDING));
        }
        if (w.flag(ClinicalFlag.COELIAC_DISEASE)
                || w.flag(ClinicalFlag.MALABSORPTION)
                || w.flag(ClinicalFlag.BARIATRIC_SURGERY)) {
            b.support(w.finding(Wording.MALABSORPTION));
        }
        if (w.pregnant) {
            b.support(w.finding(Wording.PREGNANCY_IRON_REQUIREMENTS));
        }
        if (!w.present(Analyte.TRANSFERRIN_SATURATION)) {
            b.test(NextTest.IRON_STUDIES, "TSAT completes the iron studies");
        }
        if (adult && !w.pregnant) {
            b.test(NextTest.COELIAC_SEROLOGY, "Coeliac disease is a common cause of iron deficiency (BSG 2021)");
        }
        if (menOrPostMenopausal) {
            b.test(NextTest.URINALYSIS, "Haematuria screen in men and post-menopausal women (BSG 2021)");
            b.test(
                    NextTest.GI_EVALUATION,
                    "Iron deficiency in a man or post-menopausal woman: bidirectional endoscopy (BSG 2021)");
            b.urgency(Urgency.WARNING);
            b.support(w.finding(w.sex == Sex.MALE ? Wording.GI_EVALUATION_MAN : Wording.GI_EVALUATION_WOMAN));
        }
        if (w.ageKnown
                && w.age >= w.k.ageLeadLower.value()
                && w.age < w.k.ageLeadUpper.value()
                && !w.present(Analyte.BLOOD_LEAD)) {
            b.test(NextTest.BLOOD_LEAD, "Lead exposure and iron deficiency coexist in young children (CDC)");
        }
    }

    private static void oralIronResponse(Workup w, Board board) {
        if (w.oralIronEvidence == null) {
            return;
        }
        switch (w.oralIronResponse) {
            case RESPONSIVE -> {
                CauseBuilder b = board.has(Cause.MIXED) && !board.has(Cause.IRON_DEFICIENCY)
                        ? board.cause(Cause.MIXED)
                        : board.propose(Cause.IRON_DEFICIENCY, LIKELY, Score.IRON_DEFICIENCY_ORAL_IRON_RESPONSE);
                b.raise(LIKELY, w.k.score(Score.IRON_DEFICIENCY_ORAL_IRON_RESPONSE));
                b.support(w.oralIronEvidence);
            }
            case REFRACTORY -> {
                for (Cause c : new Cause[] {Cause.IRON_DEFICIENCY, Cause.MIXED}) {
                    CauseBuilder b = board.cause(c);
                    if (b == null) {
                        continue;
                    }
                    b.oppose(w.oralIronEvidence);
                    b.caveat(Caveats.refractoryChecklist(w));
                    b.test(NextTest.COELIAC_SEROLOGY, "Oral-iron refractory: coeliac disease first (Hershko 2014)");
                    b.test(NextTest.HELICOBACTER_TEST, "Oral-iron refractory: H. pylori (Hershko 2014)");
                    if (!w.ageKnown || w.age >= 15) {
                        b.test(NextTest.AUTOIMMUNE_GASTRITIS_SEROLOGY, "Oral-iron refractory: autoimmune gastritis");
                    }
                    if (w.recent(MedicationClass.PROTON_PUMP_INHIBITOR)) {
                        b.oppose(w.finding(Wording.PPI_ABSORPTION));
                    }
                }
            }
            default -> {}
        }
    }

    static Evidence stfrEvidence(Workup w, Threshold threshold, String meaning) {
        boolean holds = threshold.test(w.stfrIndex);
        String comparator = holds ? threshold.comparator() : Statements.negate(threshold.comparator());
        LabValue stfr = w.val(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR);
        return new Evidence(
                "sTfR/log10 ferritin " + ValueFormat.evidence(w.stfrIndex) + " " + comparator + " "
                        + ValueFormat.evidence(threshold.value()) + " (" + meaning + ")",
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

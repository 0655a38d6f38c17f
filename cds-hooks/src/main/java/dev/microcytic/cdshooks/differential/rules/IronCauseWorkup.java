package dev.microcytic.cdshooks.differential.rules;

import static dev.microcytic.cdshooks.differential.Likelihood.LIKELY;

import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Sex;

/**
 * After iron deficiency is found: the search for its cause (BSG 2021, Snook 2021; CDC for children) and the reading of
 * the oral-iron response (refractoriness sends the work-up to coeliac disease, H. pylori and autoimmune gastritis first;
 * Hershko & Camaschella 2014).
 */
final class IronCauseWorkup {

    private IronCauseWorkup() {}

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
            b.test(NextTest.IRON_STUDIES, w.text(RuleText.TEST_IRON_STUDIES_TSAT_COMPLETES_IRON_STUDIES));
        }
        if (adult && !w.pregnant) {
            b.test(NextTest.COELIAC_SEROLOGY, w.text(RuleText.TEST_COELIAC_SEROLOGY_COELIAC_DISEASE_COMMON_CAUSE_IRON));
        }
        if (menOrPostMenopausal) {
            b.test(NextTest.URINALYSIS, w.text(RuleText.TEST_URINALYSIS_HAEMATURIA_SCREEN_MEN_POST_MENOPAUSAL));
            b.test(NextTest.GI_EVALUATION, w.text(RuleText.TEST_GI_EVALUATION_IRON_DEFICIENCY_MAN_POST_MENOPAUSAL));
            b.urgency(Urgency.WARNING);
            b.support(w.finding(w.sex == Sex.MALE ? Wording.GI_EVALUATION_MAN : Wording.GI_EVALUATION_WOMAN));
        }
        if (w.ageKnown
                && w.age >= w.k.ageLeadLower.value()
                && w.age < w.k.ageLeadUpper.value()
                && !w.present(Analyte.BLOOD_LEAD)) {
            b.test(NextTest.BLOOD_LEAD, w.text(RuleText.TEST_BLOOD_LEAD_LEAD_EXPOSURE_IRON_DEFICIENCY_COEXIST));
        }
    }

    static void oralIronResponse(Workup w, Board board) {
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
                    b.test(
                            NextTest.COELIAC_SEROLOGY,
                            w.text(RuleText.TEST_COELIAC_SEROLOGY_ORAL_IRON_REFRACTORY_COELIAC_DISEASE));
                    b.test(
                            NextTest.HELICOBACTER_TEST,
                            w.text(RuleText.TEST_HELICOBACTER_TEST_ORAL_IRON_REFRACTORY_H_PYLORI));
                    if (!w.ageKnown || w.age >= 15) {
                        b.test(
                                NextTest.AUTOIMMUNE_GASTRITIS_SEROLOGY,
                                w.text(
                                        RuleText
                                                .TEST_AUTOIMMUNE_GASTRITIS_SEROLOGY_ORAL_IRON_REFRACTORY_AUTOIMMUNE_GASTRITIS));
                    }
                    if (w.recent(MedicationClass.PROTON_PUMP_INHIBITOR)) {
                        b.oppose(w.finding(Wording.PPI_ABSORPTION));
                    }
                }
            }
            default -> {}
        }
    }
}

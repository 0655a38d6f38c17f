package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;

/** The pitfalls of reading a microcytic work-up (Donker 2014), worded for the patient at hand. */
final class Caveats {

    private Caveats() {}

    static Caveat inflammation(Workup w) {
        String crp = w.present(Analyte.CRP)
                ? "CRP " + ValueFormat.evidence(w.v(Analyte.CRP)) + " mg/L"
                : "an inflammatory condition";
        return new Caveat(
                "inflammation-masks-iron-deficiency",
                "Inflammation (" + crp + ") raises ferritin: iron deficiency is read with the WHO 2020 inflammation"
                        + " cut-off (ferritin < " + ValueFormat.evidence(w.inflamedBelow())
                        + " ng/mL) and can hide up to ~100"
                        + " ng/mL.",
                "who-2020");
    }

    static Caveat transfusion(Workup w) {
        return new Caveat(
                "recent-transfusion",
                "Red-cell transfusion on " + w.ctx.lastTransfusion() + ": donor cells distort MCV, RDW, the"
                        + " discrimination indices and Hb fractions (HbA2/HbF/HbE), and add iron. Indices and"
                        + " fractionation are not interpreted; repeat ≥ 3 months after the last transfusion or use DNA"
                        + " testing.",
                "donker-2014");
    }

    static Caveat ivIron(Workup w) {
        return new Caveat(
                "iv-iron-recent",
                "Intravenous iron" + (w.ivIronStart == null ? "" : " since " + w.ivIronStart)
                        + ": ferritin and TSAT are uninterpretable for weeks and hepcidin rises; only pre-treatment iron"
                        + " values are read.",
                "van-der-staaij-2022");
    }

    static Caveat oralIron(Workup w) {
        return new Caveat(
                "iron-therapy-started",
                "Oral iron" + (w.oralIron.start() == null ? "" : " since " + w.oralIron.start())
                        + ": ferritin, TSAT and HbA2 rise with repletion; the rare-cause branches need pre-treatment"
                        + " values, and the Hb response is what counts.",
                "donker-2014");
    }

    static Caveat pregnancy(Workup w) {
        return new Caveat(
                "pregnancy",
                "Pregnancy: " + w.hbCutoff.set() + " cut-off for " + w.hbCutoff.population() + " (Hb < "
                        + ValueFormat.evidence(w.hbCutoff.anemiaBelow())
                        + " g/dL); ferritin < 30 ng/mL indicates iron deficiency;"
                        + " discrimination indices are less reliable; with MCH < 27 pg screen for haemoglobinopathy"
                        + " and test the partner early.",
                "pavord-2020");
    }

    static Caveat youngChild(Workup w) {
        return new Caveat(
                "young-child",
                "Young child: age-specific Hb, MCV and ferritin limits apply; HbA2/HbF are not at adult levels before"
                        + " 12 months; screen for lead exposure at 1–5 years.",
                "dallman-1977");
    }

    static Caveat hba2LoweredByIronDeficiency() {
        return new Caveat(
                "iron-deficiency-lowers-hba2",
                "Iron deficiency lowers HbA2 and can mask beta-thalassaemia trait: repeat HbA2 after iron repletion.",
                "baird-2022");
    }

    static Caveat indicesUnreliable(String why) {
        return new Caveat(
                "indices-unreliable",
                "Discrimination indices are unreliable " + why + "; they screen and never diagnose.",
                "vehapoglu-2014");
    }

    static Caveat knownDiagnosis(String what) {
        return new Caveat(
                "known-diagnosis",
                "Known diagnosis on the problem list (" + what + "): explained rather than re-diagnosed.",
                "donker-2014");
    }

    static Caveat noIronInTrait() {
        return new Caveat(
                "no-iron-in-trait", "Iron is not indicated in thalassaemia trait with normal ferritin.", "baird-2022");
    }

    static Caveat refractoryChecklist() {
        return new Caveat(
                "oral-iron-refractory",
                "Before calling IRIDA: check adherence and dose, ongoing blood loss, PPI use, coeliac disease,"
                        + " autoimmune gastritis and H. pylori.",
                "hershko-2014");
    }
}

package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.knowledge.rules.StatementTemplates.StatementTemplate;
import java.time.LocalDate;

/**
 * The pitfalls of reading a microcytic work-up (Donker 2014), worded for the patient at hand. The sentences and their
 * sources are the knowledge package's {@code statements.json}; this class only chooses and fills them.
 */
final class Caveats {

    private Caveats() {}

    static Caveat inflammation(Workup w) {
        String inflammation = w.present(Analyte.CRP)
                ? w.k.wording(Wording.INFLAMMATION_CRP).render(ValueFormat.evidence(w.v(Analyte.CRP)))
                : w.k.wording(Wording.INFLAMMATION_CONDITION).render();
        return caveat(
                "inflammation-masks-iron-deficiency",
                w.k.wording(Wording.INFLAMMATION),
                inflammation,
                ValueFormat.evidence(w.inflamedBelow()));
    }

    static Caveat transfusion(Workup w) {
        return caveat("recent-transfusion", w.k.wording(Wording.TRANSFUSION), String.valueOf(w.ctx.lastTransfusion()));
    }

    static Caveat ivIron(Workup w) {
        return caveat("iv-iron-recent", w.k.wording(Wording.IV_IRON), since(w, w.ivIronStart));
    }

    static Caveat oralIron(Workup w) {
        return caveat("iron-therapy-started", w.k.wording(Wording.ORAL_IRON), since(w, w.oralIron.start()));
    }

    static Caveat pregnancy(Workup w) {
        return caveat(
                "pregnancy",
                w.k.wording(Wording.PREGNANCY),
                String.valueOf(w.hbCutoff.set()),
                String.valueOf(w.hbCutoff.population()),
                ValueFormat.evidence(w.hbCutoff.anemiaBelow()));
    }

    static Caveat youngChild(Workup w) {
        return caveat("young-child", w.k.wording(Wording.YOUNG_CHILD));
    }

    static Caveat hba2LoweredByIronDeficiency(Workup w) {
        return caveat("iron-deficiency-lowers-hba2", w.k.wording(Wording.HBA2_LOWERED_BY_IRON_DEFICIENCY));
    }

    static Caveat indicesUnreliable(Workup w, String why) {
        return caveat("indices-unreliable", w.k.wording(Wording.INDICES_UNRELIABLE), why);
    }

    static Caveat knownDiagnosis(Workup w, String what) {
        return caveat("known-diagnosis", w.k.wording(Wording.KNOWN_DIAGNOSIS), what);
    }

    static Caveat knownIronDeficiencyRepleted(Workup w) {
        return caveat("known-iron-deficiency-repleted", w.k.wording(Wording.KNOWN_IRON_DEFICIENCY_REPLETED));
    }

    static Caveat noIronInTrait(Workup w) {
        return caveat("no-iron-in-trait", w.k.wording(Wording.NO_IRON_IN_TRAIT));
    }

    static Caveat refractoryChecklist(Workup w) {
        return caveat("oral-iron-refractory", w.k.wording(Wording.REFRACTORY_CHECKLIST));
    }

    /** " since <date>", or nothing when the start is unknown. */
    private static String since(Workup w, LocalDate start) {
        return start == null ? "" : w.k.wording(Wording.SINCE).render(start.toString());
    }

    /** A caveat worded by the package's sentence, with the sentence's source. */
    static Caveat of(Workup w, String code, Wording wording, String... values) {
        return caveat(code, w.k.wording(wording), values);
    }

    private static Caveat caveat(String code, StatementTemplate template, String... values) {
        return new Caveat(code, template.render(values), template.sourceId());
    }
}

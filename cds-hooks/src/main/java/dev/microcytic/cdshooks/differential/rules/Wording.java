package dev.microcytic.cdshooks.differential.rules;

import java.util.List;

/**
 * The sentences of the knowledge package's {@code statements.json} the engine renders, each with the placeholders it
 * fills (in order). {@link KnowledgeView} resolves every one at construction and fails if the package's sentence has
 * other placeholders, so a wording change in the package cannot silently drop a value.
 */
enum Wording {
    INFLAMMATION("caveat.inflammation-masks-iron-deficiency", "inflammation", "ferritinBelow"),
    INFLAMMATION_CRP("caveat.inflammation.crp", "crp"),
    INFLAMMATION_CONDITION("caveat.inflammation.condition"),
    TRANSFUSION("caveat.recent-transfusion", "date"),
    IV_IRON("caveat.iv-iron-recent", "since"),
    ORAL_IRON("caveat.iron-therapy-started", "since"),
    SINCE("caveat.since", "date"),
    PREGNANCY("caveat.pregnancy", "cutoffSet", "population", "hemoglobinBelow"),
    YOUNG_CHILD("caveat.young-child"),
    HBA2_LOWERED_BY_IRON_DEFICIENCY("caveat.iron-deficiency-lowers-hba2"),
    INDICES_UNRELIABLE("caveat.indices-unreliable", "why"),
    KNOWN_DIAGNOSIS("caveat.known-diagnosis", "diagnosis"),
    NO_IRON_IN_TRAIT("caveat.no-iron-in-trait"),
    REFRACTORY_CHECKLIST("caveat.oral-iron-refractory"),
    KNOWN_IRON_DEFICIENCY_REPLETED("caveat.known-iron-deficiency-repleted"),
    AGE_UNKNOWN("caveat.age-unknown"),
    SEX_UNKNOWN("caveat.sex-unknown"),
    MCV_MISSING("caveat.mcv-missing"),
    STALE_VALUES("caveat.stale-values", "analytes"),
    TSAT_DERIVED("caveat.tsat-derived", "tsat"),
    ASSAY_DEPENDENT("caveat.assay-dependent"),
    HEART_FAILURE("caveat.heart-failure-context"),
    // ---- coded diagnoses and fractionation pitfalls
    SICKLE_CELL_NOT_MICROCYTIC("caveat.sickle-cell-not-microcytic"),
    HBF_HYDROXYUREA("caveat.hbf-hydroxyurea", "hbf"),
    HBF_PREGNANCY("caveat.hbf-pregnancy", "hbf"),
    HBA2_MEGALOBLASTIC("caveat.hba2-megaloblastic", "hba2"),
    KNOWN_TRAIT_STABLE("evidence.known-trait-stable"),
    // ---- end of coded diagnoses and fractionation pitfalls
    PHOTOSENSITIVITY("evidence.photosensitivity"),
    WITH_HEMOLYSIS("evidence.with-hemolysis"),
    WITHOUT_HEMOLYSIS("evidence.without-hemolysis"),
    EPP_LOW_FERRITIN("evidence.epp-low-ferritin"),
    XLPP_NORMOCYTIC("evidence.xlpp-normocytic"),
    KNOWN_DIAGNOSIS_EVIDENCE("evidence.known-diagnosis", "diagnosis"),
    IRON_LOADED_NTDT("evidence.iron-loaded-ntdt"),
    IRIDA_CHILDHOOD("evidence.irida-childhood"),
    FERRITIN_STALE("evidence.ferritin-stale"),
    BLEEDING("evidence.bleeding"),
    INFLAMMATORY_CONDITION_WHO("evidence.inflammatory-condition.who"),
    INFLAMMATORY_CONDITION_WEISS("evidence.inflammatory-condition.weiss"),
    MALABSORPTION("evidence.malabsorption"),
    PREGNANCY_IRON_REQUIREMENTS("evidence.pregnancy-iron-requirements"),
    GI_EVALUATION_MAN("evidence.gi-evaluation.man"),
    GI_EVALUATION_WOMAN("evidence.gi-evaluation.woman"),
    PPI_ABSORPTION("evidence.ppi-absorption"),
    INDICES_NOT_COMPUTED_TRANSFUSION("evidence.indices.not-computed-transfusion"),
    INDICES_NOT_COMPUTABLE("evidence.indices.not-computable"),
    INDICES_LEAN_THALASSEMIA("evidence.indices.lean-thalassemia", "votes", "total", "mentzer"),
    INDICES_LEAN_IRON_DEFICIENCY("evidence.indices.lean-iron-deficiency", "votes", "total", "mentzer"),
    INDICES_LEAN_IRON_DEFICIENCY_NO_MENTZER("evidence.indices.lean-iron-deficiency.no-mentzer", "votes", "total"),
    INDICES_SPLIT("evidence.indices.split", "thalassemia", "ironDeficiency"),
    OIAT_ADEQUATE(
            "evidence.oral-iron-absorption-test.adequate", "rise", "before", "after", "minutes", "dose", "cutoff"),
    OIAT_POOR("evidence.oral-iron-absorption-test.poor", "rise", "before", "after", "minutes", "dose", "cutoff");

    final String key;
    final List<String> placeholders;

    Wording(String key, String... placeholders) {
        this.key = key;
        this.placeholders = List.of(placeholders);
    }
}

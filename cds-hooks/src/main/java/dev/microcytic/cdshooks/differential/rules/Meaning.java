package dev.microcytic.cdshooks.differential.rules;

/**
 * What a value compared with a threshold means in a rare-cause rule: the words in brackets after the comparison
 * (for example "Blood lead 52 ug/dL >= 45 ug/dL (chelation range: urgent management)"). Sentences of the knowledge
 * package's {@code statements.json} without placeholders, with their source; keys {@code meaning.<family>.<name>}.
 */
enum Meaning {
    IRIDA_RATIO_LOW("meaning.irida.ratio-low"),
    IRIDA_RATIO_NOT_LOW("meaning.irida.ratio-not-low"),
    ACERULOPLASMINEMIA_UNDETECTABLE_CERULOPLASMIN("meaning.aceruloplasminemia.undetectable-ceruloplasmin"),
    ACERULOPLASMINEMIA_LOW_UNDETECTABLE_HETEROZYGOTE_COPPER_DEFICIENCY(
            "meaning.aceruloplasminemia.low-undetectable-heterozygote-copper-deficiency"),
    ACERULOPLASMINEMIA_HYPERFERRITINEMIA("meaning.aceruloplasminemia.hyperferritinemia"),
    ACERULOPLASMINEMIA_LOW_TSAT_HIGH_FERRITIN("meaning.aceruloplasminemia.low-tsat-high-ferritin"),
    ATRANSFERRINEMIA_TRANSFERRIN_VERY_LOW("meaning.atransferrinemia.transferrin-very-low"),
    ATRANSFERRINEMIA_TIBC_VERY_LOW("meaning.atransferrinemia.tibc-very-low"),
    ATRANSFERRINEMIA_IRON_OVERLOAD("meaning.atransferrinemia.iron-overload"),
    FERROPORTIN_HYPERFERRITINEMIA_WITHOUT_INFLAMMATION("meaning.ferroportin.hyperferritinemia-without-inflammation"),
    FERROPORTIN_TSAT_LOW_NORMAL_MACROPHAGE_IRON("meaning.ferroportin.tsat-low-normal-macrophage-iron"),
    IRON_LOADED_IRON_LOADING_DONKER_STEP_4C("meaning.iron-loaded.iron-loading-donker-step-4c"),
    IRON_LOADED_SEVERE_ANEMIA_DONKER_HB_5("meaning.iron-loaded.severe-anemia-donker-hb-5"),
    IRON_LOADED_VERY_LOW_MCV("meaning.iron-loaded.very-low-mcv"),
    IRON_LOADED_DIMORPHIC_RED_CELLS_ALAS2_CARRIER("meaning.iron-loaded.dimorphic-red-cells-alas2-carrier"),
    IRIDA_VERY_LOW_TSAT("meaning.irida.very-low-tsat"),
    IRIDA_RATIO_WAS_VALIDATED_CRP_10("meaning.irida.ratio-was-validated-crp-10"),
    IRIDA_IRON_DEFICIENT_ERYTHROPOIESIS("meaning.irida.iron-deficient-erythropoiesis"),
    IRIDA_FERRITIN_LOW_DISPROPORTIONATE_TSAT_DONKER("meaning.irida.ferritin-low-disproportionate-tsat-donker"),
    IRIDA_IRON_STORES_ABSENT("meaning.irida.iron-stores-absent"),
    IRIDA_VERY_LOW_MCV_IRIDA_COHORT("meaning.irida.very-low-mcv-irida-cohort"),
    LEAD_CHELATION_RANGE_URGENT_MANAGEMENT("meaning.lead.chelation-range-urgent-management"),
    LEAD_ABOVE_CDC_BLOOD_LEAD_REFERENCE("meaning.lead.above-cdc-blood-lead-reference"),
    LEAD_ANEMIA_MOSTLY_SEEN_MARKEDLY_RAISED("meaning.lead.anemia-mostly-seen-markedly-raised"),
    LEAD_RAISED_ZPP_WITHOUT_IRON_DEFICIENCY("meaning.lead.raised-zpp-without-iron-deficiency"),
    LEAD_LEAD_INHIBITS_FERROCHELATASE("meaning.lead.lead-inhibits-ferrochelatase"),
    SIDEROBLASTIC_ACQUIRED_PYRIDOXAL_PHOSPHATE_LOW("meaning.sideroblastic-acquired.pyridoxal-phosphate-low"),
    SIDEROBLASTIC_ACQUIRED_IRON_LOADING_TYPICAL_SIDEROBLASTIC_ANEMIA(
            "meaning.sideroblastic-acquired.iron-loading-typical-sideroblastic-anemia"),
    COPPER_COPPER_DEFICIENCY("meaning.copper.copper-deficiency"),
    COPPER_ZINC_EXCESS_BLOCKS_COPPER_ABSORPTION("meaning.copper.zinc-excess-blocks-copper-absorption"),
    COPPER_ZINC_EXCESS("meaning.copper.zinc-excess"),
    COPPER_NEUTROPENIA_ACCOMPANIES_COPPER_DEFICIENCY("meaning.copper.neutropenia-accompanies-copper-deficiency"),
    CKD_ABSOLUTE_IRON_DEFICIENCY_CKD_TSAT("meaning.ckd.absolute-iron-deficiency-ckd-tsat"),
    CKD_ABSOLUTE_IRON_DEFICIENCY_CKD("meaning.ckd.absolute-iron-deficiency-ckd"),
    PORPHYRIA_PORPHYRIN_EXCESS("meaning.porphyria.porphyrin-excess"),
    PORPHYRIA_ERYTHROCYTE_PROTOPORPHYRIN_RAISED("meaning.porphyria.erythrocyte-protoporphyrin-raised"),
    PORPHYRIA_PROTOPORPHYRIN_RAISED("meaning.porphyria.protoporphyrin-raised");

    final String key;

    Meaning(String key) {
        this.key = key;
    }
}

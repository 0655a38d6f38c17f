package dev.microcytic.cdshooks.differential.rules;

import java.util.List;

/**
 * The evidence findings of the rare-cause rules (Donker 2014 steps 3–4, the acquired causes, IRIDA, the porphyrias and
 * the ranking gate), each a sentence of the knowledge package's {@code statements.json} with its source and the
 * placeholders it fills (in order). Keys: {@code evidence.<family>.<name>}. {@link KnowledgeView} resolves every one at
 * construction and fails if the package's sentence has other placeholders.
 */
enum Finding {
    IRON_LOADING_UNCONFIRMED("evidence.iron-loading.unconfirmed"),
    XLSA_PYRIDOXINE_ACQUIRED("evidence.xlsa.pyridoxine-acquired"),
    XLSA_PYRIDOXINE_B6_UNKNOWN("evidence.xlsa.pyridoxine-b6-unknown"),
    SIDEROBLASTIC_DRUG_LIST_ONLY("evidence.sideroblastic-acquired.drug-list-only"),
    SIDEROBLASTIC_DISPROPORTION("evidence.sideroblastic-acquired.disproportion"),
    SIDEROBLASTIC_CHLORAMPHENICOL_ROUTE("evidence.sideroblastic-acquired.chloramphenicol-route"),
    IRIDA_EXPLAINED_COELIAC("evidence.irida.explained.coeliac"),
    IRIDA_EXPLAINED_HELICOBACTER("evidence.irida.explained.helicobacter"),
    IRIDA_EXPLAINED_AUTOIMMUNE_GASTRITIS("evidence.irida.explained.autoimmune-gastritis"),
    IRIDA_TSAT_HEPCIDIN_RATIO("evidence.irida.tsat-hepcidin-ratio", "ratio", "comparator", "cutoff", "meaning"),
    ACERULOPLASMINEMIA_FERRITIN_RAISED_WILSON_DISEASE_COPPER(
            "evidence.aceruloplasminemia.ferritin-raised-wilson-disease-copper"),
    ACERULOPLASMINEMIA_DIABETES_SYMPTOM_68_5_PATIENTS("evidence.aceruloplasminemia.diabetes-symptom-68-5-patients"),
    ACERULOPLASMINEMIA_NEUROLOGICAL_DISEASE_MOVEMENT_DISORDER_COGNITIVE(
            "evidence.aceruloplasminemia.neurological-disease-movement-disorder-cognitive"),
    ATRANSFERRINEMIA_FERRITIN_RAISED_HETEROZYGOUS_CARRIER_NEPHROTIC(
            "evidence.atransferrinemia.ferritin-raised-heterozygous-carrier-nephrotic"),
    FERROPORTIN_FERROPORTIN_DISEASE_USUALLY_NORMOCYTIC_MILD(
            "evidence.ferroportin.ferroportin-disease-usually-normocytic-mild"),
    XLSA_ATAXIA_ATAXIA_MICROCYTIC_ANEMIA_ABCB7_EARLY("evidence.xlsa-ataxia.ataxia-microcytic-anemia-abcb7-early"),
    XLSA_ATAXIA_CARRIER_FEMALES_NEUROLOGICALLY_NORMAL("evidence.xlsa-ataxia.carrier-females-neurologically-normal"),
    XLSA_ATAXIA_ABCB7_CAUSES_SYSTEMIC_IRON_OVERLOAD("evidence.xlsa-ataxia.abcb7-causes-systemic-iron-overload"),
    IRON_LOADED_EARLY_CHILDHOOD_ONSET_SLC25A38_0("evidence.iron-loaded.early-childhood-onset-slc25a38-0"),
    IRON_LOADED_MALE_X_LINKED_ALAS2_DEFECTS("evidence.iron-loaded.male-x-linked-alas2-defects"),
    IRON_LOADED_DISORDER_IRON_METABOLISM_PROBLEM_LIST("evidence.iron-loaded.disorder-iron-metabolism-problem-list"),
    IRON_LOADED_HYPOGONADISM_STEAP3_HAS_GONADAL_DYSFUNCTION(
            "evidence.iron-loaded.hypogonadism-steap3-has-gonadal-dysfunction"),
    IRON_LOADED_DMT1_ANEMIA_FROM_BIRTH_TSAT("evidence.iron-loaded.dmt1-anemia-from-birth-tsat"),
    IRON_LOADED_EARLY_CHILDHOOD_ONSET("evidence.iron-loaded.early-childhood-onset"),
    LEAD_AGE_1_5_YEARS_SCREEN("evidence.lead.age-1-5-years-screen"),
    LEAD_ATAXIA_LEAD_ENCEPHALOPATHY_BEFORE_RARE("evidence.lead.ataxia-lead-encephalopathy-before-rare"),
    LEAD_IRON_DEFICIENCY_COEXISTS_INCREASES_LEAD("evidence.lead.iron-deficiency-coexists-increases-lead"),
    SIDEROBLASTIC_ACQUIRED_ISONIAZID_PYRIDOXINE_ANTAGONIST_MICROCYTIC_DIMORPHIC(
            "evidence.sideroblastic-acquired.isoniazid-pyridoxine-antagonist-microcytic-dimorphic"),
    SIDEROBLASTIC_ACQUIRED_PYRIDOXINE_CO_PRESCRIBED_PROTECTS_AGAINST(
            "evidence.sideroblastic-acquired.pyridoxine-co-prescribed-protects-against"),
    SIDEROBLASTIC_ACQUIRED_LINEZOLID_MITOCHONDRIAL_TOXICITY_REVERSIBLE_SIDEROBLASTIC(
            "evidence.sideroblastic-acquired.linezolid-mitochondrial-toxicity-reversible-sideroblastic"),
    SIDEROBLASTIC_ACQUIRED_SYSTEMIC_CHLORAMPHENICOL_DOSE_RELATED_REVERSIBLE(
            "evidence.sideroblastic-acquired.systemic-chloramphenicol-dose-related-reversible"),
    SIDEROBLASTIC_ACQUIRED_ALCOHOL_USE_DISORDER_TOXIC_HEME(
            "evidence.sideroblastic-acquired.alcohol-use-disorder-toxic-heme"),
    SIDEROBLASTIC_ACQUIRED_ALCOHOL_USE_DISORDER_REMISSION_WEIGHS(
            "evidence.sideroblastic-acquired.alcohol-use-disorder-remission-weighs"),
    SIDEROBLASTIC_ACQUIRED_IRON_DEFICIENCY_EXPLAINS_MICROCYTIC_ANEMIA(
            "evidence.sideroblastic-acquired.iron-deficiency-explains-microcytic-anemia"),
    COPPER_CERULOPLASMIN_UNDETECTABLE_LOWERS_SERUM_COPPER(
            "evidence.copper.ceruloplasmin-undetectable-lowers-serum-copper"),
    COPPER_ZINC_SUPPLEMENTS_DENTURE_CREAMS_MULTIVITAMINS(
            "evidence.copper.zinc-supplements-denture-creams-multivitamins"),
    COPPER_BARIATRIC_SURGERY_MALABSORPTION_PROBLEM_LIST("evidence.copper.bariatric-surgery-malabsorption-problem-list"),
    CKD_CHRONIC_KIDNEY_DISEASE_PROBLEM_LIST("evidence.ckd.chronic-kidney-disease-problem-list"),
    CKD_ANEMIA_CKD_USUALLY_NORMOCYTIC_MICROCYTOSIS("evidence.ckd.anemia-ckd-usually-normocytic-microcytosis"),
    CKD_ESA_FUNCTIONAL_IRON_DEFICIENCY_POSSIBLE("evidence.ckd.esa-functional-iron-deficiency-possible");

    final String key;
    final List<String> placeholders;

    Finding(String key, String... placeholders) {
        this.key = key;
        this.placeholders = List.of(placeholders);
    }
}

package dev.microcytic.cdshooks.differential.rules;

/**
 * Why a rare-cause rule suggests a next test: sentences of the knowledge package's {@code statements.json} without
 * placeholders, with their source; keys {@code test-reason.<test code>.<name>}.
 */
enum TestReason {
    HEMATOLOGY_REFERRAL_RARE_CAUSE("test-reason.hematology-referral.rare-cause"),
    IRON_METABOLISM_GENE_PANEL_CP_SEQUENCING_CONFIRMS_ACERULOPLASMINEMIA(
            "test-reason.iron-metabolism-gene-panel.cp-sequencing-confirms-aceruloplasminemia"),
    LIVER_IRON_MRI_BRAIN_LIVER_IRON_MRI("test-reason.liver-iron-mri.brain-liver-iron-mri"),
    COPPER_ZINC_COPPER_DEFICIENCY_LOWERS_CERULOPLASMIN(
            "test-reason.copper-zinc.copper-deficiency-lowers-ceruloplasmin"),
    CRP_INFLAMMATION_PRODUCES_SAME_HIGH_FERRITIN("test-reason.crp.inflammation-produces-same-high-ferritin"),
    CERULOPLASMIN_CHEAP_DECISIVE_UNDETECTABLE_ACERULOPLASMINEMIA(
            "test-reason.ceruloplasmin.cheap-decisive-undetectable-aceruloplasminemia"),
    IRON_METABOLISM_GENE_PANEL_CP_SEQUENCING_CERULOPLASMIN_UNDETECTABLE(
            "test-reason.iron-metabolism-gene-panel.cp-sequencing-ceruloplasmin-undetectable"),
    TRANSFERRIN_SERUM_TRANSFERRIN_35_MG_DL("test-reason.transferrin.serum-transferrin-35-mg-dl"),
    IRON_METABOLISM_GENE_PANEL_TF_SEQUENCING("test-reason.iron-metabolism-gene-panel.tf-sequencing"),
    LIVER_IRON_MRI_IRON_OVERLOAD_LIVER_HEART("test-reason.liver-iron-mri.iron-overload-liver-heart"),
    TRANSFERRIN_TRANSFERRIN_35_MG_DL_DECIDES("test-reason.transferrin.transferrin-35-mg-dl-decides"),
    CERULOPLASMIN_EXCLUDE_ACERULOPLASMINEMIA_SAME_IRON_PATTERN(
            "test-reason.ceruloplasmin.exclude-aceruloplasminemia-same-iron-pattern"),
    LIVER_IRON_MRI_LIVER_IRON_LOADING("test-reason.liver-iron-mri.liver-iron-loading"),
    IRON_METABOLISM_GENE_PANEL_SLC40A1_SEQUENCING("test-reason.iron-metabolism-gene-panel.slc40a1-sequencing"),
    BLOOD_LEAD_LEAD_ENCEPHALOPATHY_CAUSES_ATAXIA_MICROCYTIC(
            "test-reason.blood-lead.lead-encephalopathy-causes-ataxia-microcytic"),
    COPPER_ZINC_COPPER_DEFICIENCY_MYELONEUROPATHY_CAUSES_SENSORY(
            "test-reason.copper-zinc.copper-deficiency-myeloneuropathy-causes-sensory"),
    IRON_METABOLISM_GENE_PANEL_ABCB7_SEQUENCING("test-reason.iron-metabolism-gene-panel.abcb7-sequencing"),
    BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS("test-reason.bone-marrow-iron-stain.ring-sideroblasts"),
    IRON_STUDIES_REPEAT_FASTING_TSAT_FERRITIN_IRON("test-reason.iron-studies.repeat-fasting-tsat-ferritin-iron"),
    IRON_STUDIES_FASTING_TSAT_FERRITIN_DECIDES_IRON("test-reason.iron-studies.fasting-tsat-ferritin-decides-iron"),
    HEMOGLOBIN_FRACTIONATION_EXCLUDE_THALASSAEMIA_INTERMEDIA_HBE_BETA(
            "test-reason.hemoglobin-fractionation.exclude-thalassaemia-intermedia-hbe-beta"),
    IRON_METABOLISM_GENE_PANEL_DNA_DUTCH_GUIDELINE_CONGENITAL_SA(
            "test-reason.iron-metabolism-gene-panel.dna-dutch-guideline-congenital-sa"),
    LIVER_IRON_MRI_QUANTIFY_IRON_OVERLOAD_FERRITIN_CAN(
            "test-reason.liver-iron-mri.quantify-iron-overload-ferritin-can"),
    BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS_ALAS2_SLC25A38_STEAP3(
            "test-reason.bone-marrow-iron-stain.ring-sideroblasts-alas2-slc25a38-steap3"),
    IRON_STUDIES_CURRENT_FERRITIN_TSAT("test-reason.iron-studies.current-ferritin-tsat"),
    VITAMIN_B6_LOW_VITAMIN_B6_RESPONDS_PYRIDOXINE("test-reason.vitamin-b6.low-vitamin-b6-responds-pyridoxine"),
    CRP_TSAT_HEPCIDIN_RATIO_VALID_CRP("test-reason.crp.tsat-hepcidin-ratio-valid-crp"),
    TMPRSS6_GENE_ANALYSIS_CONFIRMS_IRIDA_BI_ALLELIC_TMPRSS6(
            "test-reason.tmprss6-gene-analysis.confirms-irida-bi-allelic-tmprss6"),
    COELIAC_SEROLOGY_EXCLUDE_COELIAC_DISEASE_BEFORE_IRIDA(
            "test-reason.coeliac-serology.exclude-coeliac-disease-before-irida"),
    HELICOBACTER_TEST_EXCLUDE_H_PYLORI_BEFORE_IRIDA("test-reason.helicobacter-test.exclude-h-pylori-before-irida"),
    AUTOIMMUNE_GASTRITIS_SEROLOGY_EXCLUDE_AUTOIMMUNE_GASTRITIS_BEFORE_IRIDA(
            "test-reason.autoimmune-gastritis-serology.exclude-autoimmune-gastritis-before-irida"),
    CRP_INFLAMMATION_MUST_EXCLUDED_CRP_10("test-reason.crp.inflammation-must-excluded-crp-10"),
    HEPCIDIN_TSAT_HEPCIDIN_5_6_NM("test-reason.hepcidin.tsat-hepcidin-5-6-nm"),
    TMPRSS6_GENE_ANALYSIS_TMPRSS6_SEQUENCING_MLPA_RATIO_LOW(
            "test-reason.tmprss6-gene-analysis.tmprss6-sequencing-mlpa-ratio-low"),
    BLOOD_LEAD_VENOUS_BLOOD_LEAD_CDC_REFERENCE("test-reason.blood-lead.venous-blood-lead-cdc-reference"),
    BLOOD_FILM_BASOPHILIC_STIPPLING("test-reason.blood-film.basophilic-stippling"),
    IRON_STUDIES_IRON_DEFICIENCY_FREQUENTLY_COEXISTS_LEAD(
            "test-reason.iron-studies.iron-deficiency-frequently-coexists-lead"),
    BLOOD_LEAD_CONFIRM_CAPILLARY_RESULT_VENOUS_SAMPLE("test-reason.blood-lead.confirm-capillary-result-venous-sample"),
    VITAMIN_B6_ISONIAZID_ANTAGONISES_PYRIDOXINE_PYRIDOXINE_TRIAL(
            "test-reason.vitamin-b6.isoniazid-antagonises-pyridoxine-pyridoxine-trial"),
    B12_FOLATE_ALCOHOL_FOLATE_DEFICIENCY_COEXISTS("test-reason.b12-folate.alcohol-folate-deficiency-coexists"),
    VITAMIN_B6_ALCOHOL_B6_DEFICIENCY("test-reason.vitamin-b6.alcohol-b6-deficiency"),
    IRON_STUDIES_SIDEROBLASTIC_ANEMIA_HAS_NORMAL_HIGH("test-reason.iron-studies.sideroblastic-anemia-has-normal-high"),
    BLOOD_FILM_DIMORPHIC_RED_CELLS_PAPPENHEIMER_BODIES(
            "test-reason.blood-film.dimorphic-red-cells-pappenheimer-bodies"),
    BONE_MARROW_IRON_STAIN_RING_SIDEROBLASTS_ANEMIA_PERSISTS_AFTER(
            "test-reason.bone-marrow-iron-stain.ring-sideroblasts-anemia-persists-after"),
    COPPER_ZINC_ZINC_EXCESS_COMMONEST_REVERSIBLE_CAUSE(
            "test-reason.copper-zinc.zinc-excess-commonest-reversible-cause"),
    CERULOPLASMIN_LOW_COPPER_DEFICIENCY_UNDETECTABLE_ACERULOPLASMINEMIA(
            "test-reason.ceruloplasmin.low-copper-deficiency-undetectable-aceruloplasminemia"),
    COPPER_ZINC_SERUM_COPPER_ZINC_DECIDE_COPPER("test-reason.copper-zinc.serum-copper-zinc-decide-copper"),
    CERULOPLASMIN_LOW_CERULOPLASMIN_ACCOMPANIES_COPPER_DEFICIENCY(
            "test-reason.ceruloplasmin.low-ceruloplasmin-accompanies-copper-deficiency"),
    HEMOGLOBIN_FRACTIONATION_MICROCYTOSIS_IRON_PRESENT_CKD_EXCLUDE(
            "test-reason.hemoglobin-fractionation.microcytosis-iron-present-ckd-exclude"),
    IRON_STUDIES_ABSOLUTE_VS_FUNCTIONAL_IRON_DEFICIENCY(
            "test-reason.iron-studies.absolute-vs-functional-iron-deficiency"),
    RETICULOCYTES_HYPOPROLIFERATIVE_ANEMIA("test-reason.reticulocytes.hypoproliferative-anemia"),
    PORPHYRIN_ISOMERS_UROPORPHYRIN_I_COPROPORPHYRIN_I_ACCUMULATE(
            "test-reason.porphyrin-isomers.uroporphyrin-i-coproporphyrin-i-accumulate"),
    HEMOLYSIS_SCREEN_HEMOLYSIS("test-reason.hemolysis-screen.hemolysis"),
    IRON_METABOLISM_GENE_PANEL_UROS_GATA1_SEQUENCING("test-reason.iron-metabolism-gene-panel.uros-gata1-sequencing"),
    ERYTHROCYTE_PROTOPORPHYRIN_FRACTIONATION_MAINLY_FREE_PROTOPORPHYRIN_EPP_FECH(
            "test-reason.erythrocyte-protoporphyrin-fractionation.mainly-free-protoporphyrin-epp-fech"),
    IRON_METABOLISM_GENE_PANEL_FECH_ALAS2_EXON_11_SEQUENCING(
            "test-reason.iron-metabolism-gene-panel.fech-alas2-exon-11-sequencing"),
    HEMOGLOBIN_FRACTIONATION_HBA2_HBF_HBE_DECIDE("test-reason.hemoglobin-fractionation.hba2-hbf-hbe-decide"),
    HBB_GENE_ANALYSIS_HBB_GENOTYPING("test-reason.hbb-gene-analysis.hbb-genotyping"),
    HEMOGLOBIN_FRACTIONATION_EXCLUDE_HEMOGLOBINOPATHY_BEFORE_RARE_CAUSES(
            "test-reason.hemoglobin-fractionation.exclude-hemoglobinopathy-before-rare-causes"),
    CRP_EXCLUDE_INFLAMMATION_BEFORE_RARE_IRON("test-reason.crp.exclude-inflammation-before-rare-iron");

    final String key;

    TestReason(String key) {
        this.key = key;
    }
}

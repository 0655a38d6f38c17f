package dev.microcytic.cdshooks.differential.rules;

import java.util.List;

/**
 * The evidence sentences, threshold meanings and next-test reasons of the hemoglobinopathy, untyped-trait,
 * known-diagnosis and iron rules, as sentences of the knowledge package's {@code statements.json} with the placeholders the
 * engine fills (in order). {@link KnowledgeView} resolves every one at construction, as it does {@link Wording}.
 */
enum RuleText {
    EV_HEMOLYSIS_PROBLEM_LIST("evidence.hemolysis-problem-list"),
    EV_HBA2_RAISED_EVEN_THOUGH_IRON("evidence.hba2-raised-even-though-iron"),
    EV_IRON_DEFICIENCY_LOWERS_HBA2_BORDERLINE("evidence.iron-deficiency-lowers-hba2-borderline"),
    EV_HBE_HBF_RAISED_MODERATE_ANEMIA("evidence.hbe-hbf-raised-moderate-anemia"),
    EV_MICROCYTOSIS_OUT_PROPORTION_IRON_DEFICIENCY("evidence.microcytosis-out-proportion-iron-deficiency"),
    EV_ALPHA_THALASSAEMIA_TRAIT_CAUSES_NO("evidence.alpha-thalassaemia-trait-causes-no"),
    EV_IRON_STORES_PRESENT_IRON_DEFICIENCY("evidence.iron-stores-present-iron-deficiency"),
    CAVEAT_HBA2_HBF_NOT_AT_ADULT("caveat.hba2-hbf-not-at-adult"),
    CAVEAT_HBA2_ABOVE_10_HBE_CO("caveat.hba2-above-10-hbe-co"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_CONFIRMS_GENOTYPE_DELETIONAL_HBH_CONSTANT(
            "test-reason.alpha-globin-gene-analysis.confirms-genotype-deletional-hbh-constant"),
    TEST_HEMOLYSIS_SCREEN_CHRONIC_HEMOLYSIS_HBH_DISEASE("test-reason.hemolysis-screen.chronic-hemolysis-hbh-disease"),
    TEST_HBB_GENE_ANALYSIS_IDENTIFIES_VARIANT("test-reason.hbb-gene-analysis.identifies-variant"),
    TEST_HEMOGLOBIN_FRACTIONATION_REPEAT_HBA2_AFTER_VITAMIN_B12(
            "test-reason.hemoglobin-fractionation.repeat-hba2-after-vitamin-b12"),
    TEST_HBB_GENE_ANALYSIS_HBA2_3_5_3_9("test-reason.hbb-gene-analysis.hba2-3-5-3-9"),
    TEST_PARTNER_SCREENING_CARRIER_STATE_OFFER_PARTNER_TESTING(
            "test-reason.partner-screening.carrier-state-offer-partner-testing"),
    TEST_HBB_GENE_ANALYSIS_HBB_HBA_CO_INHERITANCE_GENOTYPING(
            "test-reason.hbb-gene-analysis.hbb-hba-co-inheritance-genotyping"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_ALPHA_GENE_TRIPLICATION_WORSENS_BETA(
            "test-reason.alpha-globin-gene-analysis.alpha-gene-triplication-worsens-beta"),
    TEST_HEMATOLOGY_REFERRAL_THALASSAEMIA_INTERMEDIA_MAJOR_HAEMATOLOGY_CARE(
            "test-reason.hematology-referral.thalassaemia-intermedia-major-haematology-care"),
    TEST_HBB_GENE_ANALYSIS_HBB_GENOTYPING_TRAIT_INTERMEDIA(
            "test-reason.hbb-gene-analysis.hbb-genotyping-trait-intermedia"),
    TEST_HBB_GENE_ANALYSIS_BORDERLINE_HBA2_3_1_3("test-reason.hbb-gene-analysis.borderline-hba2-3-1-3"),
    TEST_HBB_GENE_ANALYSIS_HBB_GENOTYPING("test-reason.hbb-gene-analysis.hbb-genotyping"),
    TEST_HBB_GENE_ANALYSIS_DELTA_BETA_DELETION_HPFH_ANALYSIS(
            "test-reason.hbb-gene-analysis.delta-beta-deletion-hpfh-analysis"),
    TEST_HEMOGLOBIN_FRACTIONATION_CAPILLARY_ELECTROPHORESIS_SEPARATES_HBE_FROM(
            "test-reason.hemoglobin-fractionation.capillary-electrophoresis-separates-hbe-from"),
    TEST_HBB_GENE_ANALYSIS_HBE_BETA_THALASSAEMIA_HBB_GENOTYPING(
            "test-reason.hbb-gene-analysis.hbe-beta-thalassaemia-hbb-genotyping"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_LOW_HBE_FRACTION_SUGGESTS_CO(
            "test-reason.alpha-globin-gene-analysis.low-hbe-fraction-suggests-co"),
    TEST_PARTNER_SCREENING_HBE_CARRIER_PARTNER_TESTING_HBE(
            "test-reason.partner-screening.hbe-carrier-partner-testing-hbe"),
    TEST_HEMOGLOBIN_FRACTIONATION_REPEAT_HBA2_AFTER_IRON_REPLETION(
            "test-reason.hemoglobin-fractionation.repeat-hba2-after-iron-repletion"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_ALPHA_THALASSAEMIA_IF_MICROCYTOSIS_PERSISTS(
            "test-reason.alpha-globin-gene-analysis.alpha-thalassaemia-if-microcytosis-persists"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_ALPHA_GLOBIN_DELETION_ANALYSIS(
            "test-reason.alpha-globin-gene-analysis.alpha-globin-deletion-analysis"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_NORMAL_HBA2_MICROCYTOSIS_IRON_PRESENT(
            "test-reason.alpha-globin-gene-analysis.normal-hba2-microcytosis-iron-present"),
    TEST_HEMOGLOBIN_FRACTIONATION_ANTENATAL_SCREENING_MCH_27_PG(
            "test-reason.hemoglobin-fractionation.antenatal-screening-mch-27-pg"),
    TEST_PARTNER_SCREENING_TIME_CRITICAL_PARTNER_TESTING_PREGNANCY(
            "test-reason.partner-screening.time-critical-partner-testing-pregnancy"),
    M_HBH_BAND_THREE_GENE_ALPHA("meaning.hbh-band-three-gene-alpha"),
    M_RAISED_HBA2_BETA_THALASSAEMIA_TRAIT("meaning.raised-hba2-beta-thalassaemia-trait"),
    M_MILDLY_RAISED_HBF_50_TRAITS("meaning.mildly-raised-hbf-50-traits"),
    M_MORE_ANEMIA_THAN_TRAIT_CAUSES("meaning.more-anemia-than-trait-causes"),
    M_HBF_MARKEDLY_RAISED("meaning.hbf-markedly-raised"),
    M_BORDERLINE_HBA2("meaning.borderline-hba2"),
    M_ANEMIA_BEYOND_TRAIT("meaning.anemia-beyond-trait"),
    M_HBF_RAISED_NORMAL_HBA2_DELTA("meaning.hbf-raised-normal-hba2-delta"),
    M_HBA2_NOT_RAISED("meaning.hba2-not-raised"),
    M_VARIANT_HBA2_WINDOW_HBE_HPLC("meaning.variant-hba2-window-hbe-hplc"),
    M_HBA2_NOT_RAISED_NO_VARIANT("meaning.hba2-not-raised-no-variant"),
    M_LOW_HBA2_FITS_ALPHA_THALASSAEMIA("meaning.low-hba2-fits-alpha-thalassaemia"),
    M_ANTENATAL_HAEMOGLOBINOPATHY_SCREENING_TRIGGER_REGARDLESS(
            "meaning.antenatal-haemoglobinopathy-screening-trigger-regardless"),
    EV_MICROCYTOSIS_HB_FRACTIONS_CANNOT_READ("evidence.microcytosis-hb-fractions-cannot-read"),
    EV_IRON_STORES_PRESENT_IRON_DEFICIENCY_2("evidence.iron-stores-present-iron-deficiency-2"),
    EV_MICROCYTOSIS_IRON_STORES_PRESENT_IRON("evidence.microcytosis-iron-stores-present-iron"),
    TEST_HBB_GENE_ANALYSIS_DNA_TESTING_NOT_AFFECTED_DONOR(
            "test-reason.hbb-gene-analysis.dna-testing-not-affected-donor"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_DNA_TESTING_NOT_AFFECTED_DONOR(
            "test-reason.alpha-globin-gene-analysis.dna-testing-not-affected-donor"),
    TEST_HEMOGLOBIN_FRACTIONATION_HBH_BAND_HBA2_HBF_DECIDE(
            "test-reason.hemoglobin-fractionation.hbh-band-hba2-hbf-decide"),
    TEST_HEMOLYSIS_SCREEN_HEMOLYSIS_ACCOMPANIES_HBH_DISEASE_THALASSAEMIA(
            "test-reason.hemolysis-screen.hemolysis-accompanies-hbh-disease-thalassaemia"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_THREE_GENE_ALPHA_DELETION(
            "test-reason.alpha-globin-gene-analysis.three-gene-alpha-deletion"),
    TEST_HEMOGLOBIN_FRACTIONATION_AFTER_IRON_REPLETION_IRON_DEFICIENCY(
            "test-reason.hemoglobin-fractionation.after-iron-repletion-iron-deficiency"),
    TEST_HEMOGLOBIN_FRACTIONATION_INDICES_LEAN_TOWARDS_THALASSAEMIA_TRAIT(
            "test-reason.hemoglobin-fractionation.indices-lean-towards-thalassaemia-trait"),
    TEST_HEMOGLOBIN_FRACTIONATION_IF_IRON_STUDIES_NORMAL("test-reason.hemoglobin-fractionation.if-iron-studies-normal"),
    TEST_HEMOGLOBIN_FRACTIONATION_HBA2_3_5_BETA_TRAIT("test-reason.hemoglobin-fractionation.hba2-3-5-beta-trait"),
    TEST_ALPHA_GLOBIN_GENE_ANALYSIS_IF_HBA2_NORMAL_ALPHA_TRAIT(
            "test-reason.alpha-globin-gene-analysis.if-hba2-normal-alpha-trait"),
    M_MORE_ANEMIA_THAN_THALASSAEMIA_TRAIT("meaning.more-anemia-than-thalassaemia-trait"),
    M_RBC_5_MICROCYTOSIS_SUGGESTS_TRAIT("meaning.rbc-5-microcytosis-suggests-trait"),
    TEST_IRON_STUDIES_MONITOR_REPLETION_FERRITIN_TSAT("test-reason.iron-studies.monitor-repletion-ferritin-tsat"),
    TEST_BLOOD_LEAD_FOLLOW_BLOOD_LEAD_LEVEL("test-reason.blood-lead.follow-blood-lead-level"),
    EV_HB_VARIANT_UNEXPLAINED("evidence.hb-variant.unexplained", "explained", "unexplained"),
    M_HBE_HOMOZYGOUS("meaning.hbe.homozygous"),
    M_HBE_TRAIT("meaning.hbe.trait"),
    M_HBE_BELOW_TRAIT("meaning.hbe.below-trait"),
    // ---- iron rules
    CAVEAT_ERYTHROPOIESIS_STIMULATING_AGENT_IRON_RESTRICTED("caveat.erythropoiesis-stimulating-agent-iron-restricted"),
    TEST_CRP_FERRITIN_ACUTE_PHASE_PROTEIN_READ("test-reason.crp.ferritin-acute-phase-protein-read"),
    TEST_HEMOGLOBIN_FRACTIONATION_DISCRIMINATION_INDICES_LEAN_TOWARDS_THALASSAEMIA(
            "test-reason.hemoglobin-fractionation.discrimination-indices-lean-towards-thalassaemia"),
    TEST_IRON_STUDIES_FERRITIN_15_30_NG_ML("test-reason.iron-studies.ferritin-15-30-ng-ml"),
    TEST_CRP_FERRITIN_30_45_NG_ML("test-reason.crp.ferritin-30-45-ng-ml"),
    TEST_STFR_STFR_LOG_FERRITIN_2_SUPPORTS("test-reason.stfr.stfr-log-ferritin-2-supports"),
    TEST_RETICULOCYTE_HEMOGLOBIN_CHR_29_PG_SUPPORTS_IRON("test-reason.reticulocyte-hemoglobin.chr-29-pg-supports-iron"),
    TEST_CRP_FERRITIN_30_100_NG_ML("test-reason.crp.ferritin-30-100-ng-ml"),
    TEST_STFR_STFR_LOG_FERRITIN_SEPARATES_IRON("test-reason.stfr.stfr-log-ferritin-separates-iron"),
    TEST_CRP_CRP_5_MG_L_WOULD("test-reason.crp.crp-5-mg-l-would"),
    TEST_STFR_STFR_LOG_FERRITIN_2_MEANS("test-reason.stfr.stfr-log-ferritin-2-means"),
    TEST_STFR_STFR_LOG_FERRITIN_1_MEANS("test-reason.stfr.stfr-log-ferritin-1-means"),
    TEST_RETICULOCYTE_HEMOGLOBIN_CHR_29_PG_IRON_RESTRICTED(
            "test-reason.reticulocyte-hemoglobin.chr-29-pg-iron-restricted"),
    TEST_STFR_STFR_LOG_FERRITIN_2_WOULD("test-reason.stfr.stfr-log-ferritin-2-would"),
    TEST_RETICULOCYTES_LOW_RETICULOCYTES_FIT_ANEMIA_INFLAMMATION(
            "test-reason.reticulocytes.low-reticulocytes-fit-anemia-inflammation"),
    TEST_CRP_LOW_TSAT_NORMAL_FERRITIN_LOOK("test-reason.crp.low-tsat-normal-ferritin-look"),
    TEST_RETICULOCYTES_LOW_RETICULOCYTES_FIT_ANEMIA_CHRONIC(
            "test-reason.reticulocytes.low-reticulocytes-fit-anemia-chronic"),
    TEST_CRP_HIGH_FERRITIN_LOW_TSAT_CRP("test-reason.crp.high-ferritin-low-tsat-crp"),
    TEST_IRON_STUDIES_TSAT_COMPLETES_IRON_STUDIES("test-reason.iron-studies.tsat-completes-iron-studies"),
    TEST_COELIAC_SEROLOGY_COELIAC_DISEASE_COMMON_CAUSE_IRON(
            "test-reason.coeliac-serology.coeliac-disease-common-cause-iron"),
    TEST_URINALYSIS_HAEMATURIA_SCREEN_MEN_POST_MENOPAUSAL(
            "test-reason.urinalysis.haematuria-screen-men-post-menopausal"),
    TEST_GI_EVALUATION_IRON_DEFICIENCY_MAN_POST_MENOPAUSAL(
            "test-reason.gi-evaluation.iron-deficiency-man-post-menopausal"),
    TEST_BLOOD_LEAD_LEAD_EXPOSURE_IRON_DEFICIENCY_COEXIST(
            "test-reason.blood-lead.lead-exposure-iron-deficiency-coexist"),
    TEST_COELIAC_SEROLOGY_ORAL_IRON_REFRACTORY_COELIAC_DISEASE(
            "test-reason.coeliac-serology.oral-iron-refractory-coeliac-disease"),
    TEST_HELICOBACTER_TEST_ORAL_IRON_REFRACTORY_H_PYLORI("test-reason.helicobacter-test.oral-iron-refractory-h-pylori"),
    TEST_AUTOIMMUNE_GASTRITIS_SEROLOGY_ORAL_IRON_REFRACTORY_AUTOIMMUNE_GASTRITIS(
            "test-reason.autoimmune-gastritis-serology.oral-iron-refractory-autoimmune-gastritis"),
    M_ABSENT_IRON_STORES_AGE("meaning.absent-iron-stores-age"),
    M_IRON_DEFICIENCY_PREGNANCY("meaning.iron-deficiency-pregnancy"),
    M_IRON_DEFICIENCY_PROBABLE("meaning.iron-deficiency-probable"),
    M_IRON_DEFICIENCY_DESPITE_INFLAMMATION("meaning.iron-deficiency-despite-inflammation"),
    M_IRON_DEFICIENCY_INFLAMMATION("meaning.iron-deficiency-inflammation"),
    M_IRON_DEFICIENCY_POSSIBLE_ANEMIA_AGA("meaning.iron-deficiency-possible-anemia-aga"),
    M_TSAT_NOT_LOW("meaning.tsat-not-low"),
    M_GREY_ZONE_CANNOT_ASSESS_WITHOUT("meaning.grey-zone-cannot-assess-without"),
    M_IRON_DEFICIENT_ERYTHROPOIESIS("meaning.iron-deficient-erythropoiesis"),
    M_GREY_ZONE_INFLAMMATION_ECCO_100("meaning.grey-zone-inflammation-ecco-100"),
    M_IRON_RESTRICTED_ERYTHROPOIESIS("meaning.iron-restricted-erythropoiesis"),
    M_ARGUES_COEXISTING_IRON_DEFICIENCY("meaning.argues-coexisting-iron-deficiency"),
    M_ANEMIA_INFLAMMATION("meaning.anemia-inflammation"),
    M_NO_COEXISTING_IRON_DEFICIENCY("meaning.no-coexisting-iron-deficiency"),
    M_FERRITIN_ABOVE_GREY_ZONE_DESPITE("meaning.ferritin-above-grey-zone-despite"),
    M_TSAT_NOT_RESTRICTED("meaning.tsat-not-restricted"),
    M_COEXISTING_IRON_DEFICIENCY("meaning.coexisting-iron-deficiency"),
    M_IRON_STORES_PRESENT("meaning.iron-stores-present"),
    M_HIGH_FERRITIN("meaning.high-ferritin"),
    M_CRP_NOT_RAISED("meaning.crp-not-raised"),
    M_IRON_DEFICIENCY("meaning.iron-deficiency"),
    M_ANISOCYTOSIS_TYPICAL_IRON_DEFICIENCY("meaning.anisocytosis-typical-iron-deficiency"),
    TEST_IRON_STUDIES_AFTER_IV_IRON("test-reason.iron-studies.after-iv-iron"),
    TEST_IRON_STUDIES_SEPARATE_CAUSES("test-reason.iron-studies.separate-causes"),
    M_INFLAMMATION("meaning.inflammation"),
    M_IRON_RESTRICTED("meaning.iron-restricted"),
    EV_STFR_INDEX("evidence.stfr-index", "index", "comparator", "threshold", "meaning");

    final String key;
    final List<String> placeholders;

    RuleText(String key, String... placeholders) {
        this.key = key;
        this.placeholders = List.of(placeholders);
    }
}

package dev.microcytic.cdshooks.differential.rules;

import java.util.List;

/**
 * The evidence sentences, threshold meanings and next-test reasons of the hemoglobinopathy, untyped-trait and
 * known-diagnosis rules, as sentences of the knowledge package's {@code statements.json} with the placeholders the
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
    M_HBE_BELOW_TRAIT("meaning.hbe.below-trait");

    final String key;
    final List<String> placeholders;

    RuleText(String key, String... placeholders) {
        this.key = key;
        this.placeholders = List.of(placeholders);
    }
}

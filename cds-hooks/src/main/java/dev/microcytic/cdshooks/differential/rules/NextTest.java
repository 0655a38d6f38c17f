package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.terminology.Analyte;
import java.util.List;

/**
 * The next-test codes of contract §7, in the order a haematologist orders them: cheap and decisive blood tests
 * first, then specialist assays, imaging and endoscopy, DNA, and the bone marrow last (brief §6.2 item 5; the Dutch
 * guideline puts DNA before marrow). LOINC only where the brief marks an orderable as verified (V2).
 */
public enum NextTest {
    IRON_STUDIES(
            "iron-studies",
            "Iron studies (ferritin, iron, TIBC/transferrin, TSAT)",
            null,
            List.of(Analyte.FERRITIN, Analyte.TRANSFERRIN_SATURATION)),
    FERRITIN("ferritin", "Serum ferritin", "2276-4", List.of(Analyte.FERRITIN)),
    CRP("crp", "C-reactive protein", "1988-5", List.of(Analyte.CRP)),
    BLOOD_FILM("blood-film", "Blood film (stippling, target cells, dimorphism)", null, List.of()),
    RETICULOCYTES("reticulocytes", "Reticulocyte count", "17849-1", List.of(Analyte.RETICULOCYTES_PERCENT)),
    RETICULOCYTE_HEMOGLOBIN(
            "reticulocyte-hemoglobin",
            "Reticulocyte hemoglobin (CHr / Ret-He)",
            "71694-4",
            List.of(Analyte.RETICULOCYTE_HEMOGLOBIN)),
    STFR(
            "stfr",
            "Soluble transferrin receptor (and sTfR/log ferritin index)",
            "30248-9",
            List.of(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR)),
    B12_FOLATE("b12-folate", "Vitamin B12 and folate", null, List.of()),
    URINALYSIS("urinalysis", "Urinalysis (haematuria)", null, List.of()),
    BLOOD_LEAD("blood-lead", "Venous blood lead", "77307-7", List.of(Analyte.BLOOD_LEAD)),
    TRANSFERRIN("transferrin", "Serum transferrin", "3034-6", List.of(Analyte.TRANSFERRIN)),
    CERULOPLASMIN("ceruloplasmin", "Serum ceruloplasmin", "2064-4", List.of(Analyte.CERULOPLASMIN)),
    COPPER_ZINC("copper-zinc", "Serum copper and zinc", null, List.of(Analyte.COPPER, Analyte.ZINC)),
    VITAMIN_B6("vitamin-b6", "Vitamin B6 (pyridoxal phosphate)", null, List.of(Analyte.VITAMIN_B6)),
    HEMOLYSIS_SCREEN(
            "hemolysis-screen",
            "Hemolysis screen (LDH, haptoglobin, bilirubin, reticulocytes)",
            null,
            List.of(Analyte.LDH, Analyte.HAPTOGLOBIN, Analyte.BILIRUBIN_TOTAL)),
    COELIAC_SEROLOGY("coeliac-serology", "Coeliac serology (tTG-IgA with total IgA)", null, List.of()),
    HELICOBACTER_TEST("helicobacter-test", "Helicobacter pylori test (breath or stool antigen)", null, List.of()),
    AUTOIMMUNE_GASTRITIS_SEROLOGY(
            "autoimmune-gastritis-serology", "Parietal-cell / intrinsic-factor antibodies, gastrin", null, List.of()),
    HEMOGLOBIN_FRACTIONATION(
            "hemoglobin-fractionation",
            "Hemoglobin fractionation (HPLC / capillary electrophoresis)",
            null,
            List.of(Analyte.HBA2, Analyte.HBF)),
    PARTNER_SCREENING("partner-screening", "Partner hemoglobinopathy screening", null, List.of()),
    HEPCIDIN("hepcidin", "Serum hepcidin-25 (TSAT/hepcidin ratio)", null, List.of(Analyte.HEPCIDIN)),
    PROTOPORPHYRIN_FRACTIONATION(
            "erythrocyte-protoporphyrin-fractionation",
            "Erythrocyte protoporphyrin with fractionation (free vs zinc)",
            null,
            List.of(Analyte.ERYTHROCYTE_PROTOPORPHYRIN)),
    PORPHYRIN_ISOMERS(
            "porphyrin-isomers",
            "Uroporphyrin I / coproporphyrin I in urine, plasma and red cells",
            null,
            List.of(Analyte.URINE_PORPHYRINS, Analyte.PLASMA_PORPHYRINS)),
    GI_EVALUATION("gi-evaluation", "Gastrointestinal evaluation (bidirectional endoscopy / referral)", null, List.of()),
    LIVER_IRON_MRI("liver-iron-mri", "Liver iron quantification by MRI (R2/T2*)", null, List.of()),
    ALPHA_GLOBIN_GENE_ANALYSIS(
            "alpha-globin-gene-analysis", "Alpha-globin gene deletion analysis (gap-PCR / MLPA)", null, List.of()),
    HBB_GENE_ANALYSIS("hbb-gene-analysis", "HBB gene sequencing", null, List.of()),
    TMPRSS6_GENE_ANALYSIS("tmprss6-gene-analysis", "TMPRSS6 sequencing and MLPA", null, List.of()),
    IRON_METABOLISM_GENE_PANEL(
            "iron-metabolism-gene-panel",
            "Iron-metabolism / congenital sideroblastic anemia gene panel",
            null,
            List.of()),
    BONE_MARROW_IRON_STAIN(
            "bone-marrow-iron-stain", "Bone marrow aspirate with Perls' stain (ring sideroblasts)", null, List.of()),
    HEMATOLOGY_REFERRAL("hematology-referral", "Haematology referral / e-consult", null, List.of());

    private final String code;
    private final String display;
    private final String loinc;
    private final List<Analyte> analytes;

    NextTest(String code, String display, String loinc, List<Analyte> analytes) {
        this.code = code;
        this.display = display;
        this.loinc = loinc;
        this.analytes = analytes;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public String loinc() {
        return loinc;
    }

    /** The analytes whose results this test returns (for the differential's missing analytes). */
    public List<Analyte> analytes() {
        return analytes;
    }
}

package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.terminology.Analyte;
import java.util.List;

/**
 * The next-test codes of the knowledge package's test CodeSystem, in the order a haematologist orders them: cheap and
 * decisive blood tests first, then specialist assays, imaging and endoscopy, globin DNA, a haematology referral before
 * the rare-cause gene panels, and the bone marrow last (the Dutch guideline, Donker 2014, puts DNA before marrow). LOINC only where an orderable code has been verified.
 */
public enum NextTest {
    IRON_STUDIES("iron-studies", List.of(Analyte.FERRITIN, Analyte.TRANSFERRIN_SATURATION)),
    FERRITIN("ferritin", List.of(Analyte.FERRITIN)),
    CRP("crp", List.of(Analyte.CRP)),
    BLOOD_FILM("blood-film", List.of()),
    RETICULOCYTES("reticulocytes", List.of(Analyte.RETICULOCYTES_PERCENT)),
    RETICULOCYTE_HEMOGLOBIN("reticulocyte-hemoglobin", List.of(Analyte.RETICULOCYTE_HEMOGLOBIN)),
    STFR("stfr", List.of(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR)),
    B12_FOLATE("b12-folate", List.of()),
    URINALYSIS("urinalysis", List.of()),
    BLOOD_LEAD("blood-lead", List.of(Analyte.BLOOD_LEAD)),
    TRANSFERRIN("transferrin", List.of(Analyte.TRANSFERRIN)),
    CERULOPLASMIN("ceruloplasmin", List.of(Analyte.CERULOPLASMIN)),
    COPPER_ZINC("copper-zinc", List.of(Analyte.COPPER, Analyte.ZINC)),
    VITAMIN_B6("vitamin-b6", List.of(Analyte.VITAMIN_B6)),
    HEMOLYSIS_SCREEN("hemolysis-screen", List.of(Analyte.LDH, Analyte.HAPTOGLOBIN, Analyte.BILIRUBIN_TOTAL)),
    COELIAC_SEROLOGY("coeliac-serology", List.of()),
    HELICOBACTER_TEST("helicobacter-test", List.of()),
    AUTOIMMUNE_GASTRITIS_SEROLOGY("autoimmune-gastritis-serology", List.of()),
    HEMOGLOBIN_FRACTIONATION("hemoglobin-fractionation", List.of(Analyte.HBA2, Analyte.HBF)),
    PARTNER_SCREENING("partner-screening", List.of()),
    HEPCIDIN("hepcidin", List.of(Analyte.HEPCIDIN)),
    PROTOPORPHYRIN_FRACTIONATION(
            "erythrocyte-protoporphyrin-fractionation", List.of(Analyte.ERYTHROCYTE_PROTOPORPHYRIN)),
    PORPHYRIN_ISOMERS("porphyrin-isomers", List.of(Analyte.URINE_PORPHYRINS, Analyte.PLASMA_PORPHYRINS)),
    GI_EVALUATION("gi-evaluation", List.of()),
    LIVER_IRON_MRI("liver-iron-mri", List.of()),
    ALPHA_GLOBIN_GENE_ANALYSIS("alpha-globin-gene-analysis", List.of()),
    HBB_GENE_ANALYSIS("hbb-gene-analysis", List.of()),
    HEMATOLOGY_REFERRAL("hematology-referral", List.of()),
    TMPRSS6_GENE_ANALYSIS("tmprss6-gene-analysis", List.of()),
    IRON_METABOLISM_GENE_PANEL("iron-metabolism-gene-panel", List.of()),
    BONE_MARROW_IRON_STAIN("bone-marrow-iron-stain", List.of());

    private final String code;
    private final List<Analyte> analytes;

    NextTest(String code, List<Analyte> analytes) {
        this.code = code;
        this.analytes = analytes;
    }

    public String code() {
        return code;
    }

    /** The analytes whose results this test returns (for the differential's missing analytes). */
    public List<Analyte> analytes() {
        return analytes;
    }
}

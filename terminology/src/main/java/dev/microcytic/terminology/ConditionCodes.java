package dev.microcytic.terminology;

import static dev.microcytic.terminology.ClinicalFlag.*;

import dev.microcytic.terminology.CodeGroups.CodeRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition code lists: ICD-10-CM rules by category (checked against the ICD-10-CM FY2026 tabular list, NCHS/CMS) and
 * the few SNOMED CT concepts whose id and meaning were confirmed in a public source. Each rule names its source.
 */
final class ConditionCodes {

    private static final String ICD = "ICD-10-CM FY2026 ";

    private ConditionCodes() {}

    static List<CodeRule<ClinicalFlag>> icd10cm() {
        List<CodeRule<ClinicalFlag>> r = new ArrayList<>();
        // Inflammation: tuberculosis of any site (A15-A19), not only respiratory TB; latent TB (Z22.7) is not
        // inflammation.
        prefixes(
                r,
                Set.of(INFLAMMATION),
                ICD + "M05-M06 rheumatoid arthritis, K50-K51 IBD, chapter C neoplasms, M86 osteomyelitis",
                "M05",
                "M06",
                "K50",
                "K51",
                "C",
                "M86");
        prefixes(r, Set.of(INFLAMMATION), ICD + "A15-A19 tuberculosis of any site", "A15", "A16", "A17", "A18", "A19");
        prefixes(r, Set.of(HEART_FAILURE), ICD + "I50 heart failure", "I50");
        // CKD is its own context, not plain inflammation: its anemia is mainly EPO deficiency (KDIGO 2012, kdigo-2012).
        prefixes(r, Set.of(CHRONIC_KIDNEY_DISEASE), ICD + "N18 chronic kidney disease", "N18");
        // Diabetes: the ICD-10-CM block is E08, E09, E10, E11, E13 (there is no E12 in CM).
        prefixes(
                r,
                Set.of(DIABETES),
                ICD + "E08-E13 diabetes mellitus (no E12 in CM)",
                "E08",
                "E09",
                "E10",
                "E11",
                "E13");
        // Curated neurology, not the whole G chapter: migraine, sleep disorders, carpal tunnel or epilepsy plus
        // diabetes or a high ferritin must not suggest aceruloplasminemia.
        prefixes(
                r,
                Set.of(NEUROLOGICAL_DISEASE),
                ICD + "G20-G26 movement, G30-G31 degenerative, F01-F03 dementia, R41.81, H35.5 retinal dystrophy",
                "G20",
                "G21",
                "G22",
                "G23",
                "G24",
                "G25",
                "G26",
                "G30",
                "G31",
                "F01",
                "F02",
                "F03",
                "R41.81",
                "H35.5");
        prefixes(
                r,
                Set.of(ATAXIA),
                ICD + "R27.0 ataxia, R26.0 ataxic gait, G11 hereditary ataxia, G32.81",
                "R27.0",
                "R26.0",
                "G11",
                "G32.81");
        prefixes(
                r,
                Set.of(HEMOLYSIS),
                ICD + "D55 enzyme disorders, D58 other hereditary and D59 acquired hemolytic anemia",
                "D55",
                "D58",
                "D59");
        prefixes(
                r,
                Set.of(BLEEDING),
                ICD + "K92.0-K92.2 GI hemorrhage, N92.0/N92.1/N92.4 and N93 heavy or abnormal uterine bleeding",
                "K92.0",
                "K92.1",
                "K92.2",
                "N92.0",
                "N92.1",
                "N92.4",
                "N93");
        // Malabsorption and refractory-iron causes (BSG 2021, snook-2021; Hershko & Camaschella 2014,
        // hershko-2014); the specific flag travels with the group flag.
        prefixes(r, EnumSet.of(MALABSORPTION, COELIAC_DISEASE), ICD + "K90.0 celiac disease", "K90.0");
        prefixes(r, EnumSet.of(MALABSORPTION, BARIATRIC_SURGERY), ICD + "Z98.84 bariatric surgery status", "Z98.84");
        prefixes(
                r,
                EnumSet.of(MALABSORPTION, AUTOIMMUNE_GASTRITIS),
                ICD + "K29.4 chronic atrophic gastritis, D51.0 pernicious anemia",
                "K29.4",
                "D51.0");
        prefixes(
                r,
                EnumSet.of(MALABSORPTION, HELICOBACTER_PYLORI),
                ICD + "B96.81 H. pylori as the cause of disease",
                "B96.81");
        prefixes(
                r,
                Set.of(MALABSORPTION),
                ICD + "K91.2 postsurgical malabsorption, Z90.3 acquired absence of stomach",
                "K91.2",
                "Z90.3");
        prefixes(r, Set.of(ALCOHOL_USE_DISORDER), ICD + "F10 alcohol related disorders", "F10");
        // Remission codes: abuse, dependence and unspecified use "in remission" mean no current exposure.
        exact(
                r,
                Set.of(ALCOHOL_USE_DISORDER_IN_REMISSION),
                ICD + "F10.11, F10.21, F10.91 (in remission)",
                "F10.11",
                "F10.21",
                "F10.91");
        // Hypogonadism is a weak hint at STEAP3 deficiency (Grandchamp et al. 2011, grandchamp-2011).
        prefixes(
                r,
                Set.of(HYPOGONADISM),
                ICD + "E23.0 hypopituitarism, E29.1 testicular and E28.3 primary ovarian failure, E89.4/E89.5",
                "E23.0",
                "E29.1",
                "E28.3",
                "E89.4",
                "E89.5");
        // Megaloblastic anemia raises HbA2 (Sahoo et al. 2023, doi:10.4103/ijpm.ijpm_233_21, sahoo-2023): D51 vitamin
        // B12 and D52 folate deficiency anemia.
        prefixes(
                r,
                Set.of(B12_FOLATE_DEFICIENCY),
                ICD + "D51 vitamin B12 deficiency anemia, D52 folate deficiency anemia",
                "D51",
                "D52");
        // Known diagnoses the service explains rather than re-diagnoses: a coded diagnosis already explains the
        // indices.
        prefixes(r, Set.of(KNOWN_IRON_DEFICIENCY_ANEMIA), ICD + "D50 iron deficiency anemia", "D50");
        prefixes(r, Set.of(KNOWN_THALASSEMIA), ICD + "D56 thalassemia", "D56");
        prefixes(r, Set.of(KNOWN_SICKLE_CELL_DISORDER), ICD + "D57 sickle-cell disorders", "D57");
        prefixes(r, Set.of(KNOWN_HEMOGLOBINOPATHY), ICD + "D58.2 other hemoglobinopathies", "D58.2");
        prefixes(
                r,
                EnumSet.of(KNOWN_ANEMIA_OF_CHRONIC_DISEASE, CHRONIC_KIDNEY_DISEASE),
                ICD + "D63.1 anemia in chronic kidney disease",
                "D63.1");
        prefixes(r, Set.of(KNOWN_ANEMIA_OF_CHRONIC_DISEASE), ICD + "D63.8 anemia in other chronic diseases", "D63.8");
        // D64.0 is hereditary; D64.1 (due to disease) and D64.2 (due to drugs and toxins) are secondary, so acquired;
        // D64.3 (other, including NOS) says neither.
        prefixes(
                r,
                EnumSet.of(KNOWN_SIDEROBLASTIC_ANEMIA, KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA),
                ICD + "D64.0 hereditary sideroblastic anemia",
                "D64.0");
        prefixes(
                r,
                EnumSet.of(KNOWN_SIDEROBLASTIC_ANEMIA, KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA),
                ICD + "D64.1 secondary sideroblastic anemia due to disease, D64.2 due to drugs and toxins",
                "D64.1",
                "D64.2");
        prefixes(r, Set.of(KNOWN_SIDEROBLASTIC_ANEMIA), ICD + "D64.3 other sideroblastic anemias", "D64.3");
        prefixes(r, Set.of(KNOWN_PORPHYRIA), ICD + "E80.0 hereditary erythropoietic porphyria", "E80.0");
        prefixes(r, Set.of(KNOWN_IRON_METABOLISM_DISORDER), ICD + "E83.1 disorders of iron metabolism", "E83.1");
        prefixes(r, Set.of(KNOWN_LEAD_EXPOSURE), ICD + "T56.0 toxic effect of lead", "T56.0");
        return CodeGroups.freeze(r);
    }

    /**
     * SNOMED CT concepts (International Edition) whose id and meaning were found in public value sets or a national
     * terminology server, Verhoeff check digit valid; exact match only (descendants need a terminology server).
     */
    static Map<String, Set<ClinicalFlag>> snomed() {
        Map<String, Set<ClinicalFlag>> m = new LinkedHashMap<>();
        m.put("87522002", Set.of(KNOWN_IRON_DEFICIENCY_ANEMIA));
        m.put("234347009", Set.of(KNOWN_ANEMIA_OF_CHRONIC_DISEASE));
        m.put("722005000", EnumSet.of(KNOWN_IRON_DEFICIENCY_ANEMIA, KNOWN_IRON_METABOLISM_DISORDER));
        m.put("65959000", Set.of(KNOWN_THALASSEMIA));
        m.put("68913001", Set.of(KNOWN_THALASSEMIA));
        m.put("709044004", Set.of(CHRONIC_KIDNEY_DISEASE));
        m.put("34000006", Set.of(INFLAMMATION));
        m.put("69896004", Set.of(INFLAMMATION));
        return CodeGroups.freeze(m);
    }

    private static void prefixes(
            List<CodeRule<ClinicalFlag>> rules, Set<ClinicalFlag> flags, String source, String... codes) {
        for (String code : codes) {
            rules.add(new CodeRule<>(code, true, flags, source));
        }
    }

    private static void exact(
            List<CodeRule<ClinicalFlag>> rules, Set<ClinicalFlag> flags, String source, String... codes) {
        for (String code : codes) {
            rules.add(new CodeRule<>(code, false, flags, source));
        }
    }
}

package dev.microcytic.terminology;

import static dev.microcytic.terminology.ClinicalFlag.*;

import dev.microcytic.terminology.CodeGroups.CodeRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Condition code lists of contract §3.3 with the corrections of brief review C1-C11 (ICD-10-CM) and brief §4.2. */
final class ConditionCodes {

    private static final String CONTRACT = "contract §3.3";

    private ConditionCodes() {}

    static List<CodeRule<ClinicalFlag>> icd10cm() {
        List<CodeRule<ClinicalFlag>> r = new ArrayList<>();
        // Inflammation (review C4: A15-A19, not only respiratory TB).
        prefixes(r, Set.of(INFLAMMATION), CONTRACT, "M05", "M06", "K50", "K51", "C", "M86");
        prefixes(r, Set.of(INFLAMMATION), "contract §3.3, review C4", "A15", "A16", "A17", "A18", "A19");
        prefixes(r, Set.of(HEART_FAILURE), CONTRACT, "I50");
        // CKD is its own context, not plain inflammation (review C3).
        prefixes(r, Set.of(CHRONIC_KIDNEY_DISEASE), "contract §3.3, review C3", "N18");
        // Diabetes: the ICD-10-CM block is E08, E09, E10, E11, E13 (review C1; there is no E12 in CM).
        prefixes(r, Set.of(DIABETES), "contract §3.3, review C1", "E08", "E09", "E10", "E11", "E13");
        // Curated neurology, not the whole G chapter (review C2).
        prefixes(
                r,
                Set.of(NEUROLOGICAL_DISEASE),
                "contract §3.3, review C2",
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
        prefixes(r, Set.of(ATAXIA), "contract §3.3, review C2/C11", "R27.0", "R26.0", "G11", "G32.81");
        prefixes(r, Set.of(HEMOLYSIS), "contract §3.3, review C5", "D55", "D58", "D59");
        prefixes(
                r,
                Set.of(BLEEDING),
                "contract §3.3, review C6",
                "K92.0",
                "K92.1",
                "K92.2",
                "N92.0",
                "N92.1",
                "N92.4",
                "N93");
        // Malabsorption and refractory-iron causes (review C7); the specific flag travels with the group flag.
        prefixes(r, EnumSet.of(MALABSORPTION, COELIAC_DISEASE), "contract §3.3, review C7", "K90.0");
        prefixes(r, EnumSet.of(MALABSORPTION, BARIATRIC_SURGERY), "contract §3.3, review C7", "Z98.84");
        prefixes(r, EnumSet.of(MALABSORPTION, AUTOIMMUNE_GASTRITIS), "contract §3.3, review C7", "K29.4", "D51.0");
        prefixes(r, EnumSet.of(MALABSORPTION, HELICOBACTER_PYLORI), "contract §3.3, review C7", "B96.81");
        prefixes(r, Set.of(MALABSORPTION), "contract §3.3, review C7", "K91.2", "Z90.3");
        prefixes(r, Set.of(ALCOHOL_USE_DISORDER), "contract §3.3", "F10");
        // Remission codes (review C8): abuse, dependence and unspecified use "in remission".
        exact(r, Set.of(ALCOHOL_USE_DISORDER_IN_REMISSION), "review C8", "F10.11", "F10.21", "F10.91");
        prefixes(r, Set.of(HYPOGONADISM), "contract §3.3, review C9", "E23.0", "E29.1", "E28.3", "E89.4", "E89.5");
        // Known diagnoses the service explains rather than re-diagnoses (review C5, K14).
        prefixes(r, Set.of(KNOWN_IRON_DEFICIENCY_ANEMIA), "contract §3.3, review C5", "D50");
        prefixes(r, Set.of(KNOWN_THALASSEMIA), "contract §3.3, review C5", "D56");
        prefixes(r, Set.of(KNOWN_SICKLE_CELL_DISORDER), "contract §3.3, review C5", "D57");
        prefixes(r, Set.of(KNOWN_HEMOGLOBINOPATHY), "contract §3.3, review C5", "D58.2");
        prefixes(
                r,
                EnumSet.of(KNOWN_ANEMIA_OF_CHRONIC_DISEASE, CHRONIC_KIDNEY_DISEASE),
                "contract §3.3; D63.1 is anemia in CKD (brief §4.2)",
                "D63.1");
        prefixes(r, Set.of(KNOWN_ANEMIA_OF_CHRONIC_DISEASE), "brief §4.2 (confirmed public mapping)", "D63.8");
        prefixes(
                r, Set.of(KNOWN_SIDEROBLASTIC_ANEMIA), "contract §3.3, brief §4.2", "D64.0", "D64.1", "D64.2", "D64.3");
        prefixes(r, Set.of(KNOWN_PORPHYRIA), "contract §3.3, review C5", "E80.0");
        prefixes(r, Set.of(KNOWN_IRON_METABOLISM_DISORDER), "contract §3.3, review C5", "E83.1");
        prefixes(r, Set.of(KNOWN_LEAD_EXPOSURE), "contract §3.3, review C5", "T56.0");
        return CodeGroups.freeze(r);
    }

    /** SNOMED CT concepts confirmed in brief §4.2 only (exact match; descendants need a terminology server). */
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

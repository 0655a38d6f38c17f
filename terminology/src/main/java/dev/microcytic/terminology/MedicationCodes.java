package dev.microcytic.terminology;

import static dev.microcytic.terminology.MedicationClass.*;

import dev.microcytic.terminology.CodeGroups.CodeRule;
import dev.microcytic.terminology.CodeGroups.RxNormIngredient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Medication code lists of contract §3.3 with brief review C13-C17: ATC prefixes, a curated offline RxNorm table, and
 * the display-text fallback.
 */
final class MedicationCodes {

    private static final String CONTRACT = "contract §3.3";
    private static final String CPIC = "cpicpgx/cpic-schema drug table (RxNorm ingredient with its ATC code)";

    /** Route words that make a chloramphenicol product non-systemic (review C15). */
    private static final List<String> LOCAL_ROUTES = List.of(
            "ophthalmic", "otic", "topical", "eye", "ear ", "ear drop", "cream", "ointment", "vaginal", "cutaneous");

    /** Words that identify parenteral iron in a display text. */
    private static final List<String> IV_IRON_WORDS = List.of(
            "iron sucrose",
            "ferric carboxymaltose",
            "ferumoxytol",
            "iron dextran",
            "ferric derisomaltose",
            "iron isomaltoside",
            "sodium ferric gluconate",
            "ferric gluconate",
            "ferric pyrophosphate citrate");

    private static final List<String> PARENTERAL_WORDS =
            List.of("injection", "injectable", "intravenous", "infusion", " iv ", "parenteral");

    private MedicationCodes() {}

    static List<CodeRule<MedicationClass>> atc() {
        List<CodeRule<MedicationClass>> r = new ArrayList<>();
        // B03A is all iron; B03AC is parenteral (review C13).
        prefixes(r, ORAL_IRON, "contract §3.3, review C13", "B03AA", "B03AB", "B03AD", "B03AE");
        prefixes(r, IV_IRON, "contract §3.3, review C13", "B03AC");
        exact(r, ISONIAZID, "contract §3.3, review C14", "J04AC01", "J04AM02", "J04AM05", "J04AM06");
        exact(r, LINEZOLID, CONTRACT, "J01XX08");
        // Systemic chloramphenicol only; S01AA01 and D06AX02 (eye, skin) are deliberately absent (review C15).
        exact(r, CHLORAMPHENICOL, "contract §3.3, review C15", "J01BA01");
        exact(r, PYRIDOXINE, "contract §3.3, review C16", "A11HA02");
        prefixes(r, ZINC, "contract §3.3, review C16", "A12CB");
        prefixes(r, ERYTHROPOIESIS_STIMULATING_AGENT, "contract §3.3, review C17", "B03XA");
        prefixes(r, PROTON_PUMP_INHIBITOR, "contract §3.3, review C17", "A02BC");
        exact(r, HYDROXYUREA, "contract §3.3, review C17", "L01XX05");
        prefixes(r, IRON_CHELATOR, "contract §3.3, review C17", "V03AC");
        return Collections.unmodifiableList(r);
    }

    /**
     * The curated RxNorm table: ingredient codes only where a public source confirms them. RxNorm products (SCD/SBD)
     * are listed only where verified; unknown products fall back to the display text (contract §3.3).
     */
    static Map<String, RxNormIngredient> rxnorm() {
        Map<String, RxNormIngredient> m = new LinkedHashMap<>();
        add(m, "6038", "isoniazid", ISONIAZID, "contract §3.3, review C15; " + CPIC + " J04AC01");
        add(m, "190376", "linezolid", LINEZOLID, "contract §3.3, review C15");
        add(
                m,
                "1662285",
                "linezolid 2 MG/ML Injectable Solution (product, rolled up to linezolid)",
                LINEZOLID,
                "review C15 (openFDA linezolid 2 mg/mL bag)");
        add(m, "2348", "chloramphenicol", CHLORAMPHENICOL, "contract §3.3, review C15; " + CPIC);
        add(m, "7646", "omeprazole", PROTON_PUMP_INHIBITOR, CPIC + " A02BC01");
        add(m, "40790", "pantoprazole", PROTON_PUMP_INHIBITOR, CPIC + " A02BC02");
        add(m, "17128", "lansoprazole", PROTON_PUMP_INHIBITOR, CPIC + " A02BC03");
        add(m, "114979", "rabeprazole", PROTON_PUMP_INHIBITOR, CPIC + " A02BC04");
        add(m, "283742", "esomeprazole", PROTON_PUMP_INHIBITOR, CPIC + " A02BC05");
        add(m, "24947", "ferrous sulfate", ORAL_IRON, "single public RxNav fixture (ferrous sulfate = 24947)");
        return Collections.unmodifiableMap(m);
    }

    /**
     * Last resort for codes the tables do not know: ingredient names in the display text. Local routes exclude
     * chloramphenicol; parenteral iron words or a parenteral route make iron IV.
     */
    static Set<MedicationClass> fromDisplay(String display) {
        if (display == null || display.isBlank()) {
            return Set.of();
        }
        String text = " " + display.toLowerCase(Locale.ROOT).replace('-', ' ') + " ";
        EnumSet<MedicationClass> classes = EnumSet.noneOf(MedicationClass.class);
        if (text.contains("isoniazid")
                || text.contains("isonicotinyl")
                || text.contains("rifamate")
                || text.contains("rifater")) {
            classes.add(ISONIAZID);
        }
        if (text.contains("linezolid")) {
            classes.add(LINEZOLID);
        }
        if (text.contains("chloramphenicol") && LOCAL_ROUTES.stream().noneMatch(text::contains)) {
            classes.add(CHLORAMPHENICOL);
        }
        if (text.contains("pyridoxine") || text.contains("vitamin b6")) {
            classes.add(PYRIDOXINE);
        }
        if (text.contains("zinc") && !text.contains("zinc oxide")) {
            classes.add(ZINC);
        }
        if (text.contains("epoetin") || text.contains("darbepoetin") || text.contains("methoxy polyethylene glycol")) {
            classes.add(ERYTHROPOIESIS_STIMULATING_AGENT);
        }
        if (text.contains("prazole")) {
            classes.add(PROTON_PUMP_INHIBITOR);
        }
        if (text.contains("hydroxyurea") || text.contains("hydroxycarbamide")) {
            classes.add(HYDROXYUREA);
        }
        if (text.contains("deferasirox")
                || text.contains("deferoxamine")
                || text.contains("desferrioxamine")
                || text.contains("deferiprone")) {
            classes.add(IRON_CHELATOR);
        }
        boolean iron = text.contains("ferrous")
                || text.contains("ferric")
                || text.contains(" iron ")
                || IV_IRON_WORDS.stream().anyMatch(text::contains);
        if (iron && !classes.contains(IRON_CHELATOR)) {
            boolean parenteral = IV_IRON_WORDS.stream().anyMatch(text::contains)
                    || PARENTERAL_WORDS.stream().anyMatch(text::contains);
            classes.add(parenteral ? IV_IRON : ORAL_IRON);
        }
        return Collections.unmodifiableSet(classes);
    }

    private static void add(
            Map<String, RxNormIngredient> m, String rxcui, String name, MedicationClass cls, String source) {
        m.put(rxcui, new RxNormIngredient(rxcui, name, Set.of(cls), source));
    }

    private static void prefixes(
            List<CodeRule<MedicationClass>> rules, MedicationClass cls, String source, String... codes) {
        for (String code : codes) {
            rules.add(new CodeRule<>(code, true, Set.of(cls), source));
        }
    }

    private static void exact(
            List<CodeRule<MedicationClass>> rules, MedicationClass cls, String source, String... codes) {
        for (String code : codes) {
            rules.add(new CodeRule<>(code, false, Set.of(cls), source));
        }
    }
}

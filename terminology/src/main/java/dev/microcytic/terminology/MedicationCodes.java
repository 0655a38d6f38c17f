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
 * Medication code lists: ATC groups and substances (WHO Collaborating Centre, ATC/DDD Index 2025), a curated offline
 * RxNorm table, and the display-text fallback. Each rule names its source.
 */
final class MedicationCodes {

    private static final String ATC_INDEX = "WHO ATC/DDD Index 2025 ";
    private static final String CPIC = "cpicpgx/cpic-schema drug table (RxNorm ingredient with its ATC code)";

    /** Route words that make a chloramphenicol product non-systemic (only systemic use affects the marrow). */
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
        // B03A is all iron; B03AC is parenteral iron, which raises ferritin and TSAT for weeks: a class of its own.
        prefixes(r, ORAL_IRON, ATC_INDEX + "B03AA, B03AB, B03AD, B03AE oral iron", "B03AA", "B03AB", "B03AD", "B03AE");
        prefixes(r, IV_IRON, ATC_INDEX + "B03AC iron, parenteral preparations", "B03AC");
        exact(
                r,
                ISONIAZID,
                ATC_INDEX + "J04AC01 isoniazid, J04AM02/05/06 combinations with it",
                "J04AC01",
                "J04AM02",
                "J04AM05",
                "J04AM06");
        exact(r, LINEZOLID, ATC_INDEX + "J01XX08 linezolid", "J01XX08");
        // Systemic chloramphenicol only; S01AA01 and D06AX02 (eye, skin) are deliberately absent: topical use does
        // not reach the marrow.
        exact(r, CHLORAMPHENICOL, ATC_INDEX + "J01BA01 chloramphenicol (systemic)", "J01BA01");
        exact(r, PYRIDOXINE, ATC_INDEX + "A11HA02 pyridoxine", "A11HA02");
        prefixes(r, ZINC, ATC_INDEX + "A12CB zinc", "A12CB");
        prefixes(
                r, ERYTHROPOIESIS_STIMULATING_AGENT, ATC_INDEX + "B03XA other antianemic preparations (ESAs)", "B03XA");
        prefixes(r, PROTON_PUMP_INHIBITOR, ATC_INDEX + "A02BC proton pump inhibitors", "A02BC");
        exact(r, HYDROXYUREA, ATC_INDEX + "L01XX05 hydroxycarbamide", "L01XX05");
        prefixes(r, IRON_CHELATOR, ATC_INDEX + "V03AC iron chelating agents", "V03AC");
        return Collections.unmodifiableList(r);
    }

    /**
     * The curated RxNorm table: ingredient codes only where a public source confirms them. RxNorm products (SCD/SBD)
     * are listed only where verified; unknown products fall back to the display text, because a MedicationRequest
     * usually carries a product code that no offline table can hold in full.
     */
    static Map<String, RxNormIngredient> rxnorm() {
        Map<String, RxNormIngredient> m = new LinkedHashMap<>();
        add(m, "6038", "isoniazid", ISONIAZID, "RxNorm ingredient (TTY IN); " + CPIC + " J04AC01");
        add(m, "190376", "linezolid", LINEZOLID, "RxNorm ingredient (TTY IN)");
        add(
                m,
                "1662285",
                "linezolid 2 MG/ML Injectable Solution (product, rolled up to linezolid)",
                LINEZOLID,
                "openFDA label of linezolid 2 mg/mL injection bag (RxCUI 1662285)");
        add(m, "2348", "chloramphenicol", CHLORAMPHENICOL, "RxNorm ingredient (TTY IN); " + CPIC);
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

package dev.microcytic.terminology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coded inputs of the service grouped by meaning: Conditions to {@link ClinicalFlag}s, pregnancy codes to a
 * {@link Pregnancy} (with trimester where the code carries it), medications to {@link MedicationClass}es and red-cell
 * transfusion procedures (ICD-10-PCS, SNOMED CT, CPT). Each code-list rule names its source (ICD-10-CM FY2026, WHO
 * ATC/DDD Index 2025, RxNorm);
 * SNOMED CT codes are listed only where a public source confirmed them, and are matched exactly (no subsumption
 * offline).
 *
 * <p>ICD-10-CM codes are compared without the dot and case-insensitively ("D56.3", "d563" and "D563" are the same), a
 * rule matching a code and all its descendants by prefix.
 */
public final class CodeGroups {

    public static final String ICD10CM = Vocabulary.ICD10CM;
    public static final String SNOMED = Vocabulary.SNOMED;
    public static final String ATC = Vocabulary.ATC;
    public static final String RXNORM = Vocabulary.RXNORM;
    public static final String ICD10PCS = Vocabulary.ICD10PCS;
    public static final String CPT = Vocabulary.CPT;

    /**
     * SNOMED CT red-cell transfusion procedures, matched exactly: 116863004 in the HL7 QI-Core and US hospital-reporting
     * examples and in public transfusion value sets, 71493000 in two public transfusion code lists.
     */
    private static final Map<String, String> SNOMED_TRANSFUSIONS = orderedMap(
            "116863004", "Transfusion of red blood cells",
            "71493000", "Transfusion of packed red blood cells");

    /**
     * CPT transfusion codes from the HL7 ICSR transfusion procedure value set (TransfusionProcedureCodeVS, STU 1).
     * 36430 covers any blood component: it is read as a red-cell transfusion, which only withholds interpretation.
     * CPT is copyright of the American Medical Association; only these codes and their short titles are listed, and no
     * CPT CodeSystem is shipped.
     */
    private static final Map<String, String> CPT_TRANSFUSIONS = orderedMap(
            "36430", "Transfusion, blood or blood components",
            "36440", "Push transfusion, blood",
            "36450", "Exchange transfusion, blood; newborn",
            "36455", "Exchange transfusion, blood; other than newborn");
    /** Product CodeSystem holding the own finding code {@code photosensitivity} (no verified standard code exists). */
    public static final String MICROCYTIC_CDS = Vocabulary.CDS_SYSTEM;

    /** LOINC 82810-3 "Pregnancy status" Observation code (loinc.org). */
    public static final String PREGNANCY_STATUS_LOINC = Vocabulary.PREGNANCY_STATUS_LOINC;

    private static final CodeGroups STANDARD = new CodeGroups();

    private final List<CodeRule<ClinicalFlag>> conditionRules = ConditionCodes.icd10cm();
    private final Map<String, Set<ClinicalFlag>> snomedConditions = ConditionCodes.snomed();
    private final List<CodeRule<MedicationClass>> atcRules = MedicationCodes.atc();
    private final Map<String, RxNormIngredient> rxnorm = MedicationCodes.rxnorm();

    private CodeGroups() {}

    public static CodeGroups standard() {
        return STANDARD;
    }

    /** The clinical flags a Condition code raises (empty for codes outside every group or unknown systems). */
    public Set<ClinicalFlag> conditionFlags(String system, String code) {
        if (system == null || code == null) {
            return Set.of();
        }
        if (ICD10CM.equals(system)) {
            String normalized = icd(code);
            EnumSet<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
            for (CodeRule<ClinicalFlag> rule : conditionRules) {
                if (rule.matches(normalized)) {
                    flags.addAll(rule.targets());
                }
            }
            if (flags.contains(ClinicalFlag.ALCOHOL_USE_DISORDER_IN_REMISSION)) {
                // Remission means no current exposure: only the weaker flag.
                flags.remove(ClinicalFlag.ALCOHOL_USE_DISORDER);
            }
            return Collections.unmodifiableSet(flags);
        }
        if (SNOMED.equals(system)) {
            return snomedConditions.getOrDefault(code.trim(), Set.of());
        }
        if (MICROCYTIC_CDS.equals(system) && "photosensitivity".equals(code.trim())) {
            return Set.of(ClinicalFlag.PHOTOSENSITIVITY);
        }
        return Set.of();
    }

    /**
     * Pregnancy evidence carried by a Condition code (ICD-10-CM FY2026: Z33.1, Z33.3, Z34, O09, Z3A and O codes with a
     * trimester character). Empty when the code says nothing about a current pregnancy (including abortive-outcome and
     * puerperal codes). The caller bounds the evidence in time.
     */
    public Optional<Pregnancy> pregnancyFromCondition(String system, String code) {
        if (!ICD10CM.equals(system) || code == null) {
            return Optional.empty();
        }
        return PregnancyCodes.pregnancy(icd(code));
    }

    /**
     * The pregnancy status an answer to the LOINC {@value #PREGNANCY_STATUS_LOINC} Observation gives (its answer list
     * in public value sets): SNOMED CT 77386006 pregnant, 60001007 not pregnant (overrides older pregnancy evidence),
     * 261665006 unknown. Empty for other answers.
     */
    public Optional<Pregnancy> pregnancyFromStatusAnswer(String system, String code) {
        if (!SNOMED.equals(system) || code == null) {
            return Optional.empty();
        }
        return switch (code.trim()) {
            case Vocabulary.SNOMED_PREGNANT -> Optional.of(Pregnancy.PREGNANT_TRIMESTER_UNKNOWN);
            case Vocabulary.SNOMED_NOT_PREGNANT -> Optional.of(Pregnancy.NOT_PREGNANT);
            case "261665006" -> Optional.of(Pregnancy.UNKNOWN);
            default -> Optional.empty();
        };
    }

    /**
     * The medication classes of a coded medication: ATC by prefix, RxNorm through the curated ingredient table
     * (ingredients and the products rolled up to them), then the display text as a last resort for codes the table
     * does not know. Topical, ophthalmic and otic chloramphenicol never count.
     */
    public Set<MedicationClass> medicationClasses(String system, String code, String display) {
        String trimmed = code == null ? null : code.trim();
        if (ATC.equals(system) && trimmed != null && !trimmed.isEmpty()) {
            String atc = trimmed.toUpperCase(Locale.ROOT);
            EnumSet<MedicationClass> classes = EnumSet.noneOf(MedicationClass.class);
            for (CodeRule<MedicationClass> rule : atcRules) {
                if (rule.matches(atc)) {
                    classes.addAll(rule.targets());
                }
            }
            return Collections.unmodifiableSet(classes);
        }
        if (RXNORM.equals(system) && trimmed != null) {
            RxNormIngredient known = rxnorm.get(trimmed);
            if (known != null) {
                return known.classes();
            }
        }
        return MedicationCodes.fromDisplay(display);
    }

    /**
     * True for a red-cell (or whole-blood) transfusion code: ICD-10-PCS FY2026 table 302 with substance H, N or P, the
     * listed SNOMED CT procedures, or the listed CPT codes.
     */
    public boolean isRedCellTransfusion(String system, String code) {
        if (code == null) {
            return false;
        }
        if (SNOMED.equals(system)) {
            return SNOMED_TRANSFUSIONS.containsKey(code.trim());
        }
        if (CPT.equals(system)) {
            return CPT_TRANSFUSIONS.containsKey(code.trim());
        }
        if (!ICD10PCS.equals(system)) {
            return false;
        }
        String pcs = code.trim().toUpperCase(Locale.ROOT);
        if (!pcs.startsWith("302")) {
            return false;
        }
        if (pcs.length() < 7) {
            // An incomplete 302 code still says "transfusion": treat it as one, which suppresses interpretation.
            return true;
        }
        // 6th character = substance: H whole blood, N red blood cells, P frozen red cells (ICD-10-PCS table 302).
        char substance = pcs.charAt(5);
        return substance == 'H' || substance == 'N' || substance == 'P';
    }

    /** The SNOMED CT red-cell transfusion procedures, code to preferred term (for the FHIR ValueSet). */
    public Map<String, String> snomedTransfusions() {
        return SNOMED_TRANSFUSIONS;
    }

    /** The CPT transfusion codes, code to short title (for the FHIR ValueSet). */
    public Map<String, String> cptTransfusions() {
        return CPT_TRANSFUSIONS;
    }

    private static Map<String, String> orderedMap(String... codeAndName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codeAndName.length; i += 2) {
            map.put(codeAndName[i], codeAndName[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The condition rules (for the FHIR ValueSets and documentation). */
    public List<CodeRule<ClinicalFlag>> conditionRules() {
        return conditionRules;
    }

    /** The verified SNOMED CT condition codes. */
    public Map<String, Set<ClinicalFlag>> snomedConditions() {
        return snomedConditions;
    }

    /** The ATC rules. */
    public List<CodeRule<MedicationClass>> atcRules() {
        return atcRules;
    }

    /** The curated RxNorm table (ingredients and products). */
    public Map<String, RxNormIngredient> rxnormTable() {
        return rxnorm;
    }

    static String icd(String code) {
        return code.trim().replace(".", "").toUpperCase(Locale.ROOT);
    }

    /**
     * One code-list rule: a code (exact, or with all descendants when {@code prefix}) and the groups it raises.
     *
     * @param code as written in the code system, with the dot (e.g. "D56.3", "Z3A")
     * @param prefix true for "code*" rules
     */
    public record CodeRule<T extends Enum<T>>(String code, boolean prefix, Set<T> targets, String source) {

        public CodeRule {
            targets = Set.copyOf(targets);
        }

        boolean matches(String normalized) {
            String own = icd(code);
            return prefix ? normalized.startsWith(own) : normalized.equals(own);
        }
    }

    /**
     * One row of the curated RxNorm table.
     *
     * @param rxcui the RxNorm concept (an ingredient, or a product rolled up to its ingredients)
     * @param name the RxNorm name
     * @param classes the medication classes
     * @param source where the code was verified
     */
    public record RxNormIngredient(String rxcui, String name, Set<MedicationClass> classes, String source) {
        public RxNormIngredient {
            classes = Set.copyOf(classes);
        }
    }

    static <T extends Enum<T>> Map<String, Set<T>> freeze(Map<String, Set<T>> map) {
        Map<String, Set<T>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    static <T extends Enum<T>> List<CodeRule<T>> freeze(List<CodeRule<T>> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}

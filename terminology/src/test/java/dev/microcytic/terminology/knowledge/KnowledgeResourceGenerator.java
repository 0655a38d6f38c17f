package dev.microcytic.terminology.knowledge;

import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.CodeGroups;
import dev.microcytic.terminology.CodeGroups.CodeRule;
import dev.microcytic.terminology.CodeGroups.RxNormIngredient;
import dev.microcytic.terminology.LabConcept;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.MedicationClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.FilterOperator;

/**
 * Builds the FHIR ValueSets of the knowledge package from the Java code tables ({@link LabConcepts},
 * {@link CodeGroups}), so the tables stay the single source: {@code KnowledgeResourcesAreCurrentTest} fails when a
 * file differs from what this generates and rewrites the files with {@code -Dmicrocytic.knowledge.write=true}.
 */
final class KnowledgeResourceGenerator {

    static final String BASE = "https://fhir.microcytic.dev/ValueSet/";
    private static final String ATC_SYSTEM = CodeGroups.ATC;

    private final String version;
    private final String date;

    KnowledgeResourceGenerator(String version, String date) {
        this.version = version;
        this.date = date;
    }

    /** File name (relative to the package root) to ValueSet. */
    Map<String, ValueSet> valueSets() {
        Map<String, ValueSet> sets = new LinkedHashMap<>();
        add(sets, labCodes());
        add(sets, allCodes("microcytic-cause", "Microcytic anemia causes", KnowledgePackage.CAUSE_SYSTEM));
        add(sets, allCodes("microcytic-test", "Microcytic anemia next tests", KnowledgePackage.TEST_SYSTEM));
        for (ClinicalFlag flag : ClinicalFlag.values()) {
            add(sets, condition(flag));
        }
        for (MedicationClass cls : MedicationClass.values()) {
            add(sets, medication(cls));
        }
        add(sets, pregnancy());
        add(sets, transfusion());
        return sets;
    }

    private static void add(Map<String, ValueSet> sets, ValueSet set) {
        sets.put("fhir/ValueSet-" + set.getId() + ".json", set);
    }

    private ValueSet base(String id, String title, String description) {
        ValueSet set = new ValueSet();
        set.setId(id);
        set.setUrl(BASE + id);
        set.setVersion(version);
        set.setName(name(id));
        set.setTitle(title);
        set.setStatus(PublicationStatus.ACTIVE);
        set.setExperimental(false);
        set.setDateElement(new DateTimeType(date));
        set.setPublisher("microcytic-cds");
        set.setDescription(description);
        return set;
    }

    private ValueSet labCodes() {
        ValueSet set = base(
                "microcytic-lab-codes",
                "Microcytic anemia lab codes",
                "Every LOINC code the microcytic-cds service reads; mass and molar codes of one analyte are both"
                        + " listed. Generated from LabConcepts.");
        ConceptSetComponent include = set.getCompose().addInclude().setSystem(LabConcepts.LOINC);
        for (LabConcept concept : LabConcepts.standard().concepts()) {
            include.addConcept().setCode(concept.loinc()).setDisplay(concept.display());
        }
        return set;
    }

    private ValueSet allCodes(String id, String title, String system) {
        ValueSet set = base(id, title, "All codes of " + system + ".");
        set.getCompose().addInclude().setSystem(system);
        return set;
    }

    private ValueSet condition(ClinicalFlag flag) {
        String id = "microcytic-condition-" + kebab(flag.name());
        List<CodeRule<ClinicalFlag>> rules = new ArrayList<>();
        for (CodeRule<ClinicalFlag> rule : CodeGroups.standard().conditionRules()) {
            if (rule.targets().contains(flag)) {
                rules.add(rule);
            }
        }
        ValueSet set = base(
                id,
                "Conditions: " + flag.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                "Condition codes that raise " + flag + ". ICD-10-CM groups are is-a filters on the category (the"
                        + " 'C' chapter as a regex) and expand on the ICD-10-CM fragment this package ships; the"
                        + " service applies the same rules to every ICD-10-CM code by prefix. SNOMED CT codes are"
                        + " listed one by one and matched exactly. Generated from CodeGroups.");
        ConceptSetComponent exact = null;
        for (CodeRule<ClinicalFlag> rule : rules) {
            if (rule.prefix()) {
                ConceptSetComponent include = set.getCompose().addInclude().setSystem(CodeGroups.ICD10CM);
                if (rule.code().length() == 1) {
                    include.addFilter()
                            .setProperty("code")
                            .setOp(FilterOperator.REGEX)
                            .setValue(rule.code() + ".*");
                } else {
                    include.addFilter()
                            .setProperty("concept")
                            .setOp(FilterOperator.ISA)
                            .setValue(rule.code());
                }
            } else {
                if (exact == null) {
                    exact = set.getCompose().addInclude().setSystem(CodeGroups.ICD10CM);
                }
                exact.addConcept().setCode(rule.code());
            }
        }
        ConceptSetComponent snomed = null;
        for (Map.Entry<String, Set<ClinicalFlag>> entry :
                CodeGroups.standard().snomedConditions().entrySet()) {
            if (entry.getValue().contains(flag)) {
                if (snomed == null) {
                    snomed = set.getCompose().addInclude().setSystem(CodeGroups.SNOMED);
                }
                snomed.addConcept().setCode(entry.getKey());
            }
        }
        if (flag == ClinicalFlag.PHOTOSENSITIVITY) {
            set.getCompose()
                    .addInclude()
                    .setSystem(KnowledgePackage.CDS_SYSTEM)
                    .addConcept()
                    .setCode("photosensitivity")
                    .setDisplay("Photosensitivity");
        }
        if (flag == ClinicalFlag.ALCOHOL_USE_DISORDER) {
            ConceptSetComponent remission = set.getCompose().addExclude().setSystem(CodeGroups.ICD10CM);
            for (CodeRule<ClinicalFlag> rule : CodeGroups.standard().conditionRules()) {
                if (rule.targets().contains(ClinicalFlag.ALCOHOL_USE_DISORDER_IN_REMISSION)) {
                    remission.addConcept().setCode(rule.code());
                }
            }
        }
        return set;
    }

    private ValueSet medication(MedicationClass cls) {
        String id = "microcytic-medication-" + kebab(cls.name());
        ValueSet set = base(
                id,
                "Medications: " + cls.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                "Medication codes of " + cls + ": ATC groups as is-a filters (they expand on the ATC fragment this"
                        + " package ships; the service applies them to every ATC code by prefix) and the curated RxNorm"
                        + " ingredients/products. RxNorm products not in the table are rolled up by the service from"
                        + " their display text. Generated from CodeGroups.");
        ConceptSetComponent exactAtc = null;
        for (CodeRule<MedicationClass> rule : CodeGroups.standard().atcRules()) {
            if (!rule.targets().contains(cls)) {
                continue;
            }
            if (rule.prefix()) {
                set.getCompose()
                        .addInclude()
                        .setSystem(ATC_SYSTEM)
                        .addFilter()
                        .setProperty("concept")
                        .setOp(FilterOperator.ISA)
                        .setValue(rule.code());
            } else {
                if (exactAtc == null) {
                    exactAtc = set.getCompose().addInclude().setSystem(ATC_SYSTEM);
                }
                exactAtc.addConcept().setCode(rule.code());
            }
        }
        ConceptSetComponent rxnorm = null;
        for (RxNormIngredient row : CodeGroups.standard().rxnormTable().values()) {
            if (row.classes().contains(cls)) {
                if (rxnorm == null) {
                    rxnorm = set.getCompose().addInclude().setSystem(CodeGroups.RXNORM);
                }
                rxnorm.addConcept().setCode(row.rxcui()).setDisplay(row.name());
            }
        }
        return set;
    }

    private ValueSet pregnancy() {
        ValueSet set = base(
                "microcytic-pregnancy-conditions",
                "Pregnancy conditions",
                "ICD-10-CM FY2026 codes that mean a current pregnancy: Z33.1, Z33.3, Z34.*,"
                        + " O09.*, Z3A.* and other O codes whose 6th character is a trimester (1-3), excluding"
                        + " abortive outcomes (O00-O08); the last rule is positional and cannot be written as a"
                        + " ValueSet filter, so it is applied by CodeGroups.pregnancyFromCondition only.");
        set.getCompose()
                .addInclude()
                .setSystem(CodeGroups.ICD10CM)
                .addConcept(new ValueSet.ConceptReferenceComponent().setCode("Z33.1"))
                .addConcept(new ValueSet.ConceptReferenceComponent().setCode("Z33.3"));
        for (String category : List.of("Z34", "O09", "Z3A")) {
            set.getCompose()
                    .addInclude()
                    .setSystem(CodeGroups.ICD10CM)
                    .addFilter()
                    .setProperty("concept")
                    .setOp(FilterOperator.ISA)
                    .setValue(category);
        }
        return set;
    }

    private ValueSet transfusion() {
        ValueSet set = base(
                "microcytic-red-cell-transfusion",
                "Red-cell transfusion procedures",
                "ICD-10-PCS transfusion codes (table 302, FY2026) whose substance (6th character) is whole blood (H),"
                        + " red blood cells (N) or frozen red cells (P), listed one by one because this server holds"
                        + " no ICD-10-PCS code system; the service applies the same rule to any 302 code. Also the SNOMED"
                        + " CT red-cell transfusion procedures and the CPT transfusion codes the service matches (CPT is"
                        + " copyright of the American Medical Association: only these codes are listed, no CPT code"
                        + " system is shipped).");
        ConceptSetComponent include = set.getCompose().addInclude().setSystem(CodeGroups.ICD10PCS);
        for (TransfusionSite site : TransfusionSite.values()) {
            for (String approach : site.approaches) {
                for (String substance : List.of("H", "N", "P")) {
                    for (String qualifier : site.qualifiers) {
                        String code = "302" + site.character + approach + substance + qualifier;
                        include.addConcept()
                                .setCode(code)
                                .setDisplay(transfusionDisplay(site, approach, substance, qualifier));
                    }
                }
            }
        }
        ConceptSetComponent snomed = set.getCompose().addInclude().setSystem(CodeGroups.SNOMED);
        CodeGroups.standard()
                .snomedTransfusions()
                .forEach((code, display) -> snomed.addConcept().setCode(code).setDisplay(display));
        ConceptSetComponent cpt = set.getCompose().addInclude().setSystem(CodeGroups.CPT);
        CodeGroups.standard()
                .cptTransfusions()
                .forEach((code, display) -> cpt.addConcept().setCode(code).setDisplay(display));
        return set;
    }

    /** The body parts of ICD-10-PCS table 302 that take whole blood and red cells, with their approaches and qualifiers. */
    private enum TransfusionSite {
        PERIPHERAL_VEIN("3", "Peripheral Vein", List.of("3"), List.of("0", "1")),
        CENTRAL_VEIN("4", "Central Vein", List.of("3"), List.of("0", "1")),
        PRODUCTS_OF_CONCEPTION("7", "Products of Conception, Circulatory", List.of("3", "7"), List.of("1")),
        BONE_MARROW("A", "Bone Marrow", List.of("3"), List.of("0", "1"));

        private final String character;
        private final String title;
        private final List<String> approaches;
        private final List<String> qualifiers;

        TransfusionSite(String character, String title, List<String> approaches, List<String> qualifiers) {
            this.character = character;
            this.title = title;
            this.approaches = approaches;
            this.qualifiers = qualifiers;
        }
    }

    private static String transfusionDisplay(
            TransfusionSite site, String approach, String substance, String qualifier) {
        String source = qualifier.equals("0") ? "Autologous" : "Nonautologous";
        String product =
                switch (substance) {
                    case "H" -> "Whole Blood";
                    case "N" -> "Red Blood Cells";
                    default -> "Frozen Red Cells";
                };
        String route = approach.equals("3") ? "Percutaneous Approach" : "Via Natural or Artificial Opening";
        return "Transfusion of " + source + " " + product + " into " + site.title + ", " + route;
    }

    static String kebab(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String name(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}

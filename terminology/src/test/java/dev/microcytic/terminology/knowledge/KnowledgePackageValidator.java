package dev.microcytic.terminology.knowledge;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.LabConcepts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Checks a knowledge package folder and returns every problem found, so one run reports all of them: each file parses,
 * the package metadata and references are complete, every FHIR resource is valid R4 (HAPI FhirValidator with the R4
 * core profiles) and carries the package version, the CodeSystems hold every code the service emits, every
 * code a ValueSet, ConceptMap or test refers to exists, and every threshold, index and interval entry cites sources
 * that resolve to references.json.
 */
final class KnowledgePackageValidator {

    /** Cause codes the service emits (card source.topic, differential Observation); clients rely on them. */
    static final Set<String> CONTRACT_CAUSES = Set.of(
            "iron-studies-needed",
            "iron-deficiency",
            "anemia-of-inflammation",
            "mixed-iron-deficiency-inflammation",
            "thalassemia-trait",
            "beta-thalassemia-trait",
            "beta-thalassemia",
            "alpha-thalassemia-trait",
            "hemoglobin-h-disease",
            "hemoglobin-e",
            "lead-poisoning",
            "sideroblastic-acquired",
            "copper-deficiency",
            "irida",
            "dmt1-deficiency",
            "steap3-deficiency",
            "atransferrinemia",
            "aceruloplasminemia",
            "x-linked-sideroblastic",
            "congenital-sideroblastic",
            "x-linked-sideroblastic-ataxia",
            "erythropoietic-protoporphyria",
            "x-linked-protoporphyria",
            "congenital-erythropoietic-porphyria",
            "anemia-of-chronic-kidney-disease",
            "ferroportin-disease",
            "other-hemoglobin-variant");

    /** Next-test codes the service emits in cards; clients rely on them. */
    static final Set<String> CONTRACT_TESTS = Set.of(
            "iron-studies",
            "ferritin",
            "crp",
            "reticulocytes",
            "reticulocyte-hemoglobin",
            "stfr",
            "hemoglobin-fractionation",
            "alpha-globin-gene-analysis",
            "hbb-gene-analysis",
            "blood-lead",
            "hepcidin",
            "tmprss6-gene-analysis",
            "iron-metabolism-gene-panel",
            "bone-marrow-iron-stain",
            "ceruloplasmin",
            "copper-zinc",
            "transferrin",
            "erythrocyte-protoporphyrin-fractionation",
            "porphyrin-isomers",
            "vitamin-b6",
            "coeliac-serology",
            "helicobacter-test",
            "liver-iron-mri",
            "gi-evaluation",
            "urinalysis",
            "blood-film",
            "hemolysis-screen",
            "b12-folate",
            "autoimmune-gastritis-serology",
            "partner-screening",
            "hematology-referral");

    /** Product codes: the differential Observation code and the photosensitivity finding. */
    static final Set<String> CONTRACT_CDS_CODES = Set.of("differential", "photosensitivity");

    /** The rule knowledge files: every entry must cite sources that resolve to references.json. */
    static final Set<String> SOURCED_FILES =
            Set.of("thresholds.json", "indices.json", "reference-intervals.json", "scores.json", "statements.json");

    private static final Pattern REFERENCE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String CANONICAL = "https://fhir.microcytic.dev/";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** The R4 core profiles load once per JVM: they are the slow part of validation. */
    private static final DefaultProfileValidationSupport CORE = new DefaultProfileValidationSupport(FHIR);

    private final FhirContext fhir = FHIR;
    private final ObjectMapper json = new ObjectMapper();

    List<String> validate(Path root) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(root + ": package folder missing");
            return problems;
        }
        Map<String, JsonNode> jsonFiles = new HashMap<>();
        Map<String, IBaseResource> resources = new HashMap<>();
        readAll(root, problems, jsonFiles, resources);

        String version = checkPackageJson(jsonFiles.get("package.json"), problems);
        Set<String> referenceIds = checkReferences(jsonFiles.get("references.json"), problems);
        checkReadme(root, problems);

        Map<String, Set<String>> codeSystems = new HashMap<>();
        for (Map.Entry<String, IBaseResource> entry : resources.entrySet()) {
            if (entry.getValue() instanceof CodeSystem cs) {
                Set<String> codes = new LinkedHashSet<>();
                addCodes(cs.getConcept(), codes);
                codeSystems.put(cs.getUrl(), codes);
            }
        }
        checkContractCodes(codeSystems, problems);
        validateFhir(resources, version, problems);
        for (Map.Entry<String, IBaseResource> entry : resources.entrySet()) {
            String file = entry.getKey();
            if (entry.getValue() instanceof CodeSystem cs && !isExternalFragment(cs)) {
                checkTestLoincs(file, cs, problems);
            } else if (entry.getValue() instanceof ValueSet vs) {
                checkValueSet(file, vs, codeSystems, problems);
            } else if (entry.getValue() instanceof ConceptMap cm) {
                checkConceptMap(file, cm, codeSystems, problems);
            }
        }
        for (String file : SOURCED_FILES) {
            JsonNode node = jsonFiles.get(file);
            if (node != null) {
                checkSourced(file, node, referenceIds, codeSystems, problems);
            }
        }
        return problems;
    }

    private void readAll(
            Path root, List<String> problems, Map<String, JsonNode> jsonFiles, Map<String, IBaseResource> resources) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(root + ": cannot list files: " + e.getMessage());
            return;
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        for (Path path : files) {
            String file = root.relativize(path).toString().replace('\\', '/');
            if (file.equals("README.md")) {
                continue;
            }
            if (!file.endsWith(".json")) {
                problems.add(file + ": unexpected file type in the knowledge package");
                continue;
            }
            String text;
            JsonNode node;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
                node = json.readTree(text);
            } catch (IOException e) {
                problems.add(file + ": not valid JSON: " + firstLine(e.getMessage()));
                continue;
            }
            jsonFiles.put(file, node);
            if (file.startsWith("fhir/")) {
                try {
                    IBaseResource resource = parser.parseResource(text);
                    resources.put(file, resource);
                    String expectedName =
                            resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
                    if (!file.equals("fhir/" + expectedName)) {
                        problems.add(file + ": file name should be " + expectedName);
                    }
                } catch (DataFormatException e) {
                    problems.add(file + ": not a parseable FHIR R4 resource: " + firstLine(e.getMessage()));
                }
            }
        }
    }

    private static String checkPackageJson(JsonNode pkg, List<String> problems) {
        if (pkg == null) {
            problems.add("package.json: missing");
            return null;
        }
        for (String field : List.of("id", "version", "date")) {
            if (!pkg.path(field).isTextual() || pkg.path(field).asText().isBlank()) {
                problems.add("package.json: missing '" + field + "'");
            }
        }
        if (!pkg.path("sources").isArray() || pkg.path("sources").isEmpty()) {
            problems.add("package.json: 'sources' must list the documents the package was built from");
        }
        return pkg.path("version").asText(null);
    }

    private static Set<String> checkReferences(JsonNode refs, List<String> problems) {
        Set<String> ids = new HashSet<>();
        if (refs == null || !refs.path("references").isArray()) {
            problems.add("references.json: missing or without a 'references' array");
            return ids;
        }
        int index = 0;
        for (JsonNode ref : refs.path("references")) {
            String id = ref.path("id").asText("");
            String where = "references.json: reference #" + index++ + " '" + id + "'";
            if (!REFERENCE_ID.matcher(id).matches()) {
                problems.add(where + ": id must be lower-case words joined by '-'");
            }
            if (!ids.add(id)) {
                problems.add(where + ": duplicate id");
            }
            if (ref.path("citation").asText("").isBlank()) {
                problems.add(where + ": missing citation");
            }
            checkIdentifiers(ref, where, problems);
        }
        return ids;
    }

    /** A reader must be able to find every reference: a well-formed DOI, a numeric PMID or a URL. */
    private static void checkIdentifiers(JsonNode ref, String where, List<String> problems) {
        String doi = ref.path("doi").asText("");
        String pmid = ref.path("pmid").asText("");
        String url = ref.path("url").asText("");
        if (doi.isBlank() && pmid.isBlank() && url.isBlank()) {
            problems.add(where + ": needs a doi, pmid or url");
        }
        if (!doi.isBlank() && !Reference.DOI.matcher(doi).matches()) {
            problems.add(where + ": malformed doi '" + doi + "'");
        }
        if (!pmid.isBlank() && !Reference.PMID.matcher(pmid).matches()) {
            problems.add(where + ": pmid '" + pmid + "' is not numeric");
        }
        if (!url.isBlank() && !url.startsWith("https://") && !url.startsWith("http://")) {
            problems.add(where + ": url '" + url + "' is not an http(s) link");
        }
    }

    private static void checkReadme(Path root, List<String> problems) {
        Path readme = root.resolve("README.md");
        try {
            if (!Files.exists(readme) || Files.readString(readme).isBlank()) {
                problems.add("README.md: missing or empty");
            }
        } catch (IOException e) {
            problems.add("README.md: unreadable: " + e.getMessage());
        }
    }

    private static void checkContractCodes(Map<String, Set<String>> codeSystems, List<String> problems) {
        requireCodes(KnowledgePackage.CAUSE_SYSTEM, CONTRACT_CAUSES, codeSystems, problems);
        requireCodes(KnowledgePackage.TEST_SYSTEM, CONTRACT_TESTS, codeSystems, problems);
        requireCodes(KnowledgePackage.CDS_SYSTEM, CONTRACT_CDS_CODES, codeSystems, problems);
    }

    private static void requireCodes(
            String url, Set<String> required, Map<String, Set<String>> codeSystems, List<String> problems) {
        Set<String> codes = codeSystems.get(url);
        if (codes == null) {
            problems.add(url + ": CodeSystem missing from the package");
            return;
        }
        for (String code : required.stream().sorted().toList()) {
            if (!codes.contains(code)) {
                problems.add(url + ": required code '" + code + "' missing");
            }
        }
    }

    private void validateFhir(Map<String, IBaseResource> resources, String version, List<String> problems) {
        PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(fhir);
        resources.values().forEach(own::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(
                CORE,
                own,
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        FhirValidator validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        for (Map.Entry<String, IBaseResource> entry : resources.entrySet()) {
            String file = entry.getKey();
            ValidationResult result = validator.validateWithResult(entry.getValue());
            for (SingleValidationMessage message : result.getMessages()) {
                if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    problems.add(file + ": FHIR " + message.getSeverity() + " at " + message.getLocationString() + ": "
                            + message.getMessage());
                }
            }
            if (entry.getValue() instanceof MetadataResource metadata
                    && !(metadata instanceof CodeSystem cs && isExternalFragment(cs))) {
                if (version != null && !version.equals(metadata.getVersion())) {
                    problems.add(
                            file + ": version " + metadata.getVersion() + " differs from package version " + version);
                }
                if (metadata.getUrl() == null || !metadata.getUrl().startsWith(CANONICAL)) {
                    problems.add(file + ": url must be under " + CANONICAL);
                } else if (!metadata.getUrl()
                        .equals(CANONICAL + metadata.fhirType() + "/"
                                + metadata.getIdElement().getIdPart())) {
                    problems.add(file + ": url " + metadata.getUrl() + " does not end with its type and id");
                }
            }
        }
    }

    private static void addCodes(List<CodeSystem.ConceptDefinitionComponent> concepts, Set<String> codes) {
        for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
            codes.add(concept.getCode());
            addCodes(concept.getConcept(), codes);
        }
    }

    /**
     * A fragment of an external code system (ICD-10-CM, ATC, SNOMED CT): it keeps the system's own url and release
     * as version, and its concepts carry the source's display only.
     */
    private static boolean isExternalFragment(CodeSystem cs) {
        return cs.getContent() == CodeSystem.CodeSystemContentMode.FRAGMENT
                && cs.getUrl() != null
                && !cs.getUrl().startsWith(CANONICAL);
    }

    private static void checkTestLoincs(String file, CodeSystem cs, List<String> problems) {
        for (CodeSystem.ConceptDefinitionComponent concept : cs.getConcept()) {
            if (concept.getDefinition() == null || concept.getDefinition().isBlank()) {
                problems.add(file + ": concept '" + concept.getCode() + "' has no definition");
            }
            if (concept.getDisplay() == null || concept.getDisplay().isBlank()) {
                problems.add(file + ": concept '" + concept.getCode() + "' has no display");
            }
            for (CodeSystem.ConceptPropertyComponent property : concept.getProperty()) {
                if (KnowledgePackage.LOINC_PROPERTY.equals(property.getCode())) {
                    String loinc = property.getValue().primitiveValue();
                    if (LabConcepts.standard().concept(loinc).isEmpty()) {
                        problems.add(file + ": test '" + concept.getCode() + "' names LOINC " + loinc
                                + ", which is not a verified lab concept");
                    }
                }
            }
        }
    }

    private static void checkValueSet(
            String file, ValueSet vs, Map<String, Set<String>> codeSystems, List<String> problems) {
        List<ValueSet.ConceptSetComponent> parts =
                new ArrayList<>(vs.getCompose().getInclude());
        parts.addAll(vs.getCompose().getExclude());
        if (vs.getCompose().getInclude().isEmpty()) {
            problems.add(file + ": ValueSet includes nothing");
        }
        for (ValueSet.ConceptSetComponent part : parts) {
            String system = part.getSystem();
            for (ValueSet.ConceptReferenceComponent concept : part.getConcept()) {
                String code = concept.getCode();
                if (codeSystems.containsKey(system) && !codeSystems.get(system).contains(code)) {
                    problems.add(file + ": code '" + code + "' does not exist in " + system);
                }
                if (LabConcepts.LOINC.equals(system)
                        && LabConcepts.standard().concept(code).isEmpty()) {
                    problems.add(file + ": LOINC " + code + " is not a lab concept of the service");
                }
            }
            if (system != null && system.startsWith(CANONICAL) && !codeSystems.containsKey(system)) {
                problems.add(file + ": includes unknown product CodeSystem " + system);
            }
        }
    }

    private static void checkConceptMap(
            String file, ConceptMap cm, Map<String, Set<String>> codeSystems, List<String> problems) {
        for (ConceptMap.ConceptMapGroupComponent group : cm.getGroup()) {
            Set<String> sourceCodes = codeSystems.get(group.getSource());
            if (sourceCodes == null) {
                problems.add(file + ": group source " + group.getSource() + " is not a package CodeSystem");
                continue;
            }
            Set<String> mapped = new HashSet<>();
            for (ConceptMap.SourceElementComponent element : group.getElement()) {
                if (!sourceCodes.contains(element.getCode())) {
                    problems.add(
                            file + ": source code '" + element.getCode() + "' does not exist in " + group.getSource());
                }
                mapped.add(element.getCode());
                for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                    boolean unmatched = target.getEquivalence()
                            == org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence.UNMATCHED;
                    if (!unmatched
                            && (target.getCode() == null || target.getCode().isBlank())) {
                        problems.add(file + ": '" + element.getCode() + "' maps to " + group.getTarget()
                                + " without a target code");
                    }
                    if (target.getComment() == null || target.getComment().isBlank()) {
                        problems.add(file + ": '" + element.getCode() + "' -> " + target.getCode()
                                + " has no comment naming its verification");
                    }
                }
            }
            for (String code : sourceCodes) {
                if (!mapped.contains(code)) {
                    problems.add(file + ": cause '" + code + "' absent from the " + group.getTarget()
                            + " group (list it as unmatched)");
                }
            }
        }
    }

    /**
     * Every object in an array (an entry) must cite non-empty sources, directly or through an enclosing object; every
     * cited id must exist; fields naming an analyte, cause or test must name an existing one.
     */
    private static void checkSourced(
            String file,
            JsonNode root,
            Set<String> referenceIds,
            Map<String, Set<String>> codeSystems,
            List<String> problems) {
        walk(file, "$", root, false, false, referenceIds, codeSystems, problems);
    }

    private static void walk(
            String file,
            String path,
            JsonNode node,
            boolean inArray,
            boolean sourced,
            Set<String> referenceIds,
            Map<String, Set<String>> codeSystems,
            List<String> problems) {
        if (node.isObject()) {
            boolean hasSources = node.has("sources");
            if (hasSources) {
                JsonNode sources = node.get("sources");
                if (!sources.isArray() || sources.isEmpty()) {
                    problems.add(file + ": " + path + ": 'sources' must be a non-empty list");
                } else {
                    for (JsonNode source : sources) {
                        if (!referenceIds.contains(source.asText())) {
                            problems.add(file + ": " + path + ": source '" + source.asText()
                                    + "' is not in references.json");
                        }
                    }
                }
            }
            boolean nowSourced = sourced || (hasSources && !node.get("sources").isEmpty());
            if (inArray && !nowSourced) {
                problems.add(file + ": " + path + ": entry cites no sources");
            }
            checkCodeField(file, path, node, "analyte", problems, codeSystems);
            checkCodeField(file, path, node, "cause", problems, codeSystems);
            checkCodeField(file, path, node, "test", problems, codeSystems);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("sources")) {
                    walk(
                            file,
                            path + "." + field.getKey(),
                            field.getValue(),
                            false,
                            nowSourced,
                            referenceIds,
                            codeSystems,
                            problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, path + "[" + i + "]", node.get(i), true, sourced, referenceIds, codeSystems, problems);
            }
        }
    }

    private static void checkCodeField(
            String file,
            String path,
            JsonNode node,
            String field,
            List<String> problems,
            Map<String, Set<String>> codeSystems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            return;
        }
        String code = value.asText();
        boolean known =
                switch (field) {
                    case "analyte" -> isAnalyte(code);
                    case "cause" -> codeSystems
                            .getOrDefault(KnowledgePackage.CAUSE_SYSTEM, Set.of())
                            .contains(code);
                    default -> codeSystems
                            .getOrDefault(KnowledgePackage.TEST_SYSTEM, Set.of())
                            .contains(code);
                };
        if (!known) {
            problems.add(file + ": " + path + ": unknown " + field + " '" + code + "'");
        }
    }

    private static boolean isAnalyte(String name) {
        for (Analyte analyte : Analyte.values()) {
            if (analyte.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

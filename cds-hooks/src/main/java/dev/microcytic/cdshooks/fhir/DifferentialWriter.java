package dev.microcytic.cdshooks.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRAllTypes;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link Differential} as the FHIR resources of contract §4, for FHIR clients that never speak CDS Hooks:
 * the differential {@link Observation}, the {@link GuidanceResponse} of the evaluation, the {@link RequestGroup} and
 * its {@link ServiceRequest} proposals. It is the FHIR counterpart of the CDS Hooks card writer and reads the same
 * engine result, so both ways in rank the causes identically (tech-notes §7: inferred findings as Observations, the
 * evaluation as GuidanceResponse + RequestGroup, CDS-on-FHIR mapping).
 *
 * <p>Thread-safe and stateless apart from its lookups.
 */
public final class DifferentialWriter {

    public static final String PRODUCT_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-cds";
    public static final String CAUSE_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-cause";
    public static final String TEST_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-test";
    public static final String DIFFERENTIAL_CODE = "differential";
    public static final String DIFFERENTIAL_DISPLAY = "Microcytic anemia differential diagnosis";
    /** The knowledge module; {@code moduleUri} and {@code instantiatesUri} append the knowledge version to it. */
    public static final String MODULE_BASE = "https://fhir.microcytic.dev/knowledge/microcytic";

    static final String LOINC_SYSTEM = "http://loinc.org";
    static final String SNOMED_SYSTEM = "http://snomed.info/sct";
    static final String INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** The knowledge package's verified cause mappings (terminology helper's ConceptMap). */
    static final String CAUSE_CONCEPT_MAP = "fhir/ConceptMap-microcytic-cause-to-snomed-icd10cm.json";

    private static final Logger log = LoggerFactory.getLogger(DifferentialWriter.class);

    private final CauseCodings causeCodings;
    private final Function<Analyte, ? extends Collection<String>> loincCodes;

    /**
     * @param causeCodings verified standard Codings per cause code (SNOMED CT from the knowledge package ConceptMap)
     * @param loincCodes the LOINC codes of an analyte, used to say which data a {@code data-required} evaluation
     *     needs
     */
    public DifferentialWriter(CauseCodings causeCodings, Function<Analyte, ? extends Collection<String>> loincCodes) {
        this.causeCodings = Objects.requireNonNull(causeCodings);
        this.loincCodes = Objects.requireNonNull(loincCodes);
    }

    /**
     * The writer for the bundled knowledge package: SNOMED CT Codings from its cause ConceptMap, LOINC codes from
     * {@link LabConcepts#standard()}.
     */
    public static DifferentialWriter standard() {
        return Standard.INSTANCE;
    }

    static CauseCodings bundledSnomedCodings(KnowledgePackage knowledge) {
        try (InputStream in = knowledge.open(CAUSE_CONCEPT_MAP)) {
            ConceptMap map = FhirContext.forR4Cached().newJsonParser().parseResource(ConceptMap.class, in);
            return CauseCodings.from(List.of(map), CAUSE_SYSTEM, SNOMED_SYSTEM);
        } catch (IOException e) {
            // Without the map the cause Codings alone are still correct; only the SNOMED CT synonyms are missing.
            log.warn("Knowledge package {} has no cause ConceptMap: {}", knowledge.version(), e.getMessage());
            return CauseCodings.none();
        }
    }

    private static final class Standard {
        static final DifferentialWriter INSTANCE = new DifferentialWriter(
                bundledSnomedCodings(KnowledgePackage.load()), LabConcepts.standard()::loincCodes);
    }

    /** The module URI of a knowledge version, e.g. {@code https://fhir.microcytic.dev/knowledge/microcytic/1.0.0}. */
    public static String moduleUri(String knowledgeVersion) {
        return MODULE_BASE + "/" + knowledgeVersion;
    }

    /**
     * @param differential the engine result
     * @param patientReference the subject, e.g. {@code Patient/123}
     * @param evaluatedAt when the evaluation ran (effective and occurrence time of the resources)
     */
    public Interpretation write(Differential differential, String patientReference, Instant evaluatedAt) {
        return write(differential, patientReference, evaluatedAt, List.of());
    }

    /**
     * @param dataNotes notes of the lab reader on values it left out or derived; they join the rationale
     */
    public Interpretation write(
            Differential result, String patientReference, Instant evaluatedAt, List<String> dataNotes) {
        Ranked differential = Ranked.of(Objects.requireNonNull(result, "differential"));
        Objects.requireNonNull(patientReference, "patientReference");
        Date when = Date.from(Objects.requireNonNull(evaluatedAt, "evaluatedAt"));
        String module = moduleUri(differential.knowledgeVersion());

        GuidanceResponse guidance = new GuidanceResponse();
        guidance.setIdElement(placeholder());
        guidance.addIdentifier()
                .setSystem("urn:ietf:rfc:3986")
                .setValue(guidance.getIdElement().getValue());
        guidance.setModule(new UriType(module));
        guidance.setSubject(new Reference(patientReference));
        guidance.setOccurrenceDateTimeElement(millis(when));

        if (differential.isEmpty()) {
            // Contract §4: nothing microcytic -> only the GuidanceResponse, status success, no result.
            guidance.setStatus(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
            guidance.setText(narrative("Microcytic anemia work-up: nothing microcytic found (knowledge "
                    + differential.knowledgeVersion() + ")."));
            return new Interpretation(guidance, null, null, List.of());
        }

        Observation observation = observation(differential, patientReference, when, dataNotes);
        if (differential.missingAnalytes().isEmpty()) {
            guidance.setStatus(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        } else {
            guidance.setStatus(GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
            differential.missingAnalytes().stream()
                    .sorted(Comparator.comparing(Analyte::ordinal))
                    .map(this::dataRequirement)
                    .forEach(guidance::addDataRequirement);
        }

        guidance.setText(narrative("Microcytic anemia work-up: " + summary(differential)));

        List<ServiceRequest> proposals = new ArrayList<>();
        RequestGroup group = null;
        Map<String, SuggestedTest> tests = nextTests(differential);
        if (!tests.isEmpty()) {
            group = new RequestGroup();
            group.setIdElement(placeholder());
            group.setStatus(RequestGroup.RequestStatus.ACTIVE);
            group.setIntent(RequestGroup.RequestIntent.PROPOSAL);
            group.addInstantiatesUri(module);
            group.setSubject(new Reference(patientReference));
            group.setAuthoredOnElement(millis(when));
            group.addReasonReference(localReference(observation));
            group.getCode().setText("Next tests for the microcytic anemia work-up");
            Urgency urgency =
                    differential.leading().map(CandidateCause::urgency).orElse(Urgency.INFO);
            for (SuggestedTest test : tests.values()) {
                ServiceRequest proposal = proposal(test, differential, patientReference, when, module, observation);
                proposals.add(proposal);
                group.addAction()
                        .setTitle(test.display())
                        .setDescription(test.reason())
                        .setPriority(priority(urgency))
                        .addCode(testConcept(test))
                        .setResource(localReference(proposal));
            }
            group.setText(narrative("Proposed next tests: "
                    + tests.values().stream().map(SuggestedTest::display).collect(Collectors.joining(", "))
                    + "."));
            guidance.setResult(localReference(group));
        }
        return new Interpretation(guidance, observation, group, proposals);
    }

    private Observation observation(Ranked differential, String patientReference, Date when, List<String> dataNotes) {
        CandidateCause leading = differential.causes().get(0);
        Observation observation = new Observation();
        observation.setIdElement(placeholder());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        // No "laboratory" category: this is an inference, and clients that list a patient's lab results by category
        // must not get it mixed in with measured values.
        observation.getCode().addCoding(new Coding(PRODUCT_SYSTEM, DIFFERENTIAL_CODE, DIFFERENTIAL_DISPLAY));
        observation.getCode().setText(DIFFERENTIAL_DISPLAY);
        observation.setSubject(new Reference(patientReference));
        observation.setEffective(millis(when));
        observation.setIssued(when);
        observation.setValue(causeConcept(leading));
        observation.addInterpretation(interpretation(leading));
        observation.getMethod().setText("microcytic-cds knowledge " + differential.knowledgeVersion());
        for (CandidateCause cause : differential.causes()) {
            observation
                    .addComponent()
                    .setCode(causeConcept(cause))
                    .setValue(new StringType(cause.likelihood().name().toLowerCase(Locale.ROOT)));
        }
        for (String source : sourceObservations(differential)) {
            observation.addDerivedFrom(new Reference(source));
        }
        rationale(differential).forEach(text -> observation.addNote(new Annotation().setText(text)));
        if (dataNotes != null && !dataNotes.isEmpty()) {
            observation.addNote(new Annotation()
                    .setText("Data notes: "
                            + dataNotes.stream()
                                    .map(DifferentialWriter::sentence)
                                    .collect(Collectors.joining(" "))));
        }
        observation.setText(narrative(DIFFERENTIAL_DISPLAY + ": " + summary(differential)));
        return observation;
    }

    private ServiceRequest proposal(
            SuggestedTest test,
            Ranked differential,
            String patientReference,
            Date when,
            String module,
            Observation observation) {
        ServiceRequest request = new ServiceRequest();
        request.setIdElement(placeholder());
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.addInstantiatesUri(module);
        request.setCode(testConcept(test));
        request.setSubject(new Reference(patientReference));
        request.setAuthoredOnElement(millis(when));
        Urgency urgency = differential.leading().map(CandidateCause::urgency).orElse(Urgency.INFO);
        request.setPriority(
                urgency == Urgency.CRITICAL
                        ? ServiceRequest.ServiceRequestPriority.URGENT
                        : ServiceRequest.ServiceRequestPriority.ROUTINE);
        for (CandidateCause cause : differential.causes()) {
            if (cause.nextTests().stream().anyMatch(t -> t.code().equals(test.code()))) {
                request.addReasonCode(causeConcept(cause));
            }
        }
        request.addReasonReference(localReference(observation));
        if (test.reason() != null && !test.reason().isBlank()) {
            request.addNote(new Annotation().setText(test.reason()));
        }
        request.setText(narrative("Proposed: " + test.display()
                + (test.reason() == null || test.reason().isBlank() ? "." : " - " + sentence(test.reason()))));
        return request;
    }

    /**
     * The engine result with its causes by rank, one per cause code, as the CDS Hooks cards show them, so the leading
     * cause here is the first card's topic.
     */
    private record Ranked(Differential source, List<CandidateCause> causes) {

        static Ranked of(Differential differential) {
            Map<String, CandidateCause> byCode = new LinkedHashMap<>();
            differential.causes().stream()
                    .sorted(Comparator.comparingInt(CandidateCause::rank))
                    .forEach(cause -> byCode.putIfAbsent(cause.code(), cause));
            return new Ranked(differential, List.copyOf(byCode.values()));
        }

        boolean isEmpty() {
            return causes.isEmpty();
        }

        Optional<CandidateCause> leading() {
            return causes.stream().findFirst();
        }

        String knowledgeVersion() {
            return source.knowledgeVersion();
        }

        RedCellFindings findings() {
            return source.findings();
        }

        List<ComputedIndex> indices() {
            return source.indices();
        }

        List<Caveat> caveats() {
            return source.caveats();
        }

        List<SuggestedTest> nextTests() {
            return source.nextTests();
        }

        Set<Analyte> missingAnalytes() {
            return source.missingAnalytes();
        }

        List<LabValue> valuesUsed() {
            return source.valuesUsed();
        }
    }

    /** Differential-level next tests first (already in order), then any a cause lists that the engine left out. */
    private static Map<String, SuggestedTest> nextTests(Ranked differential) {
        Map<String, SuggestedTest> tests = new LinkedHashMap<>();
        differential.nextTests().forEach(test -> tests.putIfAbsent(test.code(), test));
        differential.causes().stream()
                .flatMap(cause -> cause.nextTests().stream())
                .forEach(test -> tests.putIfAbsent(test.code(), test));
        return tests;
    }

    private CodeableConcept causeConcept(CandidateCause cause) {
        CodeableConcept concept = new CodeableConcept().setText(cause.display());
        concept.addCoding(new Coding(CAUSE_SYSTEM, cause.code(), cause.display()));
        causeCodings.codingsFor(cause.code()).forEach(concept::addCoding);
        return concept;
    }

    private static CodeableConcept testConcept(SuggestedTest test) {
        CodeableConcept concept = new CodeableConcept().setText(test.display());
        concept.addCoding(new Coding(TEST_SYSTEM, test.code(), test.display()));
        if (test.loinc() != null && !test.loinc().isBlank()) {
            concept.addCoding(new Coding().setSystem(LOINC_SYSTEM).setCode(test.loinc()));
        }
        return concept;
    }

    /** Abnormal, or critical abnormal when the leading cause needs urgent action. */
    private static CodeableConcept interpretation(CandidateCause leading) {
        boolean critical = leading.urgency() == Urgency.CRITICAL;
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding(
                critical
                        ? new Coding(INTERPRETATION_SYSTEM, "AA", "Critical abnormal")
                        : new Coding(INTERPRETATION_SYSTEM, "A", "Abnormal"));
        concept.setText(leading.display() + " " + leading.likelihood().name().toLowerCase(Locale.ROOT));
        return concept;
    }

    private static RequestGroup.RequestPriority priority(Urgency urgency) {
        return urgency == Urgency.CRITICAL ? RequestGroup.RequestPriority.URGENT : RequestGroup.RequestPriority.ROUTINE;
    }

    private DataRequirement dataRequirement(Analyte analyte) {
        DataRequirement requirement = new DataRequirement().setType(FHIRAllTypes.OBSERVATION.toCode());
        DataRequirement.DataRequirementCodeFilterComponent filter =
                requirement.addCodeFilter().setPath("code");
        loincCodes.apply(analyte).stream()
                .sorted()
                .forEach(code ->
                        filter.addCode(new Coding().setSystem(LOINC_SYSTEM).setCode(code)));
        return requirement;
    }

    /** The stored lab Observations the evaluation read, in the order the engine used them; derived values have none. */
    static List<String> sourceObservations(Ranked differential) {
        Set<String> sources = new LinkedHashSet<>();
        differential.valuesUsed().stream()
                .map(LabValue::sourceId)
                .filter(DifferentialWriter::isObservationReference)
                .forEach(sources::add);
        differential.causes().stream()
                .flatMap(cause -> cause.supporting().stream())
                .map(Evidence::labValueRef)
                .filter(DifferentialWriter::isObservationReference)
                .forEach(sources::add);
        return sources.stream()
                .map(ref -> new IdType(ref).toUnqualifiedVersionless().getValue())
                .distinct()
                .toList();
    }

    private static boolean isObservationReference(String reference) {
        return reference != null
                && new IdType(reference).getResourceType() != null
                && "Observation".equals(new IdType(reference).getResourceType())
                && new IdType(reference).hasIdPart();
    }

    /** The rationale, one note per block: findings, each cause with its evidence, indices, caveats. */
    private static List<String> rationale(Ranked differential) {
        List<String> notes = new ArrayList<>();
        RedCellFindings findings = differential.findings();
        StringBuilder summary = new StringBuilder("Findings: ")
                .append(findingsText(findings))
                .append(". Knowledge version ")
                .append(differential.knowledgeVersion())
                .append('.');
        if (findings != null) {
            findings.evidence().forEach(e -> summary.append(' ').append(sentence(e.statement())));
        }
        notes.add(summary.toString());
        for (CandidateCause cause : differential.causes()) {
            StringBuilder text = new StringBuilder()
                    .append(cause.rank())
                    .append(". ")
                    .append(cause.display())
                    .append(" (")
                    .append(cause.likelihood().name().toLowerCase(Locale.ROOT))
                    .append(").");
            if (!cause.supporting().isEmpty()) {
                text.append(" For: ").append(statements(cause.supporting()));
            }
            if (!cause.opposing().isEmpty()) {
                text.append(" Against: ").append(statements(cause.opposing()));
            }
            cause.caveats().forEach(caveat -> text.append(" Caveat: ")
                    .append(sentence(sourced(caveat.text(), caveat.sourceId()))));
            notes.add(text.toString());
        }
        if (!differential.indices().isEmpty()) {
            notes.add("Indices: "
                    + differential.indices().stream()
                            .map(DifferentialWriter::indexText)
                            .collect(Collectors.joining("; "))
                    + ".");
        }
        if (!differential.caveats().isEmpty()) {
            notes.add("Caveats: "
                    + differential.caveats().stream()
                            .map(caveat -> sentence(sourced(caveat.text(), caveat.sourceId())))
                            .collect(Collectors.joining(" ")));
        }
        if (!differential.missingAnalytes().isEmpty()) {
            notes.add("Missing to settle the differential: "
                    + differential.missingAnalytes().stream()
                            .sorted(Comparator.comparing(Analyte::ordinal))
                            .map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        return notes;
    }

    /** The ranked causes in one line, e.g. "1. Iron deficiency anemia (likely); 2. ...". */
    private static String summary(Ranked differential) {
        return differential.causes().stream()
                        .map(c -> c.rank() + ". " + c.display() + " ("
                                + c.likelihood().name().toLowerCase(Locale.ROOT) + ")")
                        .collect(Collectors.joining("; "))
                + ".";
    }

    /** A generated narrative (dom-6); XhtmlNode escapes the text. */
    private static Narrative narrative(String text) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addText(text);
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    private static String findingsText(RedCellFindings findings) {
        if (findings == null) {
            return "not stated";
        }
        List<String> parts = new ArrayList<>();
        parts.add(findings.anemia() ? "anemia" : "no anemia");
        parts.add(findings.microcytosis() ? "microcytosis" : "no microcytosis");
        if (findings.hypochromia()) {
            parts.add("hypochromia");
        }
        return String.join(", ", parts);
    }

    private static String statements(List<Evidence> evidence) {
        return evidence.stream()
                .map(item -> sentence(sourced(item.statement(), item.sourceId())))
                .collect(Collectors.joining(" "));
    }

    private static String indexText(ComputedIndex index) {
        return String.format(
                Locale.ROOT,
                "%s (%s) %.1f, cut-off %s, favours %s",
                index.name(),
                index.formula(),
                index.value(),
                stripZeros(index.cutoff()),
                sourced(index.favours(), index.sourceId()));
    }

    /**
     * A statement with the knowledge-package reference id of its source in brackets, e.g.
     * {@code "Ferritin 6 ng/mL < 15 ng/mL [who-2020]"}, so that a reader of the note can trace it.
     */
    private static String sourced(String text, String sourceId) {
        return sourceId == null || sourceId.isBlank() ? text : text + " [" + sourceId + "]";
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static DateTimeType millis(Date when) {
        // Millisecond precision so that two evaluations within one second still sort by date.
        return new DateTimeType(when, TemporalPrecisionEnum.MILLI);
    }

    private static IdType placeholder() {
        return new IdType("urn:uuid:" + UUID.randomUUID());
    }

    private static Reference localReference(Resource resource) {
        return new Reference(resource.getIdElement().getValue());
    }
}

package dev.microcytic.cdshooks.fhir;

import static dev.microcytic.cdshooks.fhir.FhirText.localReference;
import static dev.microcytic.cdshooks.fhir.FhirText.millis;
import static dev.microcytic.cdshooks.fhir.FhirText.narrative;
import static dev.microcytic.cdshooks.fhir.FhirText.placeholder;

import ca.uhn.fhir.context.FhirContext;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.Vocabulary;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.Enumerations.FHIRAllTypes;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.UriType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link Differential} as the FHIR resources the README documents, for FHIR clients that never speak CDS Hooks:
 * the {@link GuidanceResponse} of the evaluation (written here), the differential {@link Observation}
 * ({@link DifferentialObservationWriter}), the {@link RequestGroup} and its {@link ServiceRequest} proposals
 * ({@link NextTestsWriter}). It is the FHIR counterpart of the CDS Hooks card writer and reads the same ranked engine
 * result, so both ways in rank the causes identically: inferred findings as Observations, the evaluation as a
 * GuidanceResponse with a RequestGroup, as in the CDS-on-FHIR mapping.
 *
 * <p>Thread-safe and stateless apart from its lookups.
 */
public final class DifferentialWriter {

    /** The knowledge package's verified cause mappings (terminology helper's ConceptMap). */
    static final String CAUSE_CONCEPT_MAP = "fhir/ConceptMap-microcytic-cause-to-snomed-icd10cm.json";

    private static final Logger log = LoggerFactory.getLogger(DifferentialWriter.class);

    private final DifferentialObservationWriter observations;
    private final NextTestsWriter nextTests;
    private final Function<Analyte, ? extends Collection<String>> loincCodes;

    /**
     * @param causeCodings verified standard Codings per cause code (SNOMED CT from the knowledge package ConceptMap)
     * @param loincCodes the LOINC codes of an analyte, used to say which data a {@code data-required} evaluation
     *     needs
     */
    public DifferentialWriter(CauseCodings causeCodings, Function<Analyte, ? extends Collection<String>> loincCodes) {
        this.observations = new DifferentialObservationWriter(Objects.requireNonNull(causeCodings));
        this.nextTests = new NextTestsWriter(causeCodings);
        this.loincCodes = Objects.requireNonNull(loincCodes);
    }

    public static DifferentialWriter standard() {
        return Standard.INSTANCE;
    }

    static CauseCodings bundledSnomedCodings(KnowledgePackage knowledge) {
        try (InputStream in = knowledge.open(CAUSE_CONCEPT_MAP)) {
            ConceptMap map = FhirContext.forR4Cached().newJsonParser().parseResource(ConceptMap.class, in);
            return CauseCodings.from(List.of(map), Vocabulary.CAUSE_SYSTEM, Vocabulary.SNOMED);
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

    /** The module URI of a knowledge version, e.g. {@code https://fhir.microcytic.dev/knowledge/microcytic/1.1.0}. */
    public static String moduleUri(String knowledgeVersion) {
        return Vocabulary.KNOWLEDGE_MODULE_BASE + "/" + knowledgeVersion;
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
            Differential differential, String patientReference, Instant evaluatedAt, List<String> dataNotes) {
        Objects.requireNonNull(differential, "differential");
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
            // Nothing microcytic -> only the GuidanceResponse, status success, no result.
            guidance.setStatus(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
            guidance.setText(narrative("Microcytic anemia work-up: nothing microcytic found (knowledge "
                    + differential.knowledgeVersion() + ")."));
            return new Interpretation(guidance, null, null, List.of());
        }

        Observation observation = observations.write(differential, patientReference, when, dataNotes);
        if (differential.missingAnalytes().isEmpty()) {
            guidance.setStatus(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        } else {
            guidance.setStatus(GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
            differential.missingAnalytes().stream()
                    .sorted(Comparator.comparing(Analyte::ordinal))
                    .map(this::dataRequirement)
                    .forEach(guidance::addDataRequirement);
        }

        guidance.setText(
                narrative("Microcytic anemia work-up: " + DifferentialObservationWriter.summary(differential)));

        NextTestsWriter.Proposals proposals =
                nextTests.write(differential, patientReference, when, module, observation);
        if (proposals.group() != null) {
            guidance.setResult(localReference(proposals.group()));
        }
        return new Interpretation(guidance, observation, proposals.group(), proposals.requests());
    }

    private DataRequirement dataRequirement(Analyte analyte) {
        DataRequirement requirement = new DataRequirement().setType(FHIRAllTypes.OBSERVATION.toCode());
        DataRequirement.DataRequirementCodeFilterComponent filter =
                requirement.addCodeFilter().setPath("code");
        loincCodes.apply(analyte).stream()
                .sorted()
                .forEach(code ->
                        filter.addCode(new Coding().setSystem(Vocabulary.LOINC).setCode(code)));
        return requirement;
    }
}

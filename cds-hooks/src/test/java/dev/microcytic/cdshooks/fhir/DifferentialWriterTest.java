package dev.microcytic.cdshooks.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class DifferentialWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final String PATIENT = "Patient/p1";

    private static final Map<Analyte, Set<String>> LOINC = Map.of(
            Analyte.CRP, Set.of("1988-5", "30522-7"),
            Analyte.FERRITIN, Set.of("2276-4"));

    private final DifferentialWriter writer =
            new DifferentialWriter(snomedFromConceptMap(), analyte -> LOINC.getOrDefault(analyte, Set.of()));

    @Test
    void differentialObservationCarriesRankedCausesProvenanceAndRationale() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of()), PATIENT, NOW);

        Observation observation = interpretation.differential();
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://fhir.microcytic.dev/CodeSystem/microcytic-cds");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("differential");
        assertThat(observation.getSubject().getReference()).isEqualTo(PATIENT);
        assertThat(observation.getEffectiveDateTimeType().getValueAsString()).startsWith("2026-11-21");
        assertThat(observation.getEffectiveDateTimeType().getValue()).isEqualTo(java.util.Date.from(NOW));

        CodeableConcept value = observation.getValueCodeableConcept();
        assertThat(value.getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "https://fhir.microcytic.dev/CodeSystem/microcytic-cause", "iron-deficiency"),
                        org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "87522002"));

        assertThat(observation.getComponent())
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("iron-deficiency", "beta-thalassemia-trait", "anemia-of-inflammation");
        assertThat(observation.getComponent())
                .extracting(c -> c.getValueStringType().getValue())
                .containsExactly("likely", "possible", "consider");
        // The narrower SNOMED target of beta-thalassemia-trait is not a valid synonym: only the cause Coding.
        assertThat(observation.getComponent().get(1).getCode().getCoding()).hasSize(1);

        assertThat(observation.getDerivedFrom())
                .extracting(Reference::getReference)
                .containsExactly("Observation/hb-1", "Observation/mcv-1", "Observation/ferritin-1");
        assertThat(observation.getInterpretationFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("A");
        assertThat(observation.getNote()).extracting(n -> n.getText()).anySatisfy(text -> assertThat(text)
                .contains("1. Iron deficiency anemia (likely)")
                .contains("Ferritin 6 ng/mL < 15 ng/mL"));
        assertThat(observation.getNote()).extracting(n -> n.getText()).anySatisfy(text -> assertThat(text)
                .contains("Mentzer index (MCV / RBC) 16.2, cut-off 13"));
    }

    @Test
    void rationaleNamesTheSourceOfEachStatementIndexAndCaveat() {
        Observation observation =
                writer.write(ironDeficiencyFirst(Set.of()), PATIENT, NOW).differential();

        assertThat(observation.getNote())
                .extracting(n -> n.getText())
                .contains(
                        "1. Iron deficiency anemia (likely). For: Ferritin 6 ng/mL < 15 ng/mL (absent iron stores)"
                                + " [who-2020].",
                        "2. Beta-thalassemia trait (possible). Against: Mentzer index 16.2 > 13 [mentzer-1973]."
                                + " Caveat: Iron deficiency lowers HbA2 [donker-2014].",
                        "Indices: Mentzer index (MCV / RBC) 16.2, cut-off 13, favours iron-deficiency [mentzer-1973].",
                        "Caveats: Pregnancy lowers the Hb cut-off [who-2011].");
    }

    @Test
    void guidanceResponseLinksRequestGroupAndProposalsWithKnowledgeVersion() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of()), PATIENT, NOW);

        GuidanceResponse guidance = interpretation.guidance();
        assertThat(guidance.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        assertThat(guidance.getModuleUriType().getValue())
                .isEqualTo("https://fhir.microcytic.dev/knowledge/microcytic/1.1.0");
        assertThat(guidance.getSubject().getReference()).isEqualTo(PATIENT);
        assertThat(guidance.getOccurrenceDateTime()).isEqualTo(java.util.Date.from(NOW));
        assertThat(guidance.getDataRequirement()).isEmpty();

        RequestGroup group = interpretation.requestGroup();
        assertThat(guidance.getResult().getReference())
                .isEqualTo(group.getIdElement().getValue())
                .startsWith("urn:uuid:");
        assertThat(group.getIntent()).isEqualTo(RequestGroup.RequestIntent.PROPOSAL);
        assertThat(group.getReasonReferenceFirstRep().getReference())
                .isEqualTo(interpretation.differential().getIdElement().getValue());

        List<ServiceRequest> proposals = interpretation.proposals();
        assertThat(proposals)
                .extracting(p -> p.getCode().getCodingFirstRep().getCode())
                .containsExactly("gi-evaluation", "ferritin", "hemoglobin-fractionation");
        assertThat(group.getAction())
                .extracting(a -> a.getResource().getReference())
                .containsExactlyElementsOf(
                        proposals.stream().map(p -> p.getIdElement().getValue()).toList());
        ServiceRequest ferritin = proposals.get(1);
        assertThat(ferritin.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
        assertThat(ferritin.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        assertThat(ferritin.getSubject().getReference()).isEqualTo(PATIENT);
        assertThat(ferritin.getCode().getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "https://fhir.microcytic.dev/CodeSystem/microcytic-test", "ferritin"),
                        org.assertj.core.groups.Tuple.tuple("http://loinc.org", "2276-4"));
        assertThat(proposals.get(2).getCode().getCoding()).hasSize(1);
        assertThat(proposals.get(2).getReasonCodeFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("beta-thalassemia-trait");
    }

    @Test
    void missingAnalytesMakeTheEvaluationDataRequired() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of(Analyte.CRP)), PATIENT, NOW);

        GuidanceResponse guidance = interpretation.guidance();
        assertThat(guidance.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
        assertThat(guidance.getDataRequirement()).hasSize(1);
        assertThat(guidance.getDataRequirementFirstRep().getType()).isEqualTo("Observation");
        assertThat(guidance.getDataRequirementFirstRep().getCodeFilterFirstRep().getCode())
                .extracting(Coding::getCode)
                .containsExactly("1988-5", "30522-7");
        assertThat(R4CoreValidator.errors(guidance)).isEmpty();
    }

    @Test
    void nothingMicrocyticGivesOnlyASuccessfulGuidanceResponse() {
        Differential normal = new Differential(
                "1.1.0",
                new RedCellFindings(false, false, false, List.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Set.of(),
                List.of());

        Interpretation interpretation = writer.write(normal, PATIENT, NOW);

        assertThat(interpretation.isEmpty()).isTrue();
        assertThat(interpretation.resources()).containsExactly(interpretation.guidance());
        assertThat(interpretation.guidance().getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        assertThat(interpretation.guidance().hasResult()).isFalse();
        assertThat(R4CoreValidator.errors(interpretation.toUnsavedCollection())).isEmpty();
    }

    @Test
    void criticalLeadingCauseIsFlaggedCriticalAndUrgent() {
        CandidateCause lead = new CandidateCause(
                "lead-poisoning",
                "Lead poisoning",
                Likelihood.LIKELY,
                1,
                Urgency.CRITICAL,
                List.of(Evidence.finding("Blood lead 48 ug/dL", "ruckart-2021")),
                List.of(),
                List.of(new SuggestedTest("blood-lead", "Venous blood lead", null, "Confirm on a venous sample")),
                List.of());
        Differential differential = new Differential(
                "1.1.0", findings(), List.of(lead), List.of(), List.of(), List.of(), Set.of(), List.of());

        Interpretation interpretation = writer.write(differential, PATIENT, NOW);

        assertThat(interpretation
                        .differential()
                        .getInterpretationFirstRep()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("AA");
        assertThat(interpretation.proposals().get(0).getPriority())
                .isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(interpretation.requestGroup().getActionFirstRep().getPriority())
                .isEqualTo(RequestGroup.RequestPriority.URGENT);
        assertThat(R4CoreValidator.errors(interpretation.toUnsavedCollection())).isEmpty();
    }

    @Test
    void everyResourceValidatesAgainstR4Core() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of(Analyte.CRP)), PATIENT, NOW);

        for (Resource resource : interpretation.resources()) {
            Resource copy = resource.copy();
            copy.setIdElement(null);
            assertThat(R4CoreValidator.errors(copy)).as(resource.fhirType()).isEmpty();
        }
        assertThat(R4CoreValidator.errors(interpretation.toUnsavedCollection())).isEmpty();
        assertThat(R4CoreValidator.errors(interpretation.toTransaction())).isEmpty();
    }

    @Test
    void codesExistInTheKnowledgePackageCodeSystems() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of(Analyte.CRP)), PATIENT, NOW);

        assertThat(R4CoreValidator.errorsWithKnowledge(interpretation.toUnsavedCollection()))
                .isEmpty();
    }

    @Test
    void validatorWithKnowledgeRejectsAnUnknownCauseCode() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of()), PATIENT, NOW);
        Observation observation = interpretation.differential().copy();
        observation.setIdElement(null);
        observation.getValueCodeableConcept().getCodingFirstRep().setCode("not-a-cause");

        assertThat(R4CoreValidator.errorsWithKnowledge(observation)).isNotEmpty();
    }

    @Test
    void giEvaluationIsProposedFirstOnlyWhenTheLeadingOrALikelyCauseAsksForIt() {
        Differential leading = ironDeficiencyFirst(Set.of());
        List<CandidateCause> possibleOnly = leading.causes().stream()
                .map(c -> c.code().equals("iron-deficiency")
                        ? new CandidateCause(
                                c.code(),
                                c.display(),
                                Likelihood.POSSIBLE,
                                2,
                                c.urgency(),
                                c.supporting(),
                                c.opposing(),
                                c.nextTests(),
                                c.caveats())
                        : c.code().equals("beta-thalassemia-trait")
                                ? new CandidateCause(
                                        c.code(),
                                        c.display(),
                                        c.likelihood(),
                                        1,
                                        c.urgency(),
                                        c.supporting(),
                                        c.opposing(),
                                        c.nextTests(),
                                        c.caveats())
                                : c)
                .toList();
        Differential secondary = new Differential(
                leading.knowledgeVersion(),
                leading.findings(),
                possibleOnly,
                leading.indices(),
                leading.caveats(),
                leading.nextTests(),
                leading.missingAnalytes(),
                leading.valuesUsed());

        assertThat(TestPriority.forDifferential(leading, leading.nextTests()))
                .extracting(SuggestedTest::code)
                .containsExactly("gi-evaluation", "ferritin", "hemoglobin-fractionation");
        assertThat(TestPriority.forDifferential(secondary, secondary.nextTests()))
                .extracting(SuggestedTest::code)
                .containsExactly("ferritin", "gi-evaluation", "hemoglobin-fractionation");
    }

    @Test
    void causesFollowRankNotListOrderAndAppearOncePerCode() {
        Differential engineOrder = ironDeficiencyFirst(Set.of());
        List<CandidateCause> shuffled = new java.util.ArrayList<>(engineOrder.causes());
        java.util.Collections.reverse(shuffled);
        shuffled.add(engineOrder.causes().get(0));
        Differential reversed = new Differential(
                engineOrder.knowledgeVersion(),
                engineOrder.findings(),
                shuffled,
                engineOrder.indices(),
                engineOrder.caveats(),
                engineOrder.nextTests(),
                engineOrder.missingAnalytes(),
                engineOrder.valuesUsed());

        Observation observation = writer.write(reversed, PATIENT, NOW).differential();

        assertThat(observation.getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("iron-deficiency");
        assertThat(observation.getComponent())
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("iron-deficiency", "beta-thalassemia-trait", "anemia-of-inflammation");
    }

    @Test
    void standardWriterAddsTheVerifiedSnomedCodingFromTheKnowledgePackage() {
        Observation observation = DifferentialWriter.standard()
                .write(ironDeficiencyFirst(Set.of()), PATIENT, NOW)
                .differential();

        assertThat(observation.getValueCodeableConcept().getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .contains(org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "87522002"));
        // anemia-of-inflammation maps to 234347009 (equivalent) in the bundled ConceptMap.
        assertThat(observation.getComponent().get(2).getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("anemia-of-inflammation", "234347009");
    }

    @Test
    void dataNotesJoinTheRationale() {
        Observation observation = writer.write(
                        ironDeficiencyFirst(Set.of()), PATIENT, NOW, List.of("Ferritin in pmol/L could not be used"))
                .differential();

        assertThat(observation.getNote())
                .extracting(n -> n.getText())
                .contains("Data notes: Ferritin in pmol/L could not be used.");
    }

    @Test
    void validatorRejectsAProposalWithoutStatus() {
        // Proves the validation above can fail: status and intent are mandatory on ServiceRequest.
        ServiceRequest broken = writer.write(ironDeficiencyFirst(Set.of()), PATIENT, NOW)
                .proposals()
                .get(0)
                .copy();
        broken.setIdElement(null);
        broken.setStatus(null);

        assertThat(R4CoreValidator.errors(broken))
                .anySatisfy(error -> assertThat(error).contains("ServiceRequest.status"));
    }

    @Test
    void unsavedCollectionUsesPlaceholdersAsFullUrls() {
        Interpretation interpretation = writer.write(ironDeficiencyFirst(Set.of()), PATIENT, NOW);

        Bundle bundle = interpretation.toUnsavedCollection();

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .containsExactly(
                        "Observation",
                        "GuidanceResponse",
                        "RequestGroup",
                        "ServiceRequest",
                        "ServiceRequest",
                        "ServiceRequest");
        assertThat(bundle.getEntry()).allSatisfy(e -> {
            assertThat(e.getFullUrl()).startsWith("urn:uuid:");
            assertThat(e.getResource().hasId()).isFalse();
        });
    }

    static Differential ironDeficiencyFirst(Set<Analyte> missing) {
        SuggestedTest ferritin =
                new SuggestedTest("ferritin", "Serum ferritin", "2276-4", "Confirm absent iron stores");
        SuggestedTest gi = new SuggestedTest("gi-evaluation", "GI evaluation", null, "Find the source of iron loss");
        SuggestedTest hplc = new SuggestedTest(
                "hemoglobin-fractionation", "Hemoglobin fractionation", null, "HbA2 after iron repletion");
        CandidateCause iron = new CandidateCause(
                "iron-deficiency",
                "Iron deficiency anemia",
                Likelihood.LIKELY,
                1,
                Urgency.WARNING,
                List.of(new Evidence(
                        "Ferritin 6 ng/mL < 15 ng/mL (absent iron stores)",
                        Analyte.FERRITIN,
                        6.0,
                        "ng/mL",
                        "<",
                        15.0,
                        "who-2020",
                        "Observation/ferritin-1")),
                List.of(),
                List.of(ferritin, gi),
                List.of());
        CandidateCause beta = new CandidateCause(
                "beta-thalassemia-trait",
                "Beta-thalassemia trait",
                Likelihood.POSSIBLE,
                2,
                Urgency.INFO,
                List.of(),
                List.of(Evidence.finding("Mentzer index 16.2 > 13", "mentzer-1973")),
                List.of(hplc),
                List.of(new Caveat("iron-deficiency-lowers-hba2", "Iron deficiency lowers HbA2", "donker-2014")));
        CandidateCause inflammation = new CandidateCause(
                "anemia-of-inflammation",
                "Anemia of inflammation",
                Likelihood.CONSIDER,
                3,
                Urgency.INFO,
                List.of(),
                List.of(),
                List.of(),
                List.of());
        return new Differential(
                "1.1.0",
                findings(),
                List.of(iron, beta, inflammation),
                List.of(new ComputedIndex(
                        "mentzer",
                        "Mentzer index",
                        "MCV / RBC",
                        16.2,
                        13,
                        "iron-deficiency",
                        null,
                        null,
                        "mentzer-1973")),
                List.of(new Caveat("pregnancy", "Pregnancy lowers the Hb cut-off", "who-2011")),
                List.of(ferritin, gi, hplc),
                missing,
                List.of(
                        new LabValue(
                                Analyte.HEMOGLOBIN,
                                9.1,
                                NOW.minusSeconds(86400),
                                "Observation/hb-1/_history/2",
                                12.0,
                                16.0,
                                false),
                        new LabValue(Analyte.MCV, 68, NOW.minusSeconds(86400), "Observation/mcv-1", null, null, false),
                        new LabValue(
                                Analyte.FERRITIN,
                                6,
                                NOW.minusSeconds(86400),
                                "Observation/ferritin-1",
                                null,
                                null,
                                false),
                        new LabValue(
                                Analyte.TRANSFERRIN_SATURATION, 7, NOW.minusSeconds(86400), null, null, null, true)));
    }

    private static RedCellFindings findings() {
        return new RedCellFindings(
                true,
                true,
                true,
                List.of(new Evidence(
                        "Hb 9.1 g/dL < 12 g/dL",
                        Analyte.HEMOGLOBIN,
                        9.1,
                        "g/dL",
                        "<",
                        12.0,
                        "who-2011",
                        "Observation/hb-1")));
    }

    private static CauseCodings snomedFromConceptMap() {
        ConceptMap map = new ConceptMap();
        ConceptMap.ConceptMapGroupComponent group = map.addGroup()
                .setSource("https://fhir.microcytic.dev/CodeSystem/microcytic-cause")
                .setTarget("http://snomed.info/sct");
        group.addElement()
                .setCode("iron-deficiency")
                .addTarget()
                .setCode("87522002")
                .setDisplay("Iron deficiency anemia")
                .setEquivalence(ConceptMapEquivalence.EQUIVALENT);
        group.addElement()
                .setCode("beta-thalassemia-trait")
                .addTarget()
                .setCode("12345678")
                .setDisplay("narrower concept")
                .setEquivalence(ConceptMapEquivalence.NARROWER);
        return CauseCodings.from(
                List.of(map), "https://fhir.microcytic.dev/CodeSystem/microcytic-cause", "http://snomed.info/sct");
    }
}

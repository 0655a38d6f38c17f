package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcytic.cdshooks.differential.ClinicalCase;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Fixtures;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.DifferentialWriter;
import dev.microcytic.cdshooks.fhir.Interpretation;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.terminology.LabConcepts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture case and vignette, run through the engine and both renderings (the {@code microcytic-anemia} cards,
 * the {@code microcytic-iron-order-check} card for an oral iron order, and the resources of
 * {@code $microcytic-differential}), compared with the recorded output under {@code golden/}. A change anywhere in
 * what a clinician or a FHIR client sees shows up here. Generated UUIDs are replaced by their order of appearance.
 *
 * <p>Regenerate after an intended change with {@code -Dmicrocytic.golden.update=true} and review the diff.
 */
class GoldenOutputTest {

    private static final Path GOLDEN = Path.of("src/test/resources/dev/microcytic/cdshooks/golden");
    private static final boolean UPDATE = Boolean.getBoolean("microcytic.golden.update");
    private static final Instant EVALUATED_AT = Instant.parse("2026-03-02T12:00:00Z");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TestFactory
    Stream<DynamicTest> outputsMatchTheRecordedOnes() throws IOException {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (ClinicalCase c : Fixtures.cases()) {
            inputs.put("case-" + c.id(), new Input(c.panel(), c.context()));
        }
        for (JsonNode v : Fixtures.vignettes()) {
            inputs.put(
                    "vignette-" + v.path("id").asText(),
                    new Input(Fixtures.vignettePanel(v), Fixtures.vignetteContext(v)));
        }
        return inputs.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> compare(e.getKey(), render(e.getValue()))));
    }

    private record Input(LabPanel panel, PatientContext context) {}

    private static String render(Input input) throws IOException {
        Differential differential = GuidelineDifferentialEngine.standard().evaluate(input.panel(), input.context());
        AtomicInteger ids = new AtomicInteger();
        CardWriter cards = new CardWriter(
                id -> Optional.of(new Citation(id, "citation of " + id, "https://example.org/" + id, "label of " + id)),
                CdsServiceSettings.DONKER_2014,
                () -> "card-" + ids.incrementAndGet());
        ObjectMapper wire = CdsHooksJson.writer(FHIR);
        ObjectNode root = JSON.createObjectNode();
        root.set(
                "cards",
                JSON.readTree(wire.writeValueAsString(
                        cards.write(differential, "p1", List.of("A data note from the readers.")))));

        IronOrderCheckService orderCheck = new IronOrderCheckService(
                new DifferentialPipeline(
                        GuidelineDifferentialEngine.standard(),
                        LabPanelReader.standard(),
                        PatientContextReader.standard()),
                LabConcepts.standard(),
                Clock.fixed(EVALUATED_AT, ZoneOffset.UTC),
                CdsServiceSettings.DONKER_2014);
        MedicationRequest iron = new MedicationRequest();
        iron.setId("iron-order");
        iron.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        iron.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        iron.setMedication(
                new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "4493", null)));
        iron.setSubject(new Reference("Patient/p1"));
        var ironCard = orderCheck.ironCard(iron, differential);
        root.set("ironOrderCard", ironCard.isPresent() ? JSON.readTree(wire.writeValueAsString(ironCard.get())) : null);

        Interpretation interpretation = DifferentialWriter.standard()
                .write(differential, "Patient/p1", EVALUATED_AT, List.of("A data note from the readers."));
        IParser parser = FHIR.newJsonParser();
        ArrayNode resources = root.putArray("differential");
        for (Resource resource : interpretation.resources()) {
            resources.add(JSON.readTree(parser.encodeResourceToString(resource)));
        }
        return stableIds(JSON.writeValueAsString(root)) + "\n";
    }

    /** Replaces each distinct UUID by {@code uuid-N} in the order of first appearance. */
    private static String stableIds(String json) {
        Map<String, String> seen = new LinkedHashMap<>();
        Matcher m = UUID.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = seen.computeIfAbsent(m.group(), k -> "uuid-" + (seen.size() + 1));
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name + ".json");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file)
                .as("golden file (run with -Dmicrocytic.golden.update=true)")
                .exists();
        assertThat(actual).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}

package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCodingJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.Vocabulary;
import dev.microcytic.terminology.knowledge.rules.AnalyteNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The {@code microcytic-iron-order-check} service on {@code order-select} : while the clinician
 * picks orders it warns when oral or IV iron is selected although the labs point away from iron deficiency (for
 * example thalassaemia trait with normal ferritin: "iron is not indicated in thal trait with normal ferritin"), and
 * notes when a test that resulted recently is ordered again. Each card offers to remove the draft order (a CDS Hooks
 * 2.0 {@code delete} action with {@code resourceId}).
 */
public final class IronOrderCheckService implements CdsHookService {

    public static final String ID = "microcytic-iron-order-check";

    /** Causes for which iron is (or may be) part of the treatment. */
    static final Set<String> IRON_RESPONSIVE = Set.of(
            "iron-deficiency",
            "mixed-iron-deficiency-inflammation",
            "iron-studies-needed",
            "irida",
            "anemia-of-chronic-kidney-disease");

    /**
     * How long a result stays current enough that ordering it again deserves a note. Service defaults, not guideline
     * values: iron indices change over weeks (repletion is re-checked after 4-8 weeks), Hb fractionation and lead far
     * more slowly.
     */
    static final Map<Analyte, Duration> RECENT = Map.ofEntries(
            Map.entry(Analyte.FERRITIN, Duration.ofDays(28)),
            Map.entry(Analyte.IRON, Duration.ofDays(28)),
            Map.entry(Analyte.TIBC, Duration.ofDays(28)),
            Map.entry(Analyte.TRANSFERRIN_SATURATION, Duration.ofDays(28)),
            Map.entry(Analyte.TRANSFERRIN, Duration.ofDays(28)),
            Map.entry(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR, Duration.ofDays(28)),
            Map.entry(Analyte.HBA2, Duration.ofDays(365)),
            Map.entry(Analyte.HBF, Duration.ofDays(365)),
            Map.entry(Analyte.HBH, Duration.ofDays(365)),
            Map.entry(Analyte.HBE, Duration.ofDays(365)),
            Map.entry(Analyte.BLOOD_LEAD, Duration.ofDays(30)),
            Map.entry(Analyte.CERULOPLASMIN, Duration.ofDays(90)),
            Map.entry(Analyte.COPPER, Duration.ofDays(90)),
            Map.entry(Analyte.ZINC, Duration.ofDays(90)));

    /** Next-test codes ({@code microcytic-test}) and the analyte whose recent result makes the order a repeat. */
    static final Map<String, Analyte> TEST_ANALYTE = Map.of(
            "iron-studies", Analyte.FERRITIN,
            "ferritin", Analyte.FERRITIN,
            "transferrin", Analyte.TRANSFERRIN,
            "stfr", Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR,
            "hemoglobin-fractionation", Analyte.HBA2,
            "blood-lead", Analyte.BLOOD_LEAD,
            "ceruloplasmin", Analyte.CERULOPLASMIN,
            "copper-zinc", Analyte.COPPER);

    private final DifferentialPipeline pipeline;
    private final LabConcepts labConcepts;
    private final Clock clock;
    private final CardEnvelope envelope;
    private final ServiceDefinition definition;

    public IronOrderCheckService(
            DifferentialPipeline pipeline, LabConcepts labConcepts, Clock clock, String guidelineUrl) {
        this.pipeline = pipeline;
        this.labConcepts = labConcepts;
        this.clock = clock;
        this.envelope = new CardEnvelope(guidelineUrl, CardIds::next);
        ServiceDefinition service = new ServiceDefinition();
        service.setId(ID)
                .setHook("order-select")
                .setTitle("Iron and anemia lab order check")
                .setDescription("Warns when oral or IV iron is selected although the patient's labs point away "
                        + "from iron deficiency (e.g. thalassaemia trait with normal ferritin), and when a test that "
                        + "resulted recently (ferritin, iron studies, Hb fractionation, lead) is ordered again.");
        service.setUsageRequirements("Send context.draftOrders (a Bundle of MedicationRequests and ServiceRequests) "
                + "and context.selections, plus the prefetch keys or a fhirServer. Calls must carry a JWT signed "
                + "by a trusted issuer (CDS Hooks 2.0).");
        Map<String, String> templates = MicrocyticAnemiaService.prefetchTemplates(labConcepts);
        templates.forEach(service::addPrefetch);
        this.definition = service;
    }

    @Override
    public CdsServiceJson definition() {
        return definition;
    }

    @Override
    public Set<String> requiredPrefetch() {
        return Set.of("patient", "labs");
    }

    @Override
    public CdsServiceResponseJson handle(CdsServiceRequestJson request) {
        String patientId = (String) request.getContext().get("patientId");
        List<Resource> selected = selectedOrders(request);
        CdsServiceResponseJson response = new CdsServiceResponseJson();
        if (selected.isEmpty()) {
            return response;
        }
        DifferentialPipeline.Evaluation evaluation =
                MicrocyticAnemiaService.evaluate(request, patientId, pipeline, clock);
        for (Resource order : selected) {
            if (order instanceof MedicationRequest medication && isIron(medication)) {
                ironCard(medication, evaluation.differential()).ifPresent(response::addCard);
            } else if (order instanceof ServiceRequest test) {
                repeatCard(test, evaluation.labs()).ifPresent(response::addCard);
            }
        }
        return response;
    }

    /** The draft orders the clinician selected (all draft orders when the client sends no selections). */
    private static List<Resource> selectedOrders(CdsServiceRequestJson request) {
        Object draftOrders = request.getContext().get("draftOrders");
        if (!(draftOrders instanceof Bundle bundle)) {
            throw CdsHookException.badRequest("'context.draftOrders' must be a Bundle (order-select hook)");
        }
        Object selectionsValue = request.getContext().get("selections");
        List<?> selections = selectionsValue instanceof List<?> list ? list : List.of();
        List<Resource> selected = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            String reference =
                    resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            if (selections.isEmpty() || selections.contains(reference)) {
                selected.add(resource);
            }
        }
        return selected;
    }

    private boolean isIron(MedicationRequest medication) {
        Set<MedicationClass> classes = pipeline.contextReader().medicationClasses(medication);
        return classes.contains(MedicationClass.ORAL_IRON) || classes.contains(MedicationClass.IV_IRON);
    }

    Optional<CdsServiceResponseCardJson> ironCard(MedicationRequest order, Differential differential) {
        Optional<CandidateCause> leading = differential.leading();
        if (leading.isEmpty() || IRON_RESPONSIVE.contains(leading.get().code())) {
            return Optional.empty();
        }
        boolean ironDeficiencyOpen = differential.causes().stream()
                .anyMatch(c -> IRON_RESPONSIVE.contains(c.code()) && c.likelihood() == Likelihood.LIKELY);
        if (ironDeficiencyOpen) {
            return Optional.empty();
        }
        CandidateCause cause = leading.get();
        StringBuilder summary =
                new StringBuilder("Iron ordered, but labs point away from iron deficiency: ").append(cause.display());
        String values = valuesOf(cause, differential);
        if (!values.isEmpty() && summary.length() + values.length() + 3 <= CardEnvelope.MAX_SUMMARY) {
            summary.append(" (").append(values).append(')');
        }
        StringBuilder detail = new StringBuilder();
        detail.append("The latest results point to **")
                .append(CardText.cell(cause.display()))
                .append("** (")
                .append(CardWriter.likelihoodWord(cause.likelihood()))
                .append("), and iron deficiency is not likely:\n\n");
        for (Evidence evidence : cause.supporting()) {
            detail.append("- ").append(CardText.cell(evidence.statement())).append('\n');
        }
        for (CandidateCause other : differential.causes()) {
            if (IRON_RESPONSIVE.contains(other.code())) {
                for (Evidence against : other.opposing()) {
                    detail.append("- Against ")
                            .append(CardText.cell(other.display()))
                            .append(": ")
                            .append(CardText.cell(against.statement()))
                            .append('\n');
                }
            }
        }
        detail.append("\nIron is not indicated without iron deficiency (e.g. in thalassaemia trait with normal "
                        + "ferritin) and adds to iron loading. Knowledge package microcytic ")
                .append(CardText.cell(differential.knowledgeVersion()))
                .append('.');
        CdsServiceResponseCardJson card = envelope.card(
                CardText.truncate(summary.toString(), CardEnvelope.MAX_SUMMARY),
                CdsServiceIndicatorEnum.WARNING,
                detail.toString(),
                CardEnvelope.causeTopic(cause),
                differential.knowledgeVersion(),
                null);
        card.addSuggestion(envelope.removal(order, "Remove the iron order"));
        card.setSelectionBehaviour("at-most-one");
        return Optional.of(card);
    }

    private static String valuesOf(CandidateCause cause, Differential differential) {
        List<String> values = new ArrayList<>();
        for (Evidence evidence : cause.supporting()) {
            if (evidence.analyte() != null && evidence.value() != null && values.size() < 2) {
                values.add(AnalyteNames.bundled().card(evidence.analyte()) + " "
                        + ValueFormat.quantity(
                                evidence.value(), evidence.analyte().canonicalUnit()));
            }
        }
        if (values.isEmpty()) {
            differential.valuesUsed().stream()
                    .filter(v -> v.analyte() == Analyte.FERRITIN)
                    .max((a, b) -> a.effective().compareTo(b.effective()))
                    .ifPresent(v -> values.add("ferritin " + ValueFormat.quantity(v.value(), v.unit())));
        }
        return String.join(", ", values);
    }

    private Optional<CdsServiceResponseCardJson> repeatCard(ServiceRequest order, LabPanelReader.Result labs) {
        Optional<Analyte> analyte = orderedAnalyte(order);
        if (analyte.isEmpty() || !RECENT.containsKey(analyte.get())) {
            return Optional.empty();
        }
        Optional<LabValue> latest = labs.panel().latest(analyte.get());
        Instant now = clock.instant();
        if (latest.isEmpty() || latest.get().effective().isBefore(now.minus(RECENT.get(analyte.get())))) {
            return Optional.empty();
        }
        LabValue value = latest.get();
        long days = Math.max(0, Duration.between(value.effective(), now).toDays());
        String name = AnalyteNames.bundled().card(analyte.get());
        String summary = CardText.truncate(
                name.substring(0, 1).toUpperCase() + name.substring(1) + " resulted " + days + " days ago ("
                        + ValueFormat.quantity(value.value(), value.unit()) + "): is a repeat needed now?",
                CardEnvelope.MAX_SUMMARY);
        String detail = "The latest " + name + " result is from "
                + value.effective().atOffset(ZoneOffset.UTC).toLocalDate() + " ("
                + ValueFormat.quantity(value.value(), value.unit()) + "). Results within "
                + RECENT.get(analyte.get()).toDays() + " days rarely change management; repeat when a treatment "
                + "response or a new question needs it (e.g. HbA2 after iron repletion).";
        CdsServiceResponseCardJson card = envelope.card(
                summary,
                CdsServiceIndicatorEnum.INFO,
                detail,
                new CdsServiceResponseCodingJson()
                        .setSystem(Vocabulary.TEST_SYSTEM)
                        .setCode(testCode(order).orElse("iron-studies")),
                null,
                null);
        card.addSuggestion(envelope.removal(order, "Remove the repeat order"));
        card.setSelectionBehaviour("at-most-one");
        return Optional.of(card);
    }

    private Optional<Analyte> orderedAnalyte(ServiceRequest order) {
        for (Coding coding : order.getCode().getCoding()) {
            if (Vocabulary.TEST_SYSTEM.equals(coding.getSystem()) && TEST_ANALYTE.containsKey(coding.getCode())) {
                return Optional.of(TEST_ANALYTE.get(coding.getCode()));
            }
            if (coding.hasSystem() && coding.hasCode()) {
                Optional<Analyte> analyte = labConcepts.analyteFor(coding.getSystem(), coding.getCode());
                if (analyte.isPresent()) {
                    return analyte;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> testCode(ServiceRequest order) {
        return order.getCode().getCoding().stream()
                .filter(c -> Vocabulary.TEST_SYSTEM.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode)
                .findFirst();
    }
}

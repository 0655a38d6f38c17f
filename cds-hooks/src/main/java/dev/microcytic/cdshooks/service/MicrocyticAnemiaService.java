package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.Vocabulary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code microcytic-anemia} service on {@code patient-view} : reads the prefetched labs and
 * context, runs the differential engine and answers its cards; no cards when nothing is microcytic.
 */
public final class MicrocyticAnemiaService implements CdsHookService {

    public static final String ID = "microcytic-anemia";

    private static final Logger log = LoggerFactory.getLogger(MicrocyticAnemiaService.class);

    private final DifferentialPipeline pipeline;
    private final CardWriter cardWriter;
    private final Clock clock;
    private final ServiceDefinition definition;

    public MicrocyticAnemiaService(
            DifferentialPipeline pipeline, CardWriter cardWriter, LabConcepts labConcepts, Clock clock) {
        this.pipeline = pipeline;
        this.cardWriter = cardWriter;
        this.clock = clock;
        this.definition = definition(labConcepts);
    }

    private static ServiceDefinition definition(LabConcepts labConcepts) {
        ServiceDefinition definition = new ServiceDefinition();
        definition
                .setId(ID)
                .setHook("patient-view")
                .setTitle("Microcytic anemia work-up")
                .setDescription("Interprets the latest CBC, iron studies and follow-up tests when microcytosis or "
                        + "microcytic anemia is present: ranked causes (iron deficiency, inflammation, thalassaemia "
                        + "and haemoglobin variants, lead, sideroblastic and rare genetic causes after Donker et al. "
                        + "2014) with the values that decided them, caveats, and the next tests as draft orders.");
        definition.setUsageRequirements("Send the prefetch keys or a fhirServer with read access to the patient's "
                + "Patient, Observation, Condition, MedicationRequest and Procedure resources. Lab Observations need "
                + "LOINC codes and UCUM units. Calls must carry a JWT signed by a trusted issuer (CDS Hooks 2.0).");
        for (var template : prefetchTemplates(labConcepts).entrySet()) {
            definition.addPrefetch(template.getKey(), template.getValue());
        }
        return definition;
    }

    /** The prefetch templates shared by the services of this product (the keys EHRs are told about in discovery). */
    static java.util.Map<String, String> prefetchTemplates(LabConcepts labConcepts) {
        java.util.Map<String, String> templates = new java.util.LinkedHashMap<>();
        templates.put("patient", "Patient/{{context.patientId}}");
        templates.put("labs", labsQuery(labConcepts));
        templates.put("conditions", "Condition?patient={{context.patientId}}&_count=200");
        templates.put("medications", "MedicationRequest?patient={{context.patientId}}&_count=200");
        templates.put("procedures", "Procedure?patient={{context.patientId}}&_count=100");
        return templates;
    }

    /** One search for every LOINC code the service reads, newest first. */
    static String labsQuery(LabConcepts labConcepts) {
        List<String> codes = new ArrayList<>(labConcepts.allLoincCodes());
        if (!codes.contains(Vocabulary.PREGNANCY_STATUS_LOINC)) {
            codes.add(Vocabulary.PREGNANCY_STATUS_LOINC);
        }
        StringBuilder query = new StringBuilder("Observation?patient={{context.patientId}}&code=");
        for (int i = 0; i < codes.size(); i++) {
            query.append(i == 0 ? "" : ",")
                    .append(LabConcepts.LOINC)
                    .append('|')
                    .append(codes.get(i));
        }
        return query.append("&_sort=-date&_count=500").toString();
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
        DifferentialPipeline.Evaluation evaluation = evaluate(request, patientId);
        return cardWriter.write(evaluation.differential(), patientId, evaluation.notes());
    }

    DifferentialPipeline.Evaluation evaluate(CdsServiceRequestJson request, String patientId) {
        return evaluate(request, patientId, pipeline, clock);
    }

    /** The engine's result for the request's patient, with the data-quality notes about its input. */
    static DifferentialPipeline.Evaluation evaluate(
            CdsServiceRequestJson request, String patientId, DifferentialPipeline pipeline, Clock clock) {
        List<String> notes = new ArrayList<>();
        Patient patient = PrefetchValues.patient(request, "patient", patientId);
        if (patient == null) {
            notes.add("The Patient record was not available: age- and sex-specific limits could not be applied.");
        }
        List<Resource> labs = PrefetchValues.resources(request, "labs", patientId);
        List<Resource> context = new ArrayList<>(labs);
        for (String key : List.of("conditions", "medications", "procedures")) {
            if (request.getPrefetchKeys().contains(key) && request.getPrefetch(key) == null) {
                notes.add(missingNote(key));
            }
            context.addAll(PrefetchValues.resources(request, key, patientId));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DifferentialPipeline.Evaluation evaluation;
        try {
            evaluation = pipeline.evaluate(patient, PrefetchValues.observations(labs), context, today);
        } catch (IllegalArgumentException e) {
            // Input the engine refuses (a combination the readers let through); not a server fault.
            log.warn(
                    "The differential engine refused the input: {}",
                    e.getClass().getSimpleName());
            throw new CdsHookException(422, "unprocessable", "The patient's data could not be interpreted");
        }
        notes.addAll(evaluation.notes());
        return new DifferentialPipeline.Evaluation(evaluation.differential(), notes, evaluation.labs());
    }

    private static String missingNote(String key) {
        return switch (key) {
            case "conditions" -> "Conditions were not available: inflammation, kidney disease and known diagnoses "
                    + "could not be taken into account.";
            case "medications" -> "Medications were not available: iron therapy and drugs causing sideroblastic "
                    + "anemia could not be taken into account.";
            default -> "Procedures were not available: a recent transfusion could not be taken into account.";
        };
    }
}

package dev.microcytic.cdshooks.fhir;

import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.DifferentialEngine;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.Vocabulary;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * The one way from a patient's FHIR resources to a differential: the lab reader, the context reader, the engine. The
 * CDS Hooks services (from prefetch), {@code $microcytic-differential} and re-evaluation on ingest (from the store) all
 * call it, so the same data gives the same differential whichever way it came in; and whether a stored resource can
 * change a differential is answered by the same readers' classification ({@link #canChange}).
 */
public final class DifferentialPipeline {

    private final DifferentialEngine engine;
    private final LabPanelReader labs;
    private final PatientContextReader context;

    public DifferentialPipeline(DifferentialEngine engine, LabPanelReader labs, PatientContextReader context) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.labs = Objects.requireNonNull(labs, "labs");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * @param differential the engine's result
     * @param notes the lab reader's notes on values it left out or derived (unconvertible units, ...)
     * @param labs what the lab reader read
     */
    public record Evaluation(Differential differential, List<String> notes, LabPanelReader.Result labs) {
        public Evaluation {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param patient the Patient, or null when unknown
     * @param observations the lab Observations
     * @param contextResources Conditions, medications, Procedures and the pregnancy-status Observation
     * @param evaluationDate the date of the interpretation
     * @throws IllegalArgumentException when the engine refuses the input
     */
    public Evaluation evaluate(
            Patient patient,
            Collection<? extends IBaseResource> observations,
            Collection<? extends IBaseResource> contextResources,
            LocalDate evaluationDate) {
        LabPanelReader.Result panel = labs.read(observations);
        PatientContext patientContext = context.read(patient, contextResources, evaluationDate);
        return new Evaluation(engine.evaluate(panel.panel(), patientContext), panel.notes(), panel);
    }

    /**
     * Whether storing, changing or deleting this resource can change its patient's differential: an Observation the
     * lab reader reads (by its codes), or a Condition, medication, Procedure or pregnancy-status Observation the context
     * reader reads. Status is not looked at: a status change (e.g. to entered-in-error) changes the reading too. The
     * service's own output is never an input.
     */
    public boolean canChange(IBaseResource resource) {
        if (resource instanceof Observation observation
                && observation.getCode().getCoding().stream()
                        .anyMatch(c -> Vocabulary.CDS_SYSTEM.equals(c.getSystem()))) {
            return false;
        }
        return labs.concerns(resource) || context.concerns(resource);
    }

    /** The context reader, for callers that classify a single resource (e.g. an iron order's medication class). */
    public PatientContextReader contextReader() {
        return context;
    }
}

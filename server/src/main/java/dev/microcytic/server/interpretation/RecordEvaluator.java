package dev.microcytic.server.interpretation;

import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.DifferentialEngine;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Runs the engine on a stored patient record through the same readers the CDS Hooks service uses for its prefetch
 * (ARCHITECTURE.md "two ways in, one brain"), so a FHIR client and an EHR get the same differential for the same data.
 */
public class RecordEvaluator {

    /**
     * @param differential the engine result
     * @param dataNotes the lab reader's notes on values it left out or derived (unconvertible units, ...)
     */
    public record Evaluation(Differential differential, List<String> dataNotes) {
        public Evaluation {
            dataNotes = List.copyOf(dataNotes);
        }
    }

    private final DifferentialEngine engine;
    private final LabPanelReader labs;
    private final PatientContextReader context;

    public RecordEvaluator(DifferentialEngine engine, LabPanelReader labs, PatientContextReader context) {
        this.engine = engine;
        this.labs = labs;
        this.context = context;
    }

    public Evaluation evaluate(PatientRecord record, LocalDate evaluationDate) {
        LabPanelReader.Result panel = labs.read(record.observations());
        List<IBaseResource> contextResources = new ArrayList<>();
        contextResources.addAll(record.conditions());
        contextResources.addAll(record.medicationRequests());
        contextResources.addAll(record.medicationStatements());
        contextResources.addAll(record.procedures());
        // The pregnancy-status Observation (82810-3) is context, not a lab value.
        contextResources.addAll(record.observations());
        PatientContext patientContext = context.read(record.patient(), contextResources, evaluationDate);
        return new Evaluation(engine.evaluate(panel.panel(), patientContext), panel.notes());
    }
}

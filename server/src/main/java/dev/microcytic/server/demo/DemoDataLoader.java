package dev.microcytic.server.demo;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.microcytic.server.interpretation.InterpretationService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Loads the demo patients at start ({@code microcytic.demo.enabled=true}) and evaluates each, so that the web app
 * and the CDS Hooks service have something to show. Idempotent: a demo patient that is already stored is left as it
 * is (its dates were set when it was first loaded, and a clinician may have added to it since).
 */
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DaoRegistry daoRegistry;
    private final InterpretationService interpretations;
    private final Clock clock;

    public DemoDataLoader(DaoRegistry daoRegistry, InterpretationService interpretations, Clock clock) {
        this.daoRegistry = daoRegistry;
        this.interpretations = interpretations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Stores the demo patients that are missing and returns their ids. */
    public List<String> load() {
        DemoPatients demo = DemoPatients.load();
        LocalDate today = LocalDate.now(clock);
        List<String> loaded = new ArrayList<>();
        @SuppressWarnings("unchecked")
        IFhirSystemDao<Bundle, Meta> system = daoRegistry.getSystemDao();
        for (String id : demo.ids()) {
            if (exists(id)) {
                continue;
            }
            system.transaction(new SystemRequestDetails(), demo.transaction(id, today));
            // Evaluated here rather than left to re-evaluation on ingest, which may be switched off.
            interpretations.reevaluate(id);
            loaded.add(id);
        }
        log.info(
                "Demo data: {} demo patients loaded, {} already present",
                loaded.size(),
                demo.ids().size() - loaded.size());
        return loaded;
    }

    private boolean exists(String id) {
        try {
            daoRegistry.getResourceDao(Patient.class).read(new IdType("Patient", id), new SystemRequestDetails());
            return true;
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return false;
        }
    }
}

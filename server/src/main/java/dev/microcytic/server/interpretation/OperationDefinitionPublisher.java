package dev.microcytic.server.interpretation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stores the OperationDefinition of {@code $microcytic-differential} so the canonical URL the CapabilityStatement
 * names resolves on this server ({@code OperationDefinition?url=...} or {@code OperationDefinition/microcytic-differential}).
 * HAPI only generates a definition for its own CapabilityStatement; ours carries the documentation clients need.
 * Updating with the same content is a no-op in HAPI, so every start (and every replica) may do it.
 */
public class OperationDefinitionPublisher implements ApplicationListener<ApplicationReadyEvent> {

    static final String RESOURCE = "/fhir/OperationDefinition-microcytic-differential.json";

    private final DaoRegistry daoRegistry;
    private final FhirContext fhirContext;

    public OperationDefinitionPublisher(DaoRegistry daoRegistry, FhirContext fhirContext) {
        this.daoRegistry = daoRegistry;
        this.fhirContext = fhirContext;
    }

    static OperationDefinition definition(FhirContext context) {
        try (InputStream in = OperationDefinitionPublisher.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return context.newJsonParser().parseResource(OperationDefinition.class, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        daoRegistry
                .getResourceDao(OperationDefinition.class)
                .update(definition(fhirContext), new SystemRequestDetails());
    }
}

package dev.microcytic.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import dev.microcytic.terminology.LabConcepts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the FHIR store accepts (the Observation ingest rules, as HAPI storage interceptors), how it says it is busy, and
 * which HAPI failures are the client's (400, not 500).
 */
@Configuration(proxyBeanMethods = false)
public class FhirIngestConfig {

    /** Every lab code the differential reads is a quantity (terminology's lab concepts are the one list). */
    @Bean
    public QuantitativeLabCodes quantitativeLabCodes() {
        LabConcepts concepts = LabConcepts.standard();
        return (system, code) -> concepts.analyteFor(system, code).isPresent();
    }

    @Bean
    public ObservationIngestRules observationIngestRules(
            FhirContext fhirContext, QuantitativeLabCodes quantitativeLabCodes, IInterceptorService interceptors) {
        ObservationIngestRules rules = new ObservationIngestRules(fhirContext, quantitativeLabCodes);
        interceptors.registerInterceptor(rules);
        return rules;
    }

    /** 503 with Retry-After instead of 500 when the connection pool had no connection in time (load beyond capacity). */
    @Bean
    public FhirServerCustomizer storeBusyAnswer() {
        StoreBusyInterceptor interceptor = new StoreBusyInterceptor();
        return server -> server.registerInterceptor(interceptor);
    }

    /** 400 instead of 500 for unparseable operation parameters and operations that need a full-text index. */
    @Bean
    public FhirServerCustomizer clientErrorAnswer() {
        ClientErrorInterceptor interceptor = new ClientErrorInterceptor();
        return server -> server.registerInterceptor(interceptor);
    }

    /** 406/415 instead of 500 for RDF/Turtle, whose library (Apache Jena) the server does not ship. */
    @Bean
    public FhirServerCustomizer rdfRequestAnswer() {
        RdfRequestInterceptor interceptor = new RdfRequestInterceptor();
        return server -> server.registerInterceptor(interceptor);
    }

    /** Generic 500 bodies with an incident id; the detail goes to the log only. */
    @Bean
    public FhirServerCustomizer internalErrorAnswer() {
        InternalErrorInterceptor interceptor = new InternalErrorInterceptor();
        return server -> server.registerInterceptor(interceptor);
    }
}

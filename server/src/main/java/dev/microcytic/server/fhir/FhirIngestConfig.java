package dev.microcytic.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the FHIR store accepts: the Observation ingest rules, registered with HAPI's storage interceptors. */
@Configuration(proxyBeanMethods = false)
public class FhirIngestConfig {

    @Bean
    public QuantitativeLabCodes quantitativeLabCodes() {
        return new CoreLabCodes();
    }

    @Bean
    public ObservationIngestRules observationIngestRules(
            FhirContext fhirContext, QuantitativeLabCodes quantitativeLabCodes, IInterceptorService interceptors) {
        ObservationIngestRules rules = new ObservationIngestRules(fhirContext, quantitativeLabCodes);
        interceptors.registerInterceptor(rules);
        return rules;
    }
}

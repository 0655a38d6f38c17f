package dev.microcytic.server.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dev.microcytic.server.fhir.FhirServerCustomizer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the knowledge package's terminology resources into the FHIR store at start-up, and says clearly when a
 * ValueSet cannot be expanded here.
 */
@Configuration(proxyBeanMethods = false)
public class TerminologyLoaderConfig {

    @Bean
    public TerminologyResourceLoader terminologyResourceLoader(DaoRegistry daoRegistry, FhirContext fhirContext) {
        return new TerminologyResourceLoader(daoRegistry, fhirContext);
    }

    /** Starts the load once every bean exists; its application runner holds readiness until it is done. */
    @Bean
    public ApplicationRunner terminologyLoadOnStart(TerminologyResourceLoader loader) {
        return new TerminologyStartupLoad(loader);
    }

    /** 422 naming the missing code system, instead of HAPI's 500, when $expand needs a code system not held here. */
    @Bean
    public FhirServerCustomizer unexpandableValueSetAnswer(FhirContext fhirContext) {
        UnexpandableValueSetInterceptor interceptor = new UnexpandableValueSetInterceptor(fhirContext);
        return server -> server.registerInterceptor(interceptor);
    }
}

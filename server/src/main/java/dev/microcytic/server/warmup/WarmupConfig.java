package dev.microcytic.server.warmup;

import ca.uhn.fhir.context.FhirContext;
import dev.microcytic.cdshooks.service.CdsHooksJson;
import dev.microcytic.cdshooks.service.CdsServiceCatalog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The start-up warm-up and the health indicator that holds health at OUT_OF_SERVICE until it has run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmupProperties.class)
class WarmupConfig {

    @Bean
    WarmupHealthIndicator warmupHealthIndicator() {
        return new WarmupHealthIndicator();
    }

    @Bean
    StartupWarmup startupWarmup(
            WarmupProperties properties,
            WarmupHealthIndicator health,
            ObjectProvider<CdsServiceCatalog> catalog,
            FhirContext fhirContext,
            Environment environment) {
        // The same kind of writer as the controller's (CDS Hooks JSON with FHIR resources inside suggestions).
        return new StartupWarmup(
                properties, health, catalog, CdsHooksJson.writer(fhirContext), environment, Clock.systemUTC());
    }
}

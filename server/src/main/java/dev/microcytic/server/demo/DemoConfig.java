package dev.microcytic.server.demo;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dev.microcytic.server.interpretation.InterpretationService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo patients for trying the web app and the CDS Hooks service: {@code microcytic.demo.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "microcytic.demo.enabled", havingValue = "true")
public class DemoConfig {

    @Bean
    public DemoDataLoader demoDataLoader(DaoRegistry daoRegistry, InterpretationService interpretations) {
        return new DemoDataLoader(daoRegistry, interpretations, Clock.systemUTC());
    }
}

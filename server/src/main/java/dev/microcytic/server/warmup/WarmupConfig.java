package dev.microcytic.server.warmup;

import ca.uhn.fhir.context.FhirContext;
import dev.microcytic.cdshooks.service.CdsHooksJson;
import dev.microcytic.cdshooks.service.CdsServiceCatalog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    /**
     * Starts the warm-up on its own daemon thread, first among the runners: the terminology load then runs on the
     * main thread at the same time (HAPI's start-up leaves the second core idle), and health turns UP once both are
     * done (readiness waits for the runners, {@link WarmupHealthIndicator} for the warm-up).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner startupWarmupRunner(StartupWarmup warmup) {
        return args -> {
            Thread thread = new Thread(warmup::run, "startup-warmup");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /**
     * With {@code microcytic.warmup.exit-when-done=true} (training runs only): once the application is ready (every
     * runner done) and the warm-up has finished, closes the context and ends the JVM with status 0.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> exitWhenWarmedUp(
            WarmupProperties properties, WarmupHealthIndicator health) {
        return event -> {
            if (!properties.exitWhenDone()) {
                return;
            }
            Thread thread = new Thread(
                    () -> {
                        while (!health.isFinished()) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        System.exit(SpringApplication.exit(event.getApplicationContext(), () -> 0));
                    },
                    "training-exit");
            thread.start();
        };
    }
}

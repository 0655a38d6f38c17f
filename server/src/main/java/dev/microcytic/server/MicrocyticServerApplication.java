package dev.microcytic.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.elasticsearch.ElasticsearchDataAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/**
 * The microcytic-cds server: HAPI FHIR R4 at {@code /fhir}, CDS Hooks at {@code /cds-services}.
 *
 * <p>Boot auto-configurations that collide with HAPI stay out: HAPI builds its own entity manager factory and Quartz
 * schedulers, and manages its schema itself; Flyway (pulled in by HAPI's migrator) would otherwise run against the
 * database and fail on PostgreSQL; the transitive Elasticsearch client and Thymeleaf jars would make Boot start a
 * sniffer against {@code localhost:9200} and a template engine nobody uses.
 */
@SpringBootApplication(
        exclude = {
            HibernateJpaAutoConfiguration.class,
            FlywayAutoConfiguration.class,
            QuartzAutoConfiguration.class,
            ThymeleafAutoConfiguration.class,
            ElasticsearchRestClientAutoConfiguration.class,
            ElasticsearchClientAutoConfiguration.class,
            ElasticsearchDataAutoConfiguration.class
        })
@ConfigurationPropertiesScan
public class MicrocyticServerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MicrocyticServerApplication.class);
        // -Dmicrocytic.startup.jfr=true with -XX:StartFlightRecording: Spring's start-up steps (bean creation,
        // configuration classes) as JFR events, to see where the start goes.
        if (Boolean.getBoolean("microcytic.startup.jfr")) {
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}

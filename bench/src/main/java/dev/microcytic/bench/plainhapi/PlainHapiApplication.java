package dev.microcytic.bench.plainhapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.elasticsearch.ElasticsearchDataAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;

/**
 * A plain HAPI FHIR 8.8.0 JPA server (H2, Jetty, no CDS, no interceptors of ours): the baseline that the ingest
 * benchmark compares microcytic-cds against. Wired by hand as HAPI's JPA starter does; HAPI builds its own entity manager factory,
 * hence the excluded auto-configurations.
 */
@SpringBootApplication(
        exclude = {
            HibernateJpaAutoConfiguration.class,
            ThymeleafAutoConfiguration.class,
            ElasticsearchRestClientAutoConfiguration.class,
            ElasticsearchClientAutoConfiguration.class,
            ElasticsearchDataAutoConfiguration.class
        })
public class PlainHapiApplication {

    /** Starts the server; Spring Boot command-line properties ({@code --server.port=N}) are honoured. */
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PlainHapiApplication.class);
        app.setAdditionalProfiles("plain-hapi");
        app.run(args);
    }
}

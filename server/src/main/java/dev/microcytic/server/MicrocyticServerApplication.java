package dev.microcytic.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.elasticsearch.ElasticsearchDataAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The microcytic-cds server: HAPI FHIR R4 at {@code /fhir}, CDS Hooks at {@code /cds-services}.
 *
 * <p>HAPI builds its own entity manager factory (so Boot's Hibernate JPA auto-configuration must stay out), and its
 * transitive Elasticsearch client and Thymeleaf jars would otherwise make Boot start a sniffer against
 * {@code localhost:9200} and a template engine nobody uses.
 */
@SpringBootApplication(
        exclude = {
            HibernateJpaAutoConfiguration.class,
            ThymeleafAutoConfiguration.class,
            ElasticsearchRestClientAutoConfiguration.class,
            ElasticsearchClientAutoConfiguration.class,
            ElasticsearchDataAutoConfiguration.class
        })
@ConfigurationPropertiesScan
public class MicrocyticServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MicrocyticServerApplication.class, args);
    }
}

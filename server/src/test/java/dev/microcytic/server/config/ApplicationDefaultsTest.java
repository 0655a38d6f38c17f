package dev.microcytic.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.security.FhirAuthProperties;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped defaults the README promises: H2 file store under ./data, port 8080; PostgreSQL profile. */
class ApplicationDefaultsTest {

    @Test
    void defaultStoreIsH2FileUnderData() throws IOException {
        PropertySource<?> defaults = load("application.yaml");

        assertThat(defaults.getProperty("spring.datasource.url").toString()).startsWith("jdbc:h2:file:./data/");
        assertThat(defaults.getProperty("server.port")).isEqualTo(8080);
    }

    @Test
    void fhirNeedsAnAccessTokenByDefault() throws IOException {
        PropertySource<?> defaults = load("application.yaml");

        assertThat(defaults.getProperty("microcytic.fhir.auth.required")).isEqualTo(true);
        FhirAuthProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("microcytic.fhir.auth", FhirAuthProperties.class);
        assertThat(bound.required()).isTrue();
        assertThat(bound.adminScope()).isEqualTo("microcytic/admin");
    }

    @Test
    void postgresProfilePointsAtLocalPostgres() throws IOException {
        PropertySource<?> postgres = load("application-postgres.yaml");

        assertThat(postgres.getProperty("spring.datasource.url").toString())
                .startsWith("jdbc:postgresql://127.0.0.1:5432/");
    }

    private static PropertySource<?> load(String name) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        return sources.get(0);
    }
}

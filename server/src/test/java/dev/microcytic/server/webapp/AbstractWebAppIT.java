package dev.microcytic.server.webapp;

import dev.microcytic.server.AbstractServerIT;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The server as the README's quick start runs it for the web app: demo data loaded, {@code /fhir} and CDS Hooks open.
 * A context of its own (the other ITs run with authentication on and without demo data), shared by the web app ITs,
 * on an in-memory H2 database of its own so that the demo and scale patients stay out of the other ITs' store.
 */
@TestPropertySource(
        properties = {
            "microcytic.demo.enabled=true",
            "microcytic.fhir.auth.required=false",
            "microcytic.cds.auth.required=false"
        })
abstract class AbstractWebAppIT extends AbstractServerIT {

    @DynamicPropertySource
    static void webAppDatabase(DynamicPropertyRegistry registry) {
        if (!onPostgres()) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:microcytic-webapp-it;DB_CLOSE_DELAY=-1");
        }
    }
}

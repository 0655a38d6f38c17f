package dev.microcytic.server.webapp;

import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.server.ItStore;
import org.springframework.test.context.TestPropertySource;

/**
 * The server as the README's quick start runs it for the web app: demo data loaded, {@code /fhir} and CDS Hooks open.
 * A context of its own (the other ITs run with authentication on and without demo data), shared by the web app ITs,
 * on a store of its own so that the demo and scale patients stay out of the other ITs' store and the two contexts'
 * schedulers never take each other's outbox rows.
 */
@TestPropertySource(
        properties = {
            "microcytic.demo.enabled=true",
            "microcytic.fhir.auth.required=false",
            "microcytic.cds.auth.required=false"
        })
@ItStore("webapp")
abstract class AbstractWebAppIT extends AbstractServerIT {}

package dev.microcytic.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import dev.microcytic.server.warmup.WarmupHealthIndicator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Base class of every server integration test ({@code *IT}, run by failsafe): the whole application on a random port.
 *
 * <p>All subclasses share ONE cached Spring context, so do not add {@code @MockitoBean}, {@code @TestPropertySource},
 * {@code @DirtiesContext} or other context-changing annotations to a subclass (each would start another server). The
 * database is shared by all ITs of that context: create your own patients (unique identifiers/ids) and never assume
 * an empty store or count resources globally.
 *
 * <p>Database: in-memory H2 by default. With {@code -Dmicrocytic.it.profile=postgres} (the Maven {@code postgres}
 * profile sets it) the {@code postgres} Spring profile is active and the database is {@code -Dmicrocytic.it.jdbc-url}
 * (default {@value #DEFAULT_POSTGRES_URL}); {@code .ci/run} creates and drops it. A base class with a context of its
 * own names its store with {@link ItStore}; {@link ItStoreContextCustomizerFactory} sets the URL.
 */
@SpringBootTest(classes = MicrocyticServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = AbstractServerIT.ItProfileResolver.class)
@ContextCustomizerFactories(ItStoreContextCustomizerFactory.class)
public abstract class AbstractServerIT {

    /** System property selecting the IT database: {@code postgres}, anything else means in-memory H2. */
    public static final String IT_PROFILE_PROPERTY = "microcytic.it.profile";

    /** System property with the JDBC URL of the PostgreSQL database the ITs may use (and fill). */
    public static final String IT_JDBC_URL_PROPERTY = "microcytic.it.jdbc-url";

    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/microcytic_it";

    /** A client context of its own, so test clients never change the server's FhirContext settings. */
    private static final FhirContext CLIENT_CONTEXT = newClientContext();

    @LocalServerPort
    protected int port;

    @Autowired
    private WarmupHealthIndicator warmup;

    /** Like a client that waits for health UP: the start-up warm-up runs on its own thread after the context starts. */
    @BeforeEach
    void awaitWarmup() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!warmup.isFinished() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Whether this run targets PostgreSQL (else in-memory H2). */
    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(IT_PROFILE_PROPERTY));
    }

    /** {@code http://localhost:<port>}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:<port>/fhir}. */
    protected String fhirBaseUrl() {
        return baseUrl() + "/fhir";
    }

    /**
     * A FHIR R4 client for this server (JSON, no conformance check before the first call). Call it from a test or
     * {@code @BeforeEach} method, not a field initializer: the port is injected after construction.
     */
    protected IGenericClient fhirClient() {
        if (port == 0) {
            throw new IllegalStateException("fhirClient() called before the server port was injected");
        }
        return CLIENT_CONTEXT.newRestfulGenericClient(fhirBaseUrl());
    }

    /** The client-side FHIR context (R4), e.g. for parsing response bodies of raw HTTP calls. */
    protected static FhirContext fhirContext() {
        return CLIENT_CONTEXT;
    }

    /** Parses a FHIR JSON file from the test classpath, e.g. {@code readFixture(Bundle.class, "fhir/x.json")}. */
    protected static <T extends IBaseResource> T readFixture(Class<T> type, String classpathResource) {
        return CLIENT_CONTEXT.newJsonParser().parseResource(type, readText(classpathResource));
    }

    /** Reads a text file from the test classpath (UTF-8). */
    protected static String readText(String classpathResource) {
        try (InputStream in = AbstractServerIT.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + classpathResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FhirContext newClientContext() {
        FhirContext context = FhirContext.forR4();
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // Generous: the build machine is shared, and the first transaction warms HAPI's caches.
        factory.setSocketTimeout(120_000);
        factory.setConnectTimeout(10_000);
        return context;
    }

    /** Activates the {@code postgres} Spring profile when {@value #IT_PROFILE_PROPERTY} is {@code postgres}. */
    public static final class ItProfileResolver implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return onPostgres() ? new String[] {"postgres"} : new String[0];
        }
    }
}

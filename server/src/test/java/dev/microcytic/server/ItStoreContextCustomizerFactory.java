package dev.microcytic.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Chooses the database of an IT context from its {@link ItStore}: on H2 an in-memory database per store; on PostgreSQL
 * (the database of {@value AbstractServerIT#IT_JDBC_URL_PROPERTY}) the {@code public} schema for the shared store and
 * a schema {@code it_<store>} for every other, created if missing. On PostgreSQL Hibernate's default schema is set
 * too: its schema update would otherwise find another store's tables and sequences and create none of its own.
 */
public final class ItStoreContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        ItStore store = TestContextAnnotationUtils.findMergedAnnotation(testClass, ItStore.class);
        return new StoreCustomizer(store == null ? ItStore.SHARED : store.value());
    }

    /** The properties that put a context on {@code store}: its JDBC URL and, on PostgreSQL, its default schema. */
    static Map<String, Object> storeProperties(String store) {
        String url = jdbcUrl(store);
        if (!AbstractServerIT.onPostgres()) {
            return Map.of("spring.datasource.url", url);
        }
        String schema = ItStore.SHARED.equals(store) ? "public" : "it_" + store;
        return Map.of("spring.datasource.url", url, "spring.jpa.properties.hibernate.default_schema", schema);
    }

    /** The JDBC URL of {@code store} in this run's database ({@link AbstractServerIT#onPostgres()} or H2). */
    public static String jdbcUrl(String store) {
        if (!store.matches("[a-z]+")) {
            throw new IllegalArgumentException("store name must be lower-case letters: " + store);
        }
        if (!AbstractServerIT.onPostgres()) {
            return "jdbc:h2:mem:microcytic-it-" + store + ";DB_CLOSE_DELAY=-1";
        }
        String base = System.getProperty(AbstractServerIT.IT_JDBC_URL_PROPERTY, AbstractServerIT.DEFAULT_POSTGRES_URL);
        if (ItStore.SHARED.equals(store)) {
            return base;
        }
        String schema = "it_" + store;
        try (Connection connection = DriverManager.getConnection(base, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A record: equal stores give equal customizers, so Spring's context cache keys stay as before. */
    private record StoreCustomizer(String store) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("microcytic-it-store", storeProperties(store)));
        }
    }
}

package dev.microcytic.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Chooses the database of an IT context from its {@link ItStore}: on H2 an in-memory database per store; on PostgreSQL
 * the database of {@value AbstractServerIT#IT_JDBC_URL_PROPERTY} for the shared store and, for every other store, a
 * database of its own beside it ({@code <database>_<store>}), dropped and created afresh when the context starts.
 * Not schemas: Hibernate's schema update then finds another store's sequences and creates none of its own.
 */
public final class ItStoreContextCustomizerFactory implements ContextCustomizerFactory {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)");

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        ItStore store = TestContextAnnotationUtils.findMergedAnnotation(testClass, ItStore.class);
        return new StoreCustomizer(store == null ? ItStore.SHARED : store.value());
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
        Matcher url = POSTGRES_URL.matcher(base);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + base);
        }
        String database = url.group(2) + "_" + store;
        try (Connection connection = DriverManager.getConnection(base, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " beside " + base, e);
        }
        return url.group(1) + database + url.group(3);
    }

    /** A record: equal stores give equal customizers, so Spring's context cache keys stay as before. */
    private record StoreCustomizer(String store) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "microcytic-it-store", Map.of("spring.datasource.url", jdbcUrl(store))));
        }
    }
}

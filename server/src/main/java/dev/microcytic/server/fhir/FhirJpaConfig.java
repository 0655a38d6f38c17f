package dev.microcytic.server.fhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.IDaoRegistry;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.config.util.ResourceCountCacheUtil;
import ca.uhn.fhir.jpa.dao.FulltextSearchSvcImpl;
import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.search.HSearchSortHelperImpl;
import ca.uhn.fhir.jpa.dao.search.IHSearchSortHelper;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.model.entity.NormalizedQuantitySearchLevel;
import ca.uhn.fhir.jpa.provider.DaoRegistryResourceSupportedSvc;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.search.IStaleSearchDeletingSvc;
import ca.uhn.fhir.jpa.search.StaleSearchDeletingSvcImpl;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.util.ResourceCountCache;
import ca.uhn.fhir.rest.api.IResourceSupportedSvc;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import dev.microcytic.server.config.MicrocyticProperties;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI's JPA storage layer for FHIR R4 on the Spring Boot data source.
 *
 * <p>This is the smallest set of HAPI configurations and beans that runs a JPA server, instead of
 * the upstream starter's many property switches. {@link SubscriptionChannelConfig} is imported although we use no
 * subscriptions: {@link JpaBatch2Config} needs its message broker beans.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    SubscriptionChannelConfig.class,
    JpaR4Config.class,
    JpaBatch2Config.class,
    Batch2JobsConfig.class,
    ThreadPoolFactoryConfig.class
})
public class FhirJpaConfig {

    /** Only the resource types the product stores get a DAO (static: it edits bean definitions before beans exist). */
    @Bean
    public static StoredResourceTypes storedResourceTypes() {
        return new StoredResourceTypes();
    }

    @Bean
    public JpaStorageSettings storageSettings() {
        JpaStorageSettings settings = new JpaStorageSettings();
        // Index quantities in UCUM canonical form as well, so value-quantity searches match g/L and g/dL alike.
        settings.setNormalizedQuantitySearchLevel(NormalizedQuantitySearchLevel.NORMALIZED_QUANTITY_SEARCH_SUPPORTED);
        // No reuse of cached search results (HAPI's default is 60 s): a client asking for the current differential
        // right after an ingest must not get the answer of an identical search made a minute ago.
        settings.setReuseCachedSearchResultsForMillis(null);
        // Several replicas share one database: no node may answer a conditional create from its own memory of which
        // resource matched a URL (HAPI's default too, set here because replicas depend on it).
        settings.setMatchUrlCacheEnabled(false);
        // Index rows without the SP_NAME, RES_TYPE and SP_UPDATED columns: searches use the hash columns only, and
        // these were written for every one of the ~150 index rows of a lab transaction (HAPI 7.2+).
        settings.setIndexStorageOptimized(true);
        return settings;
    }

    /** HAPI's UCUM service with a per-unit factor for indexing (the library's arithmetic was 40 % of ingest CPU). */
    @Bean
    public IndexingUcumService indexingUcumService() {
        return IndexingUcumService.install();
    }

    /**
     * HAPI's R4 extractor without the composite values that only Hibernate Search's advanced indexing reads; primary
     * over the one HAPI's {@code SearchParamConfig} declares, so every HAPI service that indexes uses it.
     */
    @Bean
    @Primary
    public StorageSearchParamExtractor storageSearchParamExtractor(JpaStorageSettings storageSettings) {
        return new StorageSearchParamExtractor(storageSettings);
    }

    @Bean
    public PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    public SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    // Only with Hibernate Search on: HAPI's terminology service treats a present full-text bean as "Hibernate Search
    // enabled" and then expands ValueSets through it, which fails with HSEARCH800001 when it is switched off.
    @Bean
    @ConditionalOnProperty(name = "spring.jpa.properties.hibernate.search.enabled", havingValue = "true")
    public IFulltextSearchSvc fulltextSearchSvc() {
        return new FulltextSearchSvcImpl();
    }

    @Bean
    public IHSearchSortHelper hSearchSortHelper(ISearchParamRegistry searchParamRegistry) {
        return new HSearchSortHelperImpl(searchParamRegistry);
    }

    @Bean
    public IStaleSearchDeletingSvc staleSearchDeletingSvc() {
        return new StaleSearchDeletingSvcImpl();
    }

    @Bean
    public DatabaseBackedPagingProvider databaseBackedPagingProvider(MicrocyticProperties properties) {
        DatabaseBackedPagingProvider provider = new DatabaseBackedPagingProvider();
        provider.setDefaultPageSize(properties.fhir().defaultPageSize());
        provider.setMaximumPageSize(properties.fhir().maxPageSize());
        return provider;
    }

    @Bean
    public IResourceSupportedSvc resourceSupportedSvc(IDaoRegistry daoRegistry) {
        return new DaoRegistryResourceSupportedSvc(daoRegistry);
    }

    @Bean(name = "myResourceCountsCache")
    public ResourceCountCache resourceCountsCache(IFhirSystemDao<?, ?> systemDao) {
        return ResourceCountCacheUtil.newResourceCountCache(systemDao);
    }

    @Primary
    @Bean
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(
            DataSource dataSource,
            ConfigurableListableBeanFactory beanFactory,
            FhirContext fhirContext,
            JpaStorageSettings storageSettings,
            Environment environment) {
        LocalContainerEntityManagerFactoryBean factory =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setDataSource(dataSource);
        factory.setJpaProperties(hibernateProperties(environment));
        return factory;
    }

    @Primary
    @Bean
    public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    /**
     * Hibernate settings: our defaults, overridable with {@code spring.jpa.properties.*}. The dialect follows the
     * JDBC URL, so {@code --spring.datasource.url=jdbc:postgresql:...} alone is enough to switch databases.
     */
    static Properties hibernateProperties(Environment environment) {
        Map<String, String> defaults = new HashMap<>();
        boolean postgres = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        defaults.put(
                "hibernate.dialect",
                postgres ? HapiFhirPostgresDialect.class.getName() : HapiFhirH2Dialect.class.getName());
        // HAPI creates and updates its own schema on start, like the upstream starter does.
        defaults.put("hibernate.hbm2ddl.auto", "update");
        defaults.put("hibernate.search.enabled", "false");
        defaults.put("hibernate.archive.scanner", "org.hibernate.boot.archive.scan.internal.DisabledScanner");
        // Group inserts/updates by table so a transaction's index rows go out in full JDBC batches instead of one
        // short batch per table switch; a 13-resource transaction writes ~100 rows of some index tables
        // (measured together: about +25 % ingest transactions per second on H2).
        defaults.put("hibernate.jdbc.batch_size", "100");
        defaults.put("hibernate.order_inserts", "true");
        defaults.put("hibernate.order_updates", "true");
        defaults.put("hibernate.format_sql", "false");
        defaults.put("hibernate.show_sql", "false");
        defaults.put("hibernate.cache.use_query_cache", "false");
        defaults.put("hibernate.cache.use_second_level_cache", "false");
        if (!postgres) {
            defaults.put("hibernate.session_factory.statement_inspector", H2ResourceIdLookupInspector.class.getName());
        }
        Map<String, String> overrides = Binder.get(environment)
                .bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Properties properties = new Properties();
        properties.putAll(defaults);
        properties.putAll(overrides);
        return properties;
    }
}

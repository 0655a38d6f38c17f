package dev.microcytic.server.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.service.CardWriter;
import dev.microcytic.cdshooks.service.CdsServiceCatalog;
import dev.microcytic.cdshooks.service.CdsServiceSettings;
import dev.microcytic.cdshooks.service.Citation;
import dev.microcytic.cdshooks.service.FhirServerPrefetcher;
import dev.microcytic.cdshooks.service.HookRequestReader;
import dev.microcytic.cdshooks.service.IronOrderCheckService;
import dev.microcytic.cdshooks.service.MicrocyticAnemiaService;
import dev.microcytic.cdshooks.service.PatientAppLink;
import dev.microcytic.terminology.LabConcepts;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the CDS Hooks endpoint: the two services over the bundled knowledge package and the server's one
 * {@link DifferentialPipeline}, the client authentication (on unless {@code microcytic.cds.auth.required=false}) and
 * the feedback and replay tables.
 *
 * <p>No {@code ObjectMapper} bean is published: it would replace Spring Boot's for the rest of the application.
 */
@Configuration(proxyBeanMethods = false)
class CdsHooksServerConfig {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksServerConfig.class);

    /** A bean of its own so that the context closes its reader threads and HTTP connections on shutdown. */
    @Bean
    FhirServerPrefetcher cdsFhirServerPrefetcher(CdsHooksProperties properties) {
        return new FhirServerPrefetcher(settings(properties));
    }

    @Bean
    CdsServiceCatalog cdsServiceCatalog(
            FhirContext fhirContext,
            CdsHooksProperties properties,
            FhirServerPrefetcher prefetcher,
            DifferentialPipeline pipeline,
            PatientAppLink patientAppLink) {
        CdsServiceSettings settings = settings(properties);
        KnowledgePackage knowledge = KnowledgePackage.load();
        Citation.Lookup citations = id -> knowledge
                .reference(id)
                .map(reference -> new Citation(
                        reference.id(), reference.citation(), reference.link().orElse(null), reference.label()));
        Clock clock = Clock.systemUTC();
        return new CdsServiceCatalog(
                List.of(
                        new MicrocyticAnemiaService(
                                pipeline,
                                new CardWriter(citations, settings.guidelineUrl(), patientAppLink),
                                LabConcepts.standard(),
                                clock),
                        new IronOrderCheckService(pipeline, LabConcepts.standard(), clock, settings.guidelineUrl())),
                new HookRequestReader(fhirContext),
                prefetcher);
    }

    private static CdsServiceSettings settings(CdsHooksProperties properties) {
        return new CdsServiceSettings(
                properties.fhirServer().connectTimeout(),
                properties.fhirServer().readTimeout(),
                properties.fhirServer().maxPages(),
                properties.fhirServer().allowHttp(),
                CdsServiceSettings.DONKER_2014,
                properties.fhirServer().deadline(),
                properties.fhirServer().maxResponseSize().toBytes());
    }

    @Bean
    FhirServerAllowList cdsFhirServerAllowList(CdsHooksProperties properties, Environment environment) {
        return new FhirServerAllowList(properties, environment);
    }

    /** Its own JdbcTemplate (not a bean, which would replace Boot's) over the application's DataSource. */
    @Bean
    CdsHooksTables cdsHooksTables(DataSource dataSource) {
        return CdsHooksTables.create(new JdbcTemplate(dataSource));
    }

    @Bean
    FeedbackStore cdsFeedbackStore(CdsHooksTables tables, DataSource dataSource) {
        // A local transaction manager on the same DataSource: publishing one as a bean would compete with HAPI's.
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return new FeedbackStore(tables.jdbc(), transactions, Clock.systemUTC());
    }

    @Bean
    CdsRequestAuthorizer cdsRequestAuthorizer(CdsHooksTables tables, CdsHooksProperties properties) {
        CdsHooksProperties.Auth auth = properties.auth();
        CdsClientAuthenticator authenticator = new CdsClientAuthenticator(
                auth, new JdbcJtiReplayGuard(tables.jdbc(), Clock.systemUTC()), Clock.systemUTC());
        if (!auth.required()) {
            log.warn("CDS client authentication is OFF (microcytic.cds.auth.required=false): any caller can request "
                    + "cards. Use this only for local trials.");
        } else if (authenticator.trustedIssuerCount() == 0) {
            log.warn("CDS client authentication is on but no issuer is trusted (microcytic.cds.auth.issuers): every "
                    + "CDS Hooks call will be answered 401.");
        }
        return new CdsRequestAuthorizer(authenticator, auth);
    }
}

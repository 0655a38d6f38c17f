package dev.microcytic.server.interpretation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.DifferentialWriter;
import dev.microcytic.server.config.MicrocyticProperties;
import dev.microcytic.server.fhir.FhirServerCustomizer;
import dev.microcytic.terminology.CodeGroups;
import dev.microcytic.terminology.LabConcepts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Interpretations as FHIR (issue 6): {@code $microcytic-differential} and re-evaluation on ingest, both on the one
 * engine and the one {@link DifferentialWriter}.
 */
@Configuration(proxyBeanMethods = false)
public class InterpretationConfig {

    @Bean
    public InterpretationService interpretationService(DaoRegistry daoRegistry, DifferentialPipeline pipeline) {
        return new InterpretationService(
                new PatientRecordReader(daoRegistry, observationCodes()),
                pipeline,
                DifferentialWriter.standard(),
                new InterpretationStore(daoRegistry),
                Clock.systemUTC());
    }

    /** Every LOINC code the engine reads, plus pregnancy status (read as context). */
    static List<String> observationCodes() {
        List<String> codes = new ArrayList<>(LabConcepts.standard().allLoincCodes());
        codes.add(CodeGroups.PREGNANCY_STATUS_LOINC);
        return codes;
    }

    @Bean
    public IngestActivity ingestActivity() {
        return new IngestActivity();
    }

    @Bean
    public FilterRegistrationBean<IngestActivity> ingestActivityFilter(IngestActivity ingestActivity) {
        FilterRegistrationBean<IngestActivity> registration = new FilterRegistrationBean<>(ingestActivity);
        registration.addUrlPatterns("/fhir/*");
        return registration;
    }

    @Bean(destroyMethod = "close")
    public ReevaluationScheduler reevaluationScheduler(
            MicrocyticProperties properties, InterpretationService interpretationService, IngestActivity activity) {
        MicrocyticProperties.Reevaluation settings = properties.reevaluation();
        return new ReevaluationScheduler(
                settings.enabled(),
                settings.delay(),
                settings.threads(),
                interpretationService::reevaluate,
                activity::busy,
                settings.busyShare());
    }

    @Bean
    public ReevaluationMetrics reevaluationMetrics(ReevaluationScheduler reevaluationScheduler) {
        return new ReevaluationMetrics(reevaluationScheduler);
    }

    @Bean
    public ReevaluationInterceptor reevaluationInterceptor(
            IInterceptorService interceptorService,
            ReevaluationScheduler reevaluationScheduler,
            DifferentialPipeline pipeline) {
        ReevaluationInterceptor interceptor =
                new ReevaluationInterceptor(new IngestRelevance(pipeline), reevaluationScheduler);
        interceptorService.registerInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    public OperationDefinitionPublisher microcyticDifferentialDefinition(
            DaoRegistry daoRegistry, FhirContext fhirContext) {
        return new OperationDefinitionPublisher(daoRegistry, fhirContext);
    }

    @Bean
    public FhirServerCustomizer microcyticDifferentialOperation(InterpretationService interpretationService) {
        MicrocyticDifferentialProvider provider = new MicrocyticDifferentialProvider(interpretationService);
        return server -> server.registerProvider(provider);
    }
}

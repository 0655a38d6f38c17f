package dev.microcytic.server.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import dev.microcytic.cdshooks.service.CdsHookService;
import dev.microcytic.cdshooks.service.CdsHooksJson;
import dev.microcytic.cdshooks.service.CdsServiceCatalog;
import dev.microcytic.cdshooks.service.CdsServiceSettings;
import dev.microcytic.cdshooks.service.FhirServerPrefetcher;
import dev.microcytic.cdshooks.service.HookRequestReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class StartupWarmupTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    /** Records what the warm-up hands to the service: the engine and card writer would run on exactly this. */
    private static final class RecordingService implements CdsHookService {
        final List<CdsServiceRequestJson> calls = new ArrayList<>();

        @Override
        public CdsServiceJson definition() {
            CdsServiceJson definition =
                    new CdsServiceJson().setId("microcytic-anemia").setHook("patient-view");
            definition.addPrefetch("patient", "Patient/{{context.patientId}}");
            definition.addPrefetch("labs", "Observation?subject=Patient/{{context.patientId}}");
            return definition;
        }

        @Override
        public Set<String> requiredPrefetch() {
            return Set.of("patient");
        }

        @Override
        public CdsServiceResponseJson handle(CdsServiceRequestJson request) {
            calls.add(request);
            return new CdsServiceResponseJson();
        }
    }

    @Test
    void runsTheServiceOnTheSyntheticPanelThenReportsHealthy() {
        RecordingService service = new RecordingService();
        WarmupHealthIndicator health = new WarmupHealthIndicator();

        warmup(new WarmupProperties(true, 5, Duration.ofSeconds(120), false), health, catalog(service))
                .run();

        assertThat(service.calls).hasSize(5);
        assertThat(service.calls.get(0).getContext().get("patientId")).isEqualTo(WarmupRequest.PATIENT_ID);
        assertThat(service.calls.get(0).getPrefetch("labs")).isNotNull();
        assertThat(health.isFinished()).isTrue();
        assertThat(health.health().getDetails().get("warmup").toString()).startsWith("5 in-process CDS calls");
    }

    @Test
    void disabledWarmupReportsHealthyAtOnce() {
        RecordingService service = new RecordingService();
        WarmupHealthIndicator health = new WarmupHealthIndicator();

        warmup(new WarmupProperties(false, 5, Duration.ofSeconds(10), false), health, catalog(service))
                .run();

        assertThat(service.calls).isEmpty();
        assertThat(health.health().getDetails()).containsEntry("warmup", "disabled");
    }

    @Test
    void withoutCdsServicesTheWarmupStillFinishes() {
        WarmupHealthIndicator health = new WarmupHealthIndicator();

        warmup(
                        new WarmupProperties(true, 5, Duration.ofSeconds(2), false),
                        health,
                        new StaticListableBeanFactory().getBeanProvider(CdsServiceCatalog.class))
                .run();

        assertThat(health.isFinished()).isTrue();
        assertThat(health.health().getDetails().get("warmup").toString()).startsWith("0 in-process CDS calls");
    }

    private static ObjectProvider<CdsServiceCatalog> catalog(CdsHookService service) {
        CdsServiceSettings settings =
                new CdsServiceSettings(Duration.ofMillis(200), Duration.ofMillis(500), 1, false, "https://example.org");
        CdsServiceCatalog catalog = new CdsServiceCatalog(
                List.of(service), new HookRequestReader(FHIR), new FhirServerPrefetcher(settings));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("cdsServiceCatalog", catalog);
        return beans.getBeanProvider(CdsServiceCatalog.class);
    }

    private static StartupWarmup warmup(
            WarmupProperties properties, WarmupHealthIndicator health, ObjectProvider<CdsServiceCatalog> catalog) {
        // Port 9 (discard) on loopback: nothing listens, so the HTTP part fails fast and is skipped.
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "9");
        return new StartupWarmup(properties, health, catalog, CdsHooksJson.writer(FHIR), environment, CLOCK);
    }
}

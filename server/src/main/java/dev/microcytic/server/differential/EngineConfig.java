package dev.microcytic.server.differential;

import dev.microcytic.cdshooks.differential.DifferentialEngine;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.fhir.DifferentialPipeline;
import dev.microcytic.cdshooks.fhir.LabPanelReader;
import dev.microcytic.cdshooks.fhir.PatientContextReader;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one differential engine of the server, built from {@code microcytic.engine.*}, and the one pipeline (readers,
 * then the engine) that the CDS Hooks services, {@code $microcytic-differential} and re-evaluation on ingest share.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfig {

    @Bean
    DifferentialEngine differentialEngine(EngineProperties properties) {
        return new GuidelineDifferentialEngine(RuleKnowledge.bundled(), properties.settings());
    }

    @Bean
    DifferentialPipeline differentialPipeline(DifferentialEngine engine) {
        return new DifferentialPipeline(engine, LabPanelReader.standard(), PatientContextReader.standard());
    }
}

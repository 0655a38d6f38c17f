package dev.microcytic.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.HemoglobinCutoffSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EnginePropertiesTest {

    @Test
    void unsetKeysKeepTheDefaults() {
        EngineSettings settings = bind(Map.of()).settings();

        assertThat(settings).isEqualTo(EngineSettings.defaults());
    }

    @Test
    void configuredKeysReplaceOnlyTheirDefault() {
        EngineSettings settings = bind(Map.of(
                        "microcytic.engine.cbc-validity-days", "30",
                        "microcytic.engine.oral-iron-criterion", "DONKER_2016",
                        "microcytic.engine.lab-hemoglobin-range-wins", "true"))
                .settings();

        assertThat(settings.cbcValidityDays()).isEqualTo(30);
        assertThat(settings.oralIronCriterion()).isEqualTo(EngineSettings.OralIronCriterion.DONKER_2016);
        assertThat(settings.labHemoglobinRangeWins()).isTrue();
        assertThat(settings.hemoglobinCutoffs()).isEqualTo(HemoglobinCutoffSet.WHO_2024);
        assertThat(settings.ironStudiesValidityDays())
                .isEqualTo(EngineSettings.defaults().ironStudiesValidityDays());
    }

    private static EngineProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("microcytic.engine", EngineProperties.class);
    }
}

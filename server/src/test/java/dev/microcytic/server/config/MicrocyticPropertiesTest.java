package dev.microcytic.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MicrocyticPropertiesTest {

    @Test
    void reevaluationDefaultsYieldAlmostAllOfASaturatedCpuToIngest() {
        MicrocyticProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("microcytic", MicrocyticProperties.class);

        assertThat(properties.reevaluation().enabled()).isTrue();
        assertThat(properties.reevaluation().delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.reevaluation().threads()).isEqualTo(2);
        assertThat(properties.reevaluation().busyShare()).isEqualTo(0.01);
    }

    @Test
    void anOperatorCanGiveReevaluationMoreOfTheCpu() {
        MicrocyticProperties properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("microcytic.reevaluation.busy-share", "0.2")))
                .bindOrCreate("microcytic", MicrocyticProperties.class);

        assertThat(properties.reevaluation().busyShare()).isEqualTo(0.2);
    }
}

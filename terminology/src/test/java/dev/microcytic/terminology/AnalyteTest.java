package dev.microcytic.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyteTest {

    @Test
    void everyAnalyteHasACanonicalUnit() {
        for (Analyte analyte : Analyte.values()) {
            assertThat(analyte.canonicalUnit()).as(analyte.name()).isNotBlank();
        }
        assertThat(Analyte.HEMOGLOBIN.canonicalUnit()).isEqualTo("g/dL");
    }
}

package dev.microcytic.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.knowledge.rules.AnalyteNames;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

    @Test
    void evidenceKeepsTwoDecimalsBelowTenAndOneAbove() {
        assertThat(ValueFormat.evidence(6.0)).isEqualTo("6");
        assertThat(ValueFormat.evidence(4.1666)).isEqualTo("4.17");
        assertThat(ValueFormat.evidence(17.54)).isEqualTo("17.5");
        assertThat(ValueFormat.evidence(Double.NaN)).isEqualTo("?");
    }

    @Test
    void cardsShowThreeSignificantDigitsAndReportUnits() {
        assertThat(ValueFormat.display(14.2857)).isEqualTo("14.3");
        assertThat(ValueFormat.display(251.4)).isEqualTo("251");
        assertThat(ValueFormat.quantity(4.1666, "%")).isEqualTo("4.17%");
        assertThat(ValueFormat.quantity(5.6, "10*6/uL")).isEqualTo("5.6 10^6/µL");
        assertThat(ValueFormat.quantity(2.5, "1")).isEqualTo("2.5");
    }

    @Test
    void everyAnalyteHasBothNamesInTheKnowledgePackage() {
        AnalyteNames names = AnalyteNames.bundled();
        for (Analyte analyte : Analyte.values()) {
            assertThat(names.evidence(analyte)).as(analyte.name()).isNotBlank();
            assertThat(names.card(analyte)).as(analyte.name()).isNotBlank();
        }
        assertThat(names.evidence(Analyte.HEMOGLOBIN)).isEqualTo("Hb");
        assertThat(names.evidence(Analyte.FERRITIN)).isEqualTo("Ferritin");
        assertThat(names.card(Analyte.FERRITIN)).isEqualTo("ferritin");
        assertThat(names.card(Analyte.TRANSFERRIN_SATURATION)).isEqualTo("TSAT");
    }
}

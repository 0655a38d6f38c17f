package dev.microcytic.cdshooks.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.terminology.Analyte;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class LabPanelReaderTest {

    private final LabPanelReader reader = LabPanelReader.standard();

    static Observation obs(String id, String loinc, double value, String ucum, String date) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
        observation.setValue(new Quantity()
                .setValue(value)
                .setSystem("http://unitsofmeasure.org")
                .setCode(ucum));
        observation.setEffective(new DateTimeType(date));
        return observation;
    }

    @Test
    void readsValuesInCanonicalUnitsWithProvenance() {
        LabPanelReader.Result result = reader.read(List.of(
                obs("hb", "718-7", 9.7, "g/dL", "2026-11-01T08:00:00Z"),
                obs("mcv", "787-2", 69, "fL", "2026-11-01T08:00:00Z")));

        LabValue hb = result.panel().latest(Analyte.HEMOGLOBIN).orElseThrow();
        assertThat(hb.value()).isEqualTo(9.7);
        assertThat(hb.sourceId()).isEqualTo("Observation/hb");
        assertThat(hb.derived()).isFalse();
        assertThat(result.panel().latest(Analyte.MCV).orElseThrow().value()).isEqualTo(69.0);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void convertsAlternativeUnitsAndMolarValuesUnderTheMassCode() {
        LabPanelReader.Result result = reader.read(List.of(
                obs("hb", "718-7", 97, "g/L", "2026-11-01T08:00:00Z"),
                obs("fe", "2498-4", 10, "umol/L", "2026-11-01T08:00:00Z")));

        assertThat(result.panel().latest(Analyte.HEMOGLOBIN).orElseThrow().value())
                .isCloseTo(9.7, within(1e-9));
        // 10 umol/L x 55.845 g/mol = 55.8 ug/dL
        assertThat(result.panel().latest(Analyte.IRON).orElseThrow().value()).isCloseTo(55.8, within(0.1));
    }

    @Test
    void dropsEnteredInErrorCancelledAndPreliminaryResults() {
        Observation error = obs("a", "2276-4", 6, "ng/mL", "2026-11-02T08:00:00Z");
        error.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        Observation cancelled = obs("b", "2276-4", 7, "ng/mL", "2026-11-03T08:00:00Z");
        cancelled.setStatus(Observation.ObservationStatus.CANCELLED);
        Observation preliminary = obs("c", "2276-4", 8, "ng/mL", "2026-11-04T08:00:00Z");
        preliminary.setStatus(Observation.ObservationStatus.PRELIMINARY);
        Observation amended = obs("d", "2276-4", 40, "ng/mL", "2026-11-01T08:00:00Z");
        amended.setStatus(Observation.ObservationStatus.AMENDED);

        LabPanel panel =
                reader.read(List.of(error, cancelled, preliminary, amended)).panel();

        assertThat(panel.series(Analyte.FERRITIN)).extracting(LabValue::value).containsExactly(40.0);
    }

    @Test
    void keepsSeriesOldestFirstAndLatestWins() {
        LabPanel panel = reader.read(List.of(
                        obs("new", "718-7", 11.2, "g/dL", "2026-11-10T08:00:00Z"),
                        obs("old", "718-7", 9.1, "g/dL", "2026-10-01T08:00:00Z")))
                .panel();

        assertThat(panel.series(Analyte.HEMOGLOBIN)).extracting(LabValue::value).containsExactly(9.1, 11.2);
        assertThat(panel.latest(Analyte.HEMOGLOBIN).orElseThrow().value()).isEqualTo(11.2);
    }

    @Test
    void respectsTheLabsReferenceRangeInCanonicalUnits() {
        Observation mcv = obs("mcv", "787-2", 74, "fL", "2026-11-01T08:00:00Z");
        mcv.addReferenceRange()
                .setLow(new Quantity().setValue(78).setCode("fL").setSystem("http://unitsofmeasure.org"))
                .setHigh(new Quantity().setValue(98).setCode("fL").setSystem("http://unitsofmeasure.org"));
        Observation hb = obs("hb", "718-7", 100, "g/L", "2026-11-01T08:00:00Z");
        hb.addReferenceRange().setLow(new Quantity().setValue(120)).setHigh(new Quantity().setValue(160));

        LabPanel panel = reader.read(List.of(mcv, hb)).panel();

        LabValue readMcv = panel.latest(Analyte.MCV).orElseThrow();
        assertThat(readMcv.referenceLow()).isEqualTo(78.0);
        assertThat(readMcv.referenceHigh()).isEqualTo(98.0);
        assertThat(panel.latest(Analyte.HEMOGLOBIN).orElseThrow().referenceLow())
                .isCloseTo(12.0, within(1e-9));
    }

    @Test
    void derivesTsatFromIronAndTibcOfTheSameDay() {
        LabPanelReader.Result result = reader.read(List.of(
                obs("fe", "2498-4", 25, "ug/dL", "2026-11-01T08:00:00Z"),
                obs("tibc", "2500-7", 500, "ug/dL", "2026-11-01T09:00:00Z")));

        LabValue tsat = result.panel().latest(Analyte.TRANSFERRIN_SATURATION).orElseThrow();
        assertThat(tsat.value()).isCloseTo(5.0, within(1e-9));
        assertThat(tsat.derived()).isTrue();
        assertThat(tsat.sourceId()).isNull();
    }

    @Test
    void doesNotDeriveTsatWhenReported() {
        LabPanel panel = reader.read(List.of(
                        obs("fe", "2498-4", 25, "ug/dL", "2026-11-01T08:00:00Z"),
                        obs("tibc", "2500-7", 500, "ug/dL", "2026-11-01T08:00:00Z"),
                        obs("tsat", "2502-3", 6, "%", "2026-11-01T08:00:00Z")))
                .panel();

        assertThat(panel.series(Analyte.TRANSFERRIN_SATURATION)).singleElement().satisfies(v -> assertThat(v.derived())
                .isFalse());
    }

    @Test
    void describesValuesThatCannotBeUsed() {
        LabPanelReader.Result result = reader.read(List.of(
                obs("f1", "2276-4", 12, "furlongs", "2026-11-01T08:00:00Z"),
                obs("f2", "2276-4", -5, "ng/mL", "2026-11-01T08:00:00Z"),
                obs("f3", "2276-4", 1e300, "ng/mL", "2026-11-01T08:00:00Z")));

        assertThat(result.panel().has(Analyte.FERRITIN)).isFalse();
        assertThat(result.notes()).hasSize(3).allMatch(note -> note.startsWith("A ferritin result was not used"));
    }

    @Test
    void readsComponentsOfAPanelObservationAndIgnoresOtherResources() {
        Observation cbc = new Observation();
        cbc.setId("cbc");
        cbc.setStatus(Observation.ObservationStatus.FINAL);
        cbc.setCode(new CodeableConcept(new Coding("http://loinc.org", "58410-2", "CBC panel")));
        cbc.setEffective(new DateTimeType(Date.from(java.time.Instant.parse("2026-11-01T08:00:00Z"))));
        cbc.addComponent()
                .setCode(new CodeableConcept(new Coding("http://loinc.org", "787-2", null)))
                .setValue(new Quantity().setValue(66).setCode("fL").setSystem("http://unitsofmeasure.org"));
        Bundle bundle = new Bundle();
        bundle.addEntry().setResource(cbc);
        bundle.addEntry().setResource(new Patient());

        LabPanel panel = reader.read(bundle).panel();

        assertThat(panel.latest(Analyte.MCV).orElseThrow().value()).isEqualTo(66.0);
        assertThat(panel.latest(Analyte.MCV).orElseThrow().sourceId()).isEqualTo("Observation/cbc");
    }

    @Test
    void skipsUnknownCodesAndValuesWithoutDate() {
        Observation unknown = obs("x", "99999-9", 5, "g/dL", "2026-11-01T08:00:00Z");
        Observation undated = obs("y", "718-7", 10, "g/dL", "2026-11-01T08:00:00Z");
        undated.setEffective(null);

        LabPanelReader.Result result = reader.read(List.of(unknown, undated));

        assertThat(result.panel().isEmpty()).isTrue();
        assertThat(result.notes()).containsExactly("A hemoglobin result without a date was not used.");
    }
}

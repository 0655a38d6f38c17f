package dev.microcytic.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;

class DemoPatientsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private final DemoPatients demo = DemoPatients.load();

    @Test
    void sixPatientsEachStoredWithFixedIdsSoThatStoringAgainChangesNothing() {
        assertThat(demo.ids()).hasSize(6).doesNotHaveDuplicates().allMatch(id -> id.startsWith("demo-"));
        for (String id : demo.ids()) {
            Bundle bundle = demo.transaction(id, TODAY);
            assertThat(bundle.getEntry()).allSatisfy(entry -> {
                assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
                assertThat(entry.getRequest().getUrl())
                        .isEqualTo(entry.getResource().fhirType() + "/"
                                + entry.getResource().getIdElement().getIdPart());
            });
            assertThat(bundle.getEntryFirstRep().getRequest().getUrl()).isEqualTo("Patient/" + id);
        }
    }

    @Test
    void ironDeficiencyPatientHasSerialResultsOverMonthsWithTransfusionAndOralIron() {
        Bundle bundle = demo.transaction("demo-iron-deficiency", TODAY);
        List<Observation> hemoglobin = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("718-7"))
                .toList();

        assertThat(hemoglobin).hasSize(5);
        assertThat(hemoglobin.get(0).getEffectiveDateTimeType().getValueAsString())
                .startsWith("2026-05-21");
        assertThat(hemoglobin.get(4).getEffectiveDateTimeType().getValueAsString())
                .startsWith("2026-11-25");
        assertThat(hemoglobin.get(0).getValueQuantity().getValue()).isEqualByComparingTo("6.0");
        assertThat(hemoglobin.get(0).getReferenceRangeFirstRep().getLow().getValue())
                .isEqualByComparingTo("13.0");
        assertThat(bundle.getEntry())
                .extracting(Bundle.BundleEntryComponent::getResource)
                .anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(Procedure.class, p -> assertThat(
                                p.getCode().getCodingFirstRep().getCode())
                        .isEqualTo("30233N1")))
                .anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(MedicationStatement.class, m -> assertThat(
                                m.getMedicationCodeableConcept()
                                        .getCodingFirstRep()
                                        .getCode())
                        .isEqualTo("B03AA07")));
    }

    @Test
    void childrenGetTheChildReferenceRange() {
        Observation hb = demo.transaction("demo-lead", TODAY).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("718-7"))
                .findFirst()
                .orElseThrow();

        assertThat(hb.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("11.0");
    }
}

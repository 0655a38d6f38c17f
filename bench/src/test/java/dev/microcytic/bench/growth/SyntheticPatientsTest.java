package dev.microcytic.bench.growth;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class SyntheticPatientsTest {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 12, 7);
    private static final Set<String> LOINC_CODES = Set.of(
            "718-7", "4544-3", "789-8", "787-2", "785-6", "786-4", "788-0", "2276-4", "2498-4", "2500-7", "2502-3",
            "3034-6", "1988-5");

    private final SyntheticPatients patients = new SyntheticPatients(42, ANCHOR);
    private final PatientTransactionWriter writer = new PatientTransactionWriter();

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherPatients() {
        SyntheticPatients again = new SyntheticPatients(42, ANCHOR);
        SyntheticPatients other = new SyntheticPatients(43, ANCHOR);

        for (long i : new long[] {0, 1, 77, 79_999}) {
            assertThat(writer.transaction(again.patient(i))).isEqualTo(writer.transaction(patients.patient(i)));
        }
        assertThat(writer.transaction(other.patient(0))).isNotEqualTo(writer.transaction(patients.patient(0)));
        assertThat(patients.patient(5).id()).isEqualTo("growth-0000005");
    }

    @Test
    void aMillionObservationsAreAbout80000Patients() {
        long observations = patients.observations(10_000);
        double perPatient = observations / 10_000.0;

        assertThat(perPatient).isBetween(12.0, 13.0);
        assertThat(patients.observations(3))
                .isEqualTo(patients.patient(0).observationCount()
                        + patients.patient(1).observationCount()
                        + patients.patient(2).observationCount());
    }

    @Test
    void causesMixAsTheirSharesSaySomePatientsHaveSerialResultsMonthsApart() {
        Map<SyntheticCause, Integer> counts = new EnumMap<>(SyntheticCause.class);
        int serial = 0;
        long spanDays = 0;
        for (long i = 0; i < 5_000; i++) {
            SyntheticPatient p = patients.patient(i);
            counts.merge(p.cause(), 1, Integer::sum);
            if (p.serial()) {
                serial++;
                spanDays = Math.max(
                        spanDays,
                        Duration.between(
                                        p.labs().get(0).effective(),
                                        p.labs().get(p.labs().size() - 1).effective())
                                .toDays());
                assertThat(p.labs().stream().filter(l -> l.analyte() == LabAnalyte.HEMOGLOBIN))
                        .hasSize(2);
            }
            assertThat(p.labs().get(p.labs().size() - 1).effective())
                    .isBefore(ANCHOR.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3 * 86_400));
        }
        for (SyntheticCause cause : SyntheticCause.values()) {
            assertThat(counts.get(cause) / 5_000.0)
                    .as(cause.name())
                    .isBetween(cause.share - 0.025, cause.share + 0.025);
        }
        assertThat(serial / 5_000.0).isBetween(0.17, 0.23);
        assertThat(spanDays).isBetween(90L, 300L);
    }

    @Test
    void valuesTellTheCause() {
        Map<SyntheticCause, Double> mentzerSum = new EnumMap<>(SyntheticCause.class);
        Map<SyntheticCause, Integer> counts = new EnumMap<>(SyntheticCause.class);
        for (long i = 0; i < 3_000; i++) {
            SyntheticPatient p = patients.patient(i);
            Map<LabAnalyte, Double> latest = p.labs().stream()
                    .collect(Collectors.toMap(
                            SyntheticPatient.LabResult::analyte, SyntheticPatient.LabResult::value, (a, b) -> b));
            if (p.cause() == SyntheticCause.IRON_DEFICIENCY) {
                assertThat(latest.get(LabAnalyte.FERRITIN)).isLessThan(30);
            }
            mentzerSum.merge(p.cause(), latest.get(LabAnalyte.MCV) / latest.get(LabAnalyte.ERYTHROCYTES), Double::sum);
            counts.merge(p.cause(), 1, Integer::sum);
        }
        // Mentzer index (MCV / RBC): under 13 suggests thalassaemia trait, over 13 iron deficiency.
        assertThat(mentzerSum.get(SyntheticCause.BETA_THALASSEMIA_TRAIT)
                        / counts.get(SyntheticCause.BETA_THALASSEMIA_TRAIT))
                .isLessThan(13);
        assertThat(mentzerSum.get(SyntheticCause.IRON_DEFICIENCY) / counts.get(SyntheticCause.IRON_DEFICIENCY))
                .isGreaterThan(15);
        assertThat(mentzerSum.get(SyntheticCause.NORMAL) / counts.get(SyntheticCause.NORMAL))
                .isGreaterThan(18);
    }

    @Test
    void transactionsAreValidFhirWithLoincCodesAndUcumUnits() {
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        for (long i = 0; i < 50; i++) {
            SyntheticPatient p = patients.patient(i);
            Bundle bundle = parser.parseResource(Bundle.class, writer.transaction(p));

            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
            assertThat(bundle.getEntry()).hasSize(1 + p.observationCount());
            Bundle.BundleEntryComponent first = bundle.getEntryFirstRep();
            assertThat(first.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
            assertThat(first.getRequest().getUrl()).isEqualTo("Patient/" + p.id());
            assertThat(((Patient) first.getResource()).getGender().toCode()).isEqualTo(p.female() ? "female" : "male");
            for (Bundle.BundleEntryComponent entry :
                    bundle.getEntry().subList(1, bundle.getEntry().size())) {
                Observation o = (Observation) entry.getResource();
                assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
                assertThat(entry.getFullUrl()).startsWith("urn:uuid:");
                assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
                assertThat(o.getCode().getCodingFirstRep().getCode()).isIn(LOINC_CODES);
                assertThat(o.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
                assertThat(o.getValueQuantity().getValue().doubleValue()).isPositive();
                assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + p.id());
                assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
            }
        }
        long distinctUrls = patients.patient(3).labs().size();
        assertThat(parser.parseResource(Bundle.class, writer.transaction(patients.patient(3))).getEntry().stream()
                        .skip(1)
                        .map(Bundle.BundleEntryComponent::getFullUrl)
                        .distinct()
                        .count())
                .isEqualTo(distinctUrls);
    }
}

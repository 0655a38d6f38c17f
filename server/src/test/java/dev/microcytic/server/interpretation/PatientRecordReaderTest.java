package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.Vocabulary;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

class PatientRecordReaderTest {

    @Test
    void onlyThisServicesFinalDifferentialIsTheCurrentInterpretation() {
        assertThat(PatientRecordReader.isCurrentDifferential(
                        differential(Vocabulary.CDS_SYSTEM, Observation.ObservationStatus.FINAL)))
                .isTrue();
        // Superseded by a later evaluation.
        assertThat(PatientRecordReader.isCurrentDifferential(
                        differential(Vocabulary.CDS_SYSTEM, Observation.ObservationStatus.AMENDED)))
                .isFalse();
        // Another system's code of the same value is not ours to supersede.
        assertThat(PatientRecordReader.isCurrentDifferential(
                        differential("http://example.org/other", Observation.ObservationStatus.FINAL)))
                .isFalse();
        // A lab result (ferritin).
        Observation ferritin = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        ferritin.getCode().addCoding().setSystem("http://loinc.org").setCode("2276-4");
        assertThat(PatientRecordReader.isCurrentDifferential(ferritin)).isFalse();
    }

    private static Observation differential(String system, Observation.ObservationStatus status) {
        Observation observation = new Observation().setStatus(status);
        observation.getCode().addCoding().setSystem(system).setCode(Vocabulary.DIFFERENTIAL_CODE);
        return observation;
    }
}

package dev.microcytic.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabConceptsTest {

    private final LabConcepts concepts = LabConcepts.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "718-7, HEMOGLOBIN",
        "59260-0, HEMOGLOBIN",
        "2498-4, IRON",
        "14798-3, IRON",
        "2500-7, TIBC",
        "14800-7, TIBC",
        "4551-8, HBA2",
        "4552-6, HBA2",
        "34660-1, HBA2",
        "4546-8, HBA",
        "2276-4, FERRITIN",
        "2502-3, TRANSFERRIN_SATURATION",
        "30248-9, SOLUBLE_TRANSFERRIN_RECEPTOR",
        "71797-5, ZINC_PROTOPORPHYRIN",
        "77307-7, BLOOD_LEAD",
        "2064-4, CERULOPLASMIN",
        "788-0, RDW_CV",
        "21000-5, RDW_SD",
        "14631-6, BILIRUBIN_TOTAL",
        "2345-7, GLUCOSE"
    })
    void mapsLoincByMeaning(String code, Analyte analyte) {
        assertThat(concepts.analyteFor(LabConcepts.LOINC, code)).contains(analyte);
        assertThat(concepts.loincCodes(analyte)).contains(code);
        assertThat(concepts.allLoincCodes()).contains(code);
    }

    @Test
    void ignoresOtherSystemsAndUnverifiedCodes() {
        assertThat(concepts.analyteFor("http://snomed.info/sct", "718-7")).isEmpty();
        assertThat(concepts.analyteFor(LabConcepts.LOINC, null)).isEmpty();
        // 2064-6 is a common mistyping of ceruloplasmin 2064-4; 54071-6 is newborn dried-blood-spot HbE.
        assertThat(concepts.analyteFor(LabConcepts.LOINC, "2064-6")).isEmpty();
        assertThat(concepts.analyteFor(LabConcepts.LOINC, "54071-6")).isEmpty();
        assertThat(concepts.loincCodes(Analyte.HEPCIDIN)).isEmpty();
    }

    @Test
    void everyCodeHasAValidLoincCheckDigit() {
        for (String code : concepts.allLoincCodes()) {
            assertThat(LoincCheckDigit.valid(code)).as(code).isTrue();
        }
        assertThat(LoincCheckDigit.valid("718-8")).isFalse();
    }
}

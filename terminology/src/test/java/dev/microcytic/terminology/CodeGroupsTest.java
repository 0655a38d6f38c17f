package dev.microcytic.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every code-list rule of {@link CodeGroups} with at least one matching and one near-miss code. */
class CodeGroupsTest {

    private final CodeGroups groups = CodeGroups.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "M05.79, INFLAMMATION",
        "M06.9, INFLAMMATION",
        "K50.90, INFLAMMATION",
        "K51.90, INFLAMMATION",
        "C18.9, INFLAMMATION",
        "M86.10, INFLAMMATION",
        "A15.0, INFLAMMATION",
        "A18.01, INFLAMMATION",
        "A19.9, INFLAMMATION",
        "I50.9, HEART_FAILURE",
        "N18.4, CHRONIC_KIDNEY_DISEASE",
        "E08.9, DIABETES",
        "E09.9, DIABETES",
        "E10.9, DIABETES",
        "E11.65, DIABETES",
        "E13.9, DIABETES",
        "G20, NEUROLOGICAL_DISEASE",
        "G25.9, NEUROLOGICAL_DISEASE",
        "G30.9, NEUROLOGICAL_DISEASE",
        "G31.84, NEUROLOGICAL_DISEASE",
        "F03.90, NEUROLOGICAL_DISEASE",
        "R41.81, NEUROLOGICAL_DISEASE",
        "H35.52, NEUROLOGICAL_DISEASE",
        "R27.0, ATAXIA",
        "R26.0, ATAXIA",
        "G11.1, ATAXIA",
        "G32.81, ATAXIA",
        "D55.0, HEMOLYSIS",
        "D58.9, HEMOLYSIS",
        "D59.4, HEMOLYSIS",
        "K92.0, BLEEDING",
        "K92.2, BLEEDING",
        "N92.0, BLEEDING",
        "N92.4, BLEEDING",
        "N93.9, BLEEDING",
        "F10.20, ALCOHOL_USE_DISORDER",
        "F10.11, ALCOHOL_USE_DISORDER_IN_REMISSION",
        "F10.21, ALCOHOL_USE_DISORDER_IN_REMISSION",
        "E23.0, HYPOGONADISM",
        "E29.1, HYPOGONADISM",
        "E28.310, HYPOGONADISM",
        "D50.9, KNOWN_IRON_DEFICIENCY_ANEMIA",
        "D56.3, KNOWN_THALASSEMIA",
        "D56.0, KNOWN_THALASSEMIA",
        "D57.1, KNOWN_SICKLE_CELL_DISORDER",
        "D63.1, KNOWN_ANEMIA_OF_CHRONIC_DISEASE",
        "D64.0, KNOWN_SIDEROBLASTIC_ANEMIA",
        "D64.3, KNOWN_SIDEROBLASTIC_ANEMIA",
        "E80.0, KNOWN_PORPHYRIA",
        "E83.10, KNOWN_IRON_METABOLISM_DISORDER",
        "T56.0X1A, KNOWN_LEAD_EXPOSURE"
    })
    void raisesTheConditionFlag(String code, ClinicalFlag flag) {
        assertThat(groups.conditionFlags(CodeGroups.ICD10CM, code)).contains(flag);
        // Dotless and lower-case spellings are the same code.
        assertThat(groups.conditionFlags(
                        CodeGroups.ICD10CM, code.replace(".", "").toLowerCase()))
                .contains(flag);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "K90.0, MALABSORPTION COELIAC_DISEASE",
        "Z98.84, MALABSORPTION BARIATRIC_SURGERY",
        "K29.40, MALABSORPTION AUTOIMMUNE_GASTRITIS",
        "D51.0, MALABSORPTION AUTOIMMUNE_GASTRITIS B12_FOLATE_DEFICIENCY",
        "D52.9, B12_FOLATE_DEFICIENCY",
        "D64.0, KNOWN_SIDEROBLASTIC_ANEMIA KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA",
        "D64.1, KNOWN_SIDEROBLASTIC_ANEMIA KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA",
        "D64.2, KNOWN_SIDEROBLASTIC_ANEMIA KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA",
        "D64.3, KNOWN_SIDEROBLASTIC_ANEMIA",
        "B96.81, MALABSORPTION HELICOBACTER_PYLORI",
        "K91.2, MALABSORPTION",
        "Z90.3, MALABSORPTION",
        "D58.2, HEMOLYSIS KNOWN_HEMOGLOBINOPATHY",
        "D63.1, KNOWN_ANEMIA_OF_CHRONIC_DISEASE CHRONIC_KIDNEY_DISEASE",
        "F10.21, ALCOHOL_USE_DISORDER_IN_REMISSION",
        "F10.239, ALCOHOL_USE_DISORDER"
    })
    void raisesExactlyTheseFlags(String code, String flags) {
        Set<ClinicalFlag> expected = EnumSet.noneOf(ClinicalFlag.class);
        Arrays.stream(flags.split(" ")).map(ClinicalFlag::valueOf).forEach(expected::add);

        assertThat(groups.conditionFlags(CodeGroups.ICD10CM, code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} raises nothing")
    @CsvSource({
        // The rest of chapter G is not 'neurological disease' (migraine, sleep, carpal tunnel, epilepsy).
        "G43.909",
        "G47.33",
        "G56.00",
        "G40.909",
        // E12 does not exist in ICD-10-CM; E14 neither.
        "E12.9",
        // Latent TB is not inflammation.
        "Z22.7",
        "K92.81",
        "N92.2",
        "D58",
        "D64.4",
        "D64.9",
        "D63.0",
        "E83.0",
        "T56.1X1A",
        "I10",
        "''"
    })
    void nearMissesRaiseNothing(String code) {
        Set<ClinicalFlag> flags = groups.conditionFlags(CodeGroups.ICD10CM, code);
        if ("D58".equals(code)) {
            // The D58 category is hemolysis, but not the known-variant code D58.2.
            assertThat(flags).containsExactly(ClinicalFlag.HEMOLYSIS);
        } else {
            assertThat(flags).isEmpty();
        }
    }

    @Test
    void snomedOnlyWhereVerifiedAndPhotosensitivityByOwnCode() {
        assertThat(groups.conditionFlags(CodeGroups.SNOMED, "87522002"))
                .containsExactly(ClinicalFlag.KNOWN_IRON_DEFICIENCY_ANEMIA);
        assertThat(groups.conditionFlags(CodeGroups.SNOMED, "65959000"))
                .containsExactly(ClinicalFlag.KNOWN_THALASSEMIA);
        assertThat(groups.conditionFlags(CodeGroups.SNOMED, "709044004"))
                .containsExactly(ClinicalFlag.CHRONIC_KIDNEY_DISEASE);
        assertThat(groups.conditionFlags(CodeGroups.SNOMED, "69896004")).containsExactly(ClinicalFlag.INFLAMMATION);
        // 83414005 is macrocytic anemia, mislabelled as sideroblastic in one public source: never used.
        assertThat(groups.conditionFlags(CodeGroups.SNOMED, "83414005")).isEmpty();
        assertThat(groups.conditionFlags(CodeGroups.MICROCYTIC_CDS, "photosensitivity"))
                .containsExactly(ClinicalFlag.PHOTOSENSITIVITY);
        assertThat(groups.conditionFlags("http://example.org/local", "D50.9")).isEmpty();
        assertThat(groups.conditionFlags(null, "D50.9")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Z33.1, PREGNANT_TRIMESTER_UNKNOWN",
        "Z33.3, PREGNANT_TRIMESTER_UNKNOWN",
        "Z34.00, PREGNANT_TRIMESTER_UNKNOWN",
        "Z34.01, FIRST_TRIMESTER",
        "Z34.82, SECOND_TRIMESTER",
        "Z34.93, THIRD_TRIMESTER",
        "Z34, PREGNANT_TRIMESTER_UNKNOWN",
        "O09.00, PREGNANT_TRIMESTER_UNKNOWN",
        "O09.13, THIRD_TRIMESTER",
        "O09.212, SECOND_TRIMESTER",
        "O09.219, PREGNANT_TRIMESTER_UNKNOWN",
        "O09.21, PREGNANT_TRIMESTER_UNKNOWN",
        "O09.A1, FIRST_TRIMESTER",
        "O09.893, THIRD_TRIMESTER",
        "Z3A.00, PREGNANT_TRIMESTER_UNKNOWN",
        "Z3A.01, FIRST_TRIMESTER",
        "Z3A.13, FIRST_TRIMESTER",
        "Z3A.14, SECOND_TRIMESTER",
        "Z3A.27, SECOND_TRIMESTER",
        "Z3A.28, THIRD_TRIMESTER",
        "Z3A.49, THIRD_TRIMESTER",
        "Z3A.1, PREGNANT_TRIMESTER_UNKNOWN",
        "O99.011, FIRST_TRIMESTER",
        "O99.012, SECOND_TRIMESTER",
        "O24.113, THIRD_TRIMESTER",
        "O36.5930, THIRD_TRIMESTER",
        "O22.8X1, FIRST_TRIMESTER",
        "O34.212, PREGNANT_TRIMESTER_UNKNOWN"
    })
    void pregnancyWithTrimester(String code, Pregnancy expected) {
        assertThat(groups.pregnancyFromCondition(CodeGroups.ICD10CM, code)).contains(expected);
    }

    @ParameterizedTest(name = "{0} is not pregnancy evidence")
    @CsvSource({
        // Puerperium and childbirth are not a current pregnancy: anemia of the puerperium, anemia complicating the
        // puerperium.
        "O90.81",
        "O99.03",
        "O99.02",
        "O24.430",
        // Abortive outcomes, where the 6th character is laterality.
        "O00.101",
        "O03.9",
        // Elective termination is not a current pregnancy.
        "Z33.2",
        // O codes without a trimester character.
        "O80",
        "O24.419",
        "D50.9"
    })
    void notPregnancy(String code) {
        assertThat(groups.pregnancyFromCondition(CodeGroups.ICD10CM, code)).isEmpty();
    }

    @ParameterizedTest(name = "pregnancy status answer {0} -> {1}")
    @CsvSource({"77386006, PREGNANT_TRIMESTER_UNKNOWN", "60001007, NOT_PREGNANT", "261665006, UNKNOWN"})
    void pregnancyStatusAnswers(String code, Pregnancy expected) {
        assertThat(groups.pregnancyFromStatusAnswer(CodeGroups.SNOMED, code)).contains(expected);
        assertThat(groups.pregnancyFromStatusAnswer(CodeGroups.ICD10CM, code)).isEmpty();
        assertThat(groups.pregnancyFromStatusAnswer(CodeGroups.SNOMED, "87522002"))
                .isEmpty();
    }

    @Test
    void pregnancyOnlyFromIcd10cm() {
        assertThat(groups.pregnancyFromCondition(CodeGroups.SNOMED, "Z34.01")).isEmpty();
        assertThat(groups.pregnancyFromCondition(CodeGroups.ICD10CM, null)).isEmpty();
    }

    @ParameterizedTest(name = "ATC {0} -> {1}")
    @CsvSource({
        "B03AA07, ORAL_IRON",
        "B03AB05, ORAL_IRON",
        "B03AD03, ORAL_IRON",
        "B03AE10, ORAL_IRON",
        "B03AC, IV_IRON",
        "B03AC02, IV_IRON",
        "J04AC01, ISONIAZID",
        "J04AM02, ISONIAZID",
        "J04AM05, ISONIAZID",
        "J04AM06, ISONIAZID",
        "J01XX08, LINEZOLID",
        "J01BA01, CHLORAMPHENICOL",
        "A11HA02, PYRIDOXINE",
        "A12CB01, ZINC",
        "A12CB02, ZINC",
        "B03XA01, ERYTHROPOIESIS_STIMULATING_AGENT",
        "A02BC01, PROTON_PUMP_INHIBITOR",
        "L01XX05, HYDROXYUREA",
        "V03AC03, IRON_CHELATOR"
    })
    void atcClasses(String code, MedicationClass expected) {
        assertThat(groups.medicationClasses(CodeGroups.ATC, code, null)).containsExactly(expected);
    }

    @ParameterizedTest(name = "ATC {0} counts for nothing")
    @CsvSource({
        // Topical chloramphenicol (eye, skin) does not count: only systemic use affects the marrow.
        "S01AA01, chloramphenicol eye drops",
        "D06AX02, chloramphenicol ointment",
        // B03A alone is 'iron preparations', too coarse to tell oral from IV.
        "B03A, iron preparations",
        "J04AC, hydrazides",
        "J04AM01, streptomycin and isoniazid? not listed",
        "B03XA, ''"
    })
    void atcNearMisses(String code, String display) {
        Set<MedicationClass> classes = groups.medicationClasses(CodeGroups.ATC, code, display);
        if ("B03XA".equals(code)) {
            assertThat(classes).containsExactly(MedicationClass.ERYTHROPOIESIS_STIMULATING_AGENT);
        } else {
            assertThat(classes).isEmpty();
        }
    }

    @ParameterizedTest(name = "RxNorm {0} -> {1}")
    @CsvSource({
        "6038, ISONIAZID",
        "190376, LINEZOLID",
        "1662285, LINEZOLID",
        "2348, CHLORAMPHENICOL",
        "7646, PROTON_PUMP_INHIBITOR",
        "40790, PROTON_PUMP_INHIBITOR",
        "17128, PROTON_PUMP_INHIBITOR",
        "114979, PROTON_PUMP_INHIBITOR",
        "283742, PROTON_PUMP_INHIBITOR",
        "24947, ORAL_IRON"
    })
    void rxnormTable(String code, MedicationClass expected) {
        // The display is ignored when the code is known.
        assertThat(groups.medicationClasses(CodeGroups.RXNORM, code, "something else"))
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "display ''{1}'' -> {2}")
    @CsvSource({
        "http://www.nlm.nih.gov/research/umls/rxnorm, isoniazid 300 MG Oral Tablet, ISONIAZID",
        "http://www.nlm.nih.gov/research/umls/rxnorm, Rifampin 300 MG / isoniazid 150 MG Oral Capsule, ISONIAZID",
        "http://example.org/local, Linezolid 600 mg tablet, LINEZOLID",
        "http://example.org/local, chloramphenicol 1 G Injection, CHLORAMPHENICOL",
        "http://example.org/local, Ferrous sulfate 325 MG Oral Tablet, ORAL_IRON",
        "http://example.org/local, Iron 65 MG Oral Tablet, ORAL_IRON",
        "http://example.org/local, iron sucrose 20 MG/ML Injectable Solution, IV_IRON",
        "http://example.org/local, ferric carboxymaltose 50 MG/ML Injection, IV_IRON",
        "http://example.org/local, ferumoxytol, IV_IRON",
        "http://example.org/local, Pyridoxine 50 mg, PYRIDOXINE",
        "http://example.org/local, zinc sulfate 220 MG Oral Capsule, ZINC",
        "http://example.org/local, epoetin alfa 10000 UNT/ML, ERYTHROPOIESIS_STIMULATING_AGENT",
        "http://example.org/local, omeprazole 20 MG Delayed Release Oral Capsule, PROTON_PUMP_INHIBITOR",
        "http://example.org/local, hydroxyurea 500 MG Oral Capsule, HYDROXYUREA",
        "http://example.org/local, deferasirox 360 MG Oral Tablet, IRON_CHELATOR"
    })
    void displayFallback(String system, String display, MedicationClass expected) {
        assertThat(groups.medicationClasses(system, "999999999", display)).containsExactly(expected);
    }

    @ParameterizedTest(name = "display ''{0}'' -> nothing")
    @CsvSource({
        "chloramphenicol 0.5 % Ophthalmic Solution",
        "Chloramphenicol eye ointment 1%",
        "chloramphenicol otic drops",
        "zinc oxide 20 % Topical Ointment",
        "acetaminophen 500 MG Oral Tablet",
        "''"
    })
    void displayFallbackNearMisses(String display) {
        assertThat(groups.medicationClasses(CodeGroups.RXNORM, "999999999", display))
                .isEmpty();
        assertThat(groups.medicationClasses(null, null, display)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233N1, true",
        "http://www.cms.gov/Medicare/Coding/ICD10, 30243N1, true",
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233H1, true",
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233P1, true",
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233n1, true",
        "http://www.cms.gov/Medicare/Coding/ICD10, 302, true",
        // Platelets (R) and fresh plasma (L) are transfusions, but not of red cells.
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233R1, false",
        "http://www.cms.gov/Medicare/Coding/ICD10, 30233L1, false",
        "http://www.cms.gov/Medicare/Coding/ICD10, 3E0336Z, false",
        "http://snomed.info/sct, 30233N1, false",
        "http://example.org, 30233N1, false",
        // SNOMED CT and CPT transfusion codes are recognised as well; other procedures of those systems are not.
        "http://snomed.info/sct, 116863004, true",
        "http://snomed.info/sct, 71493000, true",
        "http://snomed.info/sct, 12719002, false",
        "http://www.ama-assn.org/go/cpt, 36430, true",
        "http://www.ama-assn.org/go/cpt, 36440, true",
        "http://www.ama-assn.org/go/cpt, 36450, true",
        "http://www.ama-assn.org/go/cpt, 36455, true",
        "http://www.ama-assn.org/go/cpt, 86950, false",
        "http://www.ama-assn.org/go/cpt, 85018, false",
        "http://example.org, 36430, false"
    })
    void redCellTransfusion(String system, String code, boolean expected) {
        assertThat(groups.isRedCellTransfusion(system, code)).isEqualTo(expected);
    }
}

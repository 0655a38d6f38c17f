package dev.microcytic.cdshooks.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.CodeGroups;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only hereditary diagnoses hold for life; an acquired one is history once resolved, inactive or abated. */
class ConditionReaderTest {

    private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";

    private final ConditionReader reader = new ConditionReader(CodeGroups.standard());

    private Set<ClinicalFlag> flags(String code, String clinicalStatus, String abatement) {
        Condition condition = new Condition();
        condition.setCode(new CodeableConcept(new Coding(ICD, code, null)));
        if (!"none".equals(clinicalStatus)) {
            condition.setClinicalStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus, null)));
        }
        if (abatement != null) {
            condition.setAbatement(new DateTimeType(abatement));
        }
        condition.setRecordedDate(new DateTimeType("2019-05-01").getValue());
        Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
        reader.read(condition, flags, (date, pregnancy) -> {});
        return flags;
    }

    @ParameterizedTest(name = "{0} {1} (abated {2}) → {3} held: {4}")
    @CsvSource({
        // acquired: current only
        "D50.9,active,,KNOWN_IRON_DEFICIENCY_ANEMIA,true",
        "D50.9,resolved,,KNOWN_IRON_DEFICIENCY_ANEMIA,false",
        "D50.9,inactive,,KNOWN_IRON_DEFICIENCY_ANEMIA,false",
        "D50.9,none,2020-01-10,KNOWN_IRON_DEFICIENCY_ANEMIA,false",
        "D50.9,none,,KNOWN_IRON_DEFICIENCY_ANEMIA,true",
        "T56.0X1A,active,,KNOWN_LEAD_EXPOSURE,true",
        "T56.0X1A,resolved,,KNOWN_LEAD_EXPOSURE,false",
        "D63.8,active,,KNOWN_ANEMIA_OF_CHRONIC_DISEASE,true",
        "D63.8,remission,,KNOWN_ANEMIA_OF_CHRONIC_DISEASE,false",
        "D64.2,resolved,,KNOWN_SIDEROBLASTIC_ANEMIA,false",
        // hereditary: for life
        "D56.3,resolved,,KNOWN_THALASSEMIA,true",
        "D57.3,inactive,,KNOWN_SICKLE_CELL_DISORDER,true",
        "D64.0,inactive,,KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA,true",
        "D64.0,inactive,,KNOWN_SIDEROBLASTIC_ANEMIA,true",
        "E80.0,resolved,,KNOWN_PORPHYRIA,true"
    })
    void onlyHereditaryDiagnosesAreLifelong(
            String code, String status, String abatement, ClinicalFlag flag, boolean held) {
        assertThat(flags(code, status, abatement).contains(flag)).isEqualTo(held);
    }

    @ParameterizedTest(name = "{0} → secondary {1}, hereditary {2}")
    @CsvSource({"D64.0,false,true", "D64.1,true,false", "D64.2,true,false", "D64.3,false,false"})
    void secondarySideroblasticCodesMeanAcquired(String code, boolean secondary, boolean hereditary) {
        Set<ClinicalFlag> flags = flags(code, "active", null);
        assertThat(flags).contains(ClinicalFlag.KNOWN_SIDEROBLASTIC_ANEMIA);
        assertThat(flags.contains(ClinicalFlag.KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA))
                .isEqualTo(secondary);
        assertThat(flags.contains(ClinicalFlag.KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA))
                .isEqualTo(hereditary);
    }
}

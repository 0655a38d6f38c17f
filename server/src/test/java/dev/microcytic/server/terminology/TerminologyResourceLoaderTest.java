package dev.microcytic.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

class TerminologyResourceLoaderTest {

    @Test
    void storedCopyWithOtherIdMetaAndNarrativeHoldsTheSameContent() {
        ValueSet bundled = valueSet("D50.0");
        ValueSet stored = valueSet("D50.0");
        stored.setId("ValueSet/microcytic-iron/_history/3");
        stored.getMeta().setVersionId("3").setSource("#abc");
        stored.getText().setStatus(Narrative.NarrativeStatus.GENERATED);

        assertThat(TerminologyResourceLoader.sameContent(stored, bundled)).isTrue();
        assertThat(stored.getMeta().getVersionId())
                .as("the stored resource itself is not changed")
                .isEqualTo("3");
    }

    @Test
    void anotherCodeIsOtherContent() {
        assertThat(TerminologyResourceLoader.sameContent(valueSet("D50.0"), valueSet("D50.9")))
                .isFalse();
    }

    private static ValueSet valueSet(String code) {
        ValueSet valueSet = new ValueSet();
        valueSet.setUrl("https://example.org/ValueSet/iron");
        valueSet.setVersion("1.1.0");
        valueSet.setStatus(PublicationStatus.ACTIVE);
        valueSet.getCompose()
                .addInclude()
                .setSystem("http://hl7.org/fhir/sid/icd-10-cm")
                .addConcept()
                .setCode(code);
        return valueSet;
    }
}

package dev.microcytic.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every ValueSet the server publishes expands (200, with members), and {@code $validate-code} answers true for a member
 * and false for a non-member of each: a FHIR client can trust the answers.
 */
class ValueSetAnswersIT extends AbstractServerIT {

    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String SNOMED = "http://snomed.info/sct";

    @Test
    void everyPublishedValueSetExpandsAndValidatesAMemberAndANonMember() throws Exception {
        Map<String, List<ValueSetExpansionContainsComponent>> expansions = new LinkedHashMap<>();
        for (String id : publishedValueSetIds()) {
            HttpResponse<String> response = get("/ValueSet/" + id + "/$expand");
            assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
            ValueSet expanded = fhirContext().newJsonParser().parseResource(ValueSet.class, response.body());
            assertThat(expanded.getExpansion().getContains()).as(id).isNotEmpty();
            expansions.put(id, expanded.getExpansion().getContains());
        }
        assertThat(expansions).hasSize(45);

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<ValueSetExpansionContainsComponent>> entry : expansions.entrySet()) {
            String id = entry.getKey();
            ValueSetExpansionContainsComponent member = entry.getValue().get(0);
            if (!validateCode(id, member.getSystem(), member.getCode())) {
                wrong.add(id + ": member " + member.getCode() + " answered false");
            }
            String nonMember = nonMember(entry.getValue(), member.getSystem(), expansions);
            if (validateCode(id, member.getSystem(), nonMember)) {
                wrong.add(id + ": non-member " + nonMember + " answered true");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void codesBelowAnIsAFilterAreMembers() throws Exception {
        assertThat(validateCode("microcytic-condition-known-thalassemia", ICD10CM, "D56.3"))
                .isTrue();
        assertThat(validateCode("microcytic-condition-known-thalassemia", SNOMED, "65959000"))
                .isTrue();
        assertThat(validateCode("microcytic-condition-known-thalassemia", ICD10CM, "D57.3"))
                .isFalse();
        assertThat(validateCode("microcytic-condition-alcohol-use-disorder", ICD10CM, "F10.20"))
                .isTrue();
        // Remission codes are excluded from current alcohol use disorder (they raise the weaker flag only).
        assertThat(validateCode("microcytic-condition-alcohol-use-disorder", ICD10CM, "F10.21"))
                .isFalse();
        assertThat(validateCode("microcytic-condition-alcohol-use-disorder-in-remission", ICD10CM, "F10.21"))
                .isTrue();
        assertThat(validateCode("microcytic-medication-oral-iron", ATC, "B03AA07"))
                .isTrue();
        assertThat(validateCode("microcytic-medication-oral-iron", ATC, "B03AC"))
                .isFalse();
        assertThat(validateCode("microcytic-condition-inflammation", ICD10CM, "C50.919"))
                .isTrue();
        assertThat(validateCode(
                        "microcytic-red-cell-transfusion", "http://www.cms.gov/Medicare/Coding/ICD10", "30233N1"))
                .isTrue();
        assertThat(validateCode("microcytic-red-cell-transfusion", SNOMED, "116863004"))
                .isTrue();
        assertThat(validateCode("microcytic-red-cell-transfusion", "http://www.ama-assn.org/go/cpt", "36430"))
                .isTrue();
        // Secondary sideroblastic anemia (drugs, toxins, disease) is acquired; D64.0 is the hereditary form.
        assertThat(validateCode("microcytic-condition-known-secondary-sideroblastic-anemia", ICD10CM, "D64.1"))
                .isTrue();
        assertThat(validateCode("microcytic-condition-known-secondary-sideroblastic-anemia", ICD10CM, "D64.0"))
                .isFalse();
        assertThat(validateCode("microcytic-condition-known-congenital-sideroblastic-anemia", ICD10CM, "D64.0"))
                .isTrue();
        assertThat(validateCode("microcytic-condition-b12-folate-deficiency", ICD10CM, "D52"))
                .isTrue();
    }

    @Test
    void anIsAFilterExpandsToTheWholeSubtreeOfTheShippedFragment() throws Exception {
        ValueSet thalassemia = fhirContext()
                .newJsonParser()
                .parseResource(
                        ValueSet.class,
                        get("/ValueSet/microcytic-condition-known-thalassemia/$expand")
                                .body());

        assertThat(thalassemia.getExpansion().getContains())
                .extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactlyInAnyOrder(
                        "D56",
                        "D56.0",
                        "D56.1",
                        "D56.2",
                        "D56.3",
                        "D56.4",
                        "D56.5",
                        "D56.8",
                        "D56.9",
                        "65959000",
                        "68913001");
    }

    private boolean validateCode(String valueSetId, String system, String code) throws Exception {
        HttpResponse<String> response =
                get("/ValueSet/" + valueSetId + "/$validate-code?system=" + enc(system) + "&code=" + enc(code));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Parameters answer = fhirContext().newJsonParser().parseResource(Parameters.class, response.body());
        return answer.getParameterBool("result");
    }

    /** A code of the same system that another published ValueSet holds and this one does not, else an invented one. */
    private static String nonMember(
            List<ValueSetExpansionContainsComponent> own,
            String system,
            Map<String, List<ValueSetExpansionContainsComponent>> all) {
        Set<String> mine =
                own.stream().map(ValueSetExpansionContainsComponent::getCode).collect(Collectors.toSet());
        return all.values().stream()
                .flatMap(List::stream)
                .filter(c -> system.equals(c.getSystem()) && !mine.contains(c.getCode()))
                .map(ValueSetExpansionContainsComponent::getCode)
                .findFirst()
                .orElse("not-a-member");
    }

    private static List<String> publishedValueSetIds() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + KnowledgePackage.CLASSPATH_ROOT + "fhir/ValueSet-*.json");
        List<String> ids = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                ids.add(fhirContext()
                        .newJsonParser()
                        .parseResource(ValueSet.class, in)
                        .getIdElement()
                        .getIdPart());
            }
        }
        return ids;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return FhirJsonGet.get(fhirBaseUrl() + path);
    }

    private static String enc(String value) {
        return FhirJsonGet.enc(value);
    }
}

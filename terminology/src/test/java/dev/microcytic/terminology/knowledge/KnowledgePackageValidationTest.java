package dev.microcytic.terminology.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The whole knowledge package validates, and a deliberately broken copy fails with every problem reported. */
class KnowledgePackageValidationTest {

    private final KnowledgePackageValidator validator = new KnowledgePackageValidator();

    @Test
    void bundledPackageIsValid() {
        List<String> problems = validator.validate(KnowledgeResourcesAreCurrentTest.PACKAGE_ROOT);

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void brokenPackageFailsLoudlyWithEveryProblem() throws URISyntaxException {
        Path broken = Path.of(Objects.requireNonNull(
                                getClass().getResource("/knowledge-broken/microcytic/1.0.0/package.json"))
                        .toURI())
                .getParent();

        List<String> problems = validator.validate(broken);

        assertThat(problems)
                .as(String.join("\n", problems))
                .anySatisfy(p -> assertThat(p).isEqualTo("package.json: missing 'date'"))
                .anySatisfy(p -> assertThat(p).contains("'who-2011'").contains("duplicate id"))
                .anySatisfy(p ->
                        assertThat(p).isEqualTo("references.json: reference #2 'who-2020': needs a doi, pmid or url"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("references.json: reference #3 'mentzer-1973': malformed doi '10.1016 S0140'"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("references.json: reference #3 'mentzer-1973': pmid 'PMID4123424' is not numeric"))
                .anySatisfy(p -> assertThat(p).contains("README.md: missing or empty"))
                .anySatisfy(p -> assertThat(p).contains("broken.json: not valid JSON"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("https://fhir.microcytic.dev/CodeSystem/microcytic-cause: required code 'irida'"
                                + " missing"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("https://fhir.microcytic.dev/CodeSystem/microcytic-cds: CodeSystem missing from the"
                                + " package"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("fhir/CodeSystem-microcytic-cause.json: version 0.9.0 differs from package"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("fhir/ValueSet-microcytic-lab-codes.json: FHIR ERROR")
                        .contains("status"))
                .anySatisfy(p -> assertThat(p)
                        .contains("fhir/ValueSet-microcytic-lab-codes.json: LOINC 1234-5 is not a lab concept"))
                .anySatisfy(p -> assertThat(p)
                        .contains("ConceptMap-microcytic-cause-to-snomed-icd10cm.json: source code 'iron-deficient'"
                                + " does not exist"))
                .anySatisfy(p -> assertThat(p).isEqualTo("thresholds.json: $.thresholds[1]: entry cites no sources"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("thresholds.json: $.thresholds[2]: source 'nobody-1999' is not in references.json"))
                .anySatisfy(p -> assertThat(p).isEqualTo("thresholds.json: $.thresholds[2]: unknown analyte 'FERITIN'"))
                .anySatisfy(
                        p -> assertThat(p).isEqualTo("indices.json: $.indices[0]: 'sources' must be a non-empty list"));
    }
}

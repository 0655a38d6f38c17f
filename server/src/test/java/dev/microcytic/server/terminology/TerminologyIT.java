package dev.microcytic.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.terminology.knowledge.CauseDefinition;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The knowledge package's terminology is loaded at start (once) and answers $lookup, $expand and $translate. */
class TerminologyIT extends AbstractServerIT {

    private static final String CAUSE = KnowledgePackage.CAUSE_SYSTEM;
    private static final String TEST = KnowledgePackage.TEST_SYSTEM;
    private static final String CDS = KnowledgePackage.CDS_SYSTEM;
    private static final String CONCEPT_MAP =
            "https://fhir.microcytic.dev/ConceptMap/microcytic-cause-to-snomed-icd10cm";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private TerminologyResourceLoader loader;

    @Test
    void causeCodeSystemIsSearchableByUrlWithEveryContractCode() throws Exception {
        Bundle found = get("/CodeSystem?url=" + enc(CAUSE), Bundle.class);

        assertThat(found.getEntry()).hasSize(1);
        CodeSystem causes = (CodeSystem) found.getEntryFirstRep().getResource();
        assertThat(causes.getVersion()).isEqualTo("1.1.0");
        assertThat(causes.getConcept())
                .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactlyInAnyOrderElementsOf(KnowledgePackage.load().causes().stream()
                        .map(CauseDefinition::code)
                        .toList())
                .contains("iron-deficiency", "irida", "other-hemoglobin-variant");
    }

    @Test
    void lookupAnswersForCauseTestAndProductCodes() throws Exception {
        Parameters cause = get("/CodeSystem/$lookup?system=" + enc(CAUSE) + "&code=iron-deficiency", Parameters.class);
        Parameters test =
                get("/CodeSystem/$lookup?system=" + enc(TEST) + "&code=hemoglobin-fractionation", Parameters.class);
        Parameters finding = get("/CodeSystem/$lookup?system=" + enc(CDS) + "&code=photosensitivity", Parameters.class);

        assertThat(cause.getParameter("display").getValue().primitiveValue()).isEqualTo("Iron deficiency anemia");
        assertThat(test.getParameter("display").getValue().primitiveValue())
                .isEqualTo("Hemoglobin fractionation (HPLC / capillary electrophoresis)");
        assertThat(finding.getParameter("display").getValue().primitiveValue()).isEqualTo("Photosensitivity");
    }

    @Test
    void lookupOfAnUnknownCodeIsAClientError() throws Exception {
        HttpResponse<String> response = raw("/CodeSystem/$lookup?system=" + enc(CAUSE) + "&code=no-such-cause");

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("OperationOutcome");
    }

    @Test
    void expandsTheLabCodesAndTheCauseValueSets() throws Exception {
        ValueSet labs = get(
                "/ValueSet/$expand?url=" + enc("https://fhir.microcytic.dev/ValueSet/microcytic-lab-codes"),
                ValueSet.class);
        ValueSet causes = get(
                "/ValueSet/$expand?url=" + enc("https://fhir.microcytic.dev/ValueSet/microcytic-cause"),
                ValueSet.class);

        assertThat(labs.getExpansion().getContains())
                .extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
                .contains("718-7", "59260-0", "4551-8", "4552-6", "34660-1", "2498-4", "14798-3");
        assertThat(causes.getExpansion().getContains())
                .extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
                .hasSize(KnowledgePackage.load().causes().size())
                .contains("iron-deficiency", "lead-poisoning");
    }

    @Test
    void expandingAValueSetThatFiltersOnACodeSystemTheServerLacksIs422NamingIt() throws Exception {
        String unknown = "http://example.org/fhir/CodeSystem/not-held-here";
        ValueSet adHoc = new ValueSet();
        adHoc.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
        adHoc.getCompose()
                .addInclude()
                .setSystem(unknown)
                .addFilter()
                .setProperty("concept")
                .setOp(ValueSet.FilterOperator.ISA)
                .setValue("X1");
        Parameters request = new Parameters();
        request.addParameter().setName("valueSet").setResource(adHoc);

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(fhirBaseUrl() + "/ValueSet/$expand"))
                        .header("Accept", "application/fhir+json")
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                fhirContext().newJsonParser().encodeResourceToString(request)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        OperationOutcome outcome = fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains(unknown)
                .contains("ValueSet.compose");
    }

    @Test
    void translatesACauseToSnomedAndIcd10cmWhereVerified() throws Exception {
        Parameters snomed = translate("iron-deficiency", SNOMED);
        Parameters icd = translate("anemia-of-chronic-kidney-disease", ICD10CM);

        assertThat(snomed.getParameterBool("result")).isTrue();
        assertThat(matches(snomed)).extracting(Coding::getCode).containsExactly("87522002");
        assertThat(icd.getParameterBool("result")).isTrue();
        assertThat(matches(icd)).extracting(Coding::getCode).containsExactly("D63.1");
    }

    @Test
    void unverifiedMappingsAreNotInvented() throws Exception {
        Parameters dmt1 = translate("dmt1-deficiency", SNOMED);

        assertThat(matches(dmt1)).extracting(Coding::getCode).allMatch(code -> code == null || code.isBlank());
        assertThat(dmt1.getParameterBool("result")).isFalse();
    }

    @Test
    void loadingAgainDuplicatesNothing() throws Exception {
        CodeSystem before = (CodeSystem) get("/CodeSystem?url=" + enc(CAUSE), Bundle.class)
                .getEntryFirstRep()
                .getResource();

        TerminologyResourceLoader.LoadResult again = loader.load();

        assertThat(again.created()).isZero();
        assertThat(again.total()).isGreaterThan(40);
        Bundle after = get("/CodeSystem?url=" + enc(CAUSE), Bundle.class);
        assertThat(after.getEntry()).hasSize(1);
        assertThat(after.getEntryFirstRep().getResource().getMeta().getVersionId())
                .isEqualTo(before.getMeta().getVersionId());
        assertThat(get("/ConceptMap?url=" + enc(CONCEPT_MAP), Bundle.class).getEntry())
                .hasSize(1);
    }

    @Test
    void everyStoredKnowledgeResourceHoldsTheBundledContentSoARestartSkipsItsUpdate() throws Exception {
        List<MetadataResource> bundled = loader.bundledResources();

        assertThat(bundled).hasSizeGreaterThan(40);
        for (MetadataResource resource : bundled) {
            Bundle found = get(
                    "/" + resource.fhirType() + "?url=" + enc(resource.getUrl()) + "&version="
                            + enc(resource.getVersion()),
                    Bundle.class);
            assertThat(found.getEntry()).as(resource.getUrl()).hasSize(1);
            assertThat(TerminologyResourceLoader.sameContent(
                            (MetadataResource) found.getEntryFirstRep().getResource(), resource))
                    .as(resource.getUrl())
                    .isTrue();
        }
    }

    private Parameters translate(String cause, String targetSystem) throws Exception {
        return get(
                "/ConceptMap/$translate?url=" + enc(CONCEPT_MAP) + "&system=" + enc(CAUSE) + "&code=" + cause
                        + "&targetsystem=" + enc(targetSystem),
                Parameters.class);
    }

    private static List<Coding> matches(Parameters translation) {
        return translation.getParameter().stream()
                .filter(p -> p.getName().equals("match"))
                .flatMap(p -> p.getPart().stream())
                .filter(part -> part.getName().equals("concept"))
                .map(part -> (Coding) part.getValue())
                .toList();
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T get(String path, Class<T> type)
            throws IOException, InterruptedException {
        HttpResponse<String> response = raw(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return fhirContext().newJsonParser().parseResource(type, response.body());
    }

    private HttpResponse<String> raw(String path) throws IOException, InterruptedException {
        return FhirJsonGet.get(fhirBaseUrl() + path);
    }

    private static String enc(String value) {
        return FhirJsonGet.enc(value);
    }
}

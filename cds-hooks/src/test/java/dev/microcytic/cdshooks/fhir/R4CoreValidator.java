package dev.microcytic.cdshooks.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;

/** HAPI's instance validator with only the R4 core definitions: what "validates against R4 core" means here. */
public final class R4CoreValidator {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = create(false);
    private static final FhirValidator WITH_KNOWLEDGE = create(true);

    private R4CoreValidator() {}

    private static FhirValidator create(boolean withKnowledgeCodeSystems) {
        PrePopulatedValidationSupport knowledge = new PrePopulatedValidationSupport(CONTEXT);
        if (withKnowledgeCodeSystems) {
            KnowledgePackage pkg = KnowledgePackage.load();
            for (String file : List.of(
                    "fhir/CodeSystem-microcytic-cause.json",
                    "fhir/CodeSystem-microcytic-test.json",
                    "fhir/CodeSystem-microcytic-cds.json")) {
                try (InputStream in = pkg.open(file)) {
                    knowledge.addCodeSystem(CONTEXT.newJsonParser().parseResource(CodeSystem.class, in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                knowledge,
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        // Our own CodeSystems are not part of R4 core; references to urn:uuid placeholders resolve in a bundle.
        module.setAnyExtensionsAllowed(false);
        return CONTEXT.newValidator().registerValidatorModule(module);
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    /** Messages of severity error or fatal. */
    public static List<String> errors(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4CoreValidator::describe)
                .toList();
    }

    /** Errors when our own CodeSystems (knowledge package) are known too: unknown codes are errors then. */
    public static List<String> errorsWithKnowledge(IBaseResource resource) {
        return WITH_KNOWLEDGE.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4CoreValidator::describe)
                .toList();
    }

    /** Every message, for diagnosing. */
    public static List<String> messages(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .map(R4CoreValidator::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}

package dev.microcytic.cdshooks.differential;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure Java, so it can be unit-tested and benchmarked without a server: no FHIR, HAPI, Spring or
 * servlet types in the differential package.
 */
class DifferentialPurityTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.microcytic.cdshooks.differential");

    @Test
    void differentialDependsOnNoFhirSpringOrServletTypes() {
        noClasses()
                .that()
                .resideInAPackage("..differential..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.hl7..", "ca.uhn..", "org.springframework..", "jakarta.servlet..", "javax.servlet..")
                .check(ENGINE);
    }
}

package dev.microcytic.server.fhir;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;

/**
 * The R4 resource types this FHIR server stores: HAPI's JPA server defines a DAO bean for each of the 146 types;
 * with 48 the start on a 2-core machine took 21.4-22.4 s to health UP instead of 26.5-27.5 s. Without a DAO
 * a type is not in the CapabilityStatement and {@code /fhir/X} answers 404 ("Unknown resource type"), as for a
 * misspelt type.
 *
 * <p>The default set is what the product reads, writes and publishes, what a lab result or an EHR transaction refers
 * to (encounter, specimen, performer, device), and what HAPI's own services look up (terminology, search parameters,
 * profiles, subscriptions). {@code microcytic.fhir.resource-types} replaces the set; {@code all} keeps every type.
 *
 * <p>Written by hand because HAPI has no switch that stops the DAO beans from being created: its
 * {@code DaoRegistry.setSupportedResourceTypes} only hides DAOs that were already made. This post-processor removes
 * the bean definitions (its {@code dao<Type>R4} and {@code rp<Type>R4} factory methods) before any bean is created.
 */
public final class StoredResourceTypes implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private static final String GENERATED_CONFIG = "ca.uhn.fhir.jpa.config.GeneratedDaoAndResourceProviderConfigR4";

    /** Property naming the stored types; {@code all} keeps HAPI's full set. */
    public static final String PROPERTY = "microcytic.fhir.resource-types";

    /** The default set (see the class comment for why each group is here). */
    public static final Set<String> DEFAULT = Set.copyOf(List.of(
            // Read by the differential and the CDS services, or written as its interpretation.
            "Patient",
            "Observation",
            "Condition",
            "Procedure",
            "MedicationStatement",
            "MedicationRequest",
            "MedicationAdministration",
            "MedicationDispense",
            "Medication",
            "ServiceRequest",
            "RequestGroup",
            "GuidanceResponse",
            "RiskAssessment",
            "DetectedIssue",
            "Provenance",
            "AuditEvent",
            // What lab results and EHR transactions refer to.
            "DiagnosticReport",
            "Specimen",
            "Encounter",
            "Practitioner",
            "PractitionerRole",
            "Organization",
            "Location",
            "Device",
            "RelatedPerson",
            "CareTeam",
            "Group",
            "FamilyMemberHistory",
            "AllergyIntolerance",
            "DocumentReference",
            "Task",
            // Knowledge, terminology and conformance resources the server publishes or HAPI looks up.
            "Library",
            "PlanDefinition",
            "ActivityDefinition",
            "ValueSet",
            "CodeSystem",
            "ConceptMap",
            "NamingSystem",
            "StructureDefinition",
            "SearchParameter",
            "OperationDefinition",
            "CompartmentDefinition",
            "ImplementationGuide",
            "Questionnaire",
            "QuestionnaireResponse",
            "Subscription",
            "Bundle",
            "Binary"));

    private Set<String> stored = DEFAULT;

    @Override
    public void setEnvironment(Environment environment) {
        List<String> configured = Binder.get(environment)
                .bind(PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of());
        if (configured.isEmpty()) {
            stored = DEFAULT;
        } else if (configured.size() == 1
                && "all".equalsIgnoreCase(configured.get(0).trim())) {
            stored = null;
        } else {
            stored = configured.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (stored == null) {
            return;
        }
        int removed = 0;
        for (String name : registry.getBeanDefinitionNames()) {
            String type = resourceTypeOf(registry.getBeanDefinition(name));
            if (type != null && !stored.contains(type)) {
                registry.removeBeanDefinition(name);
                removed++;
            }
        }
        if (removed == 0) {
            throw new IllegalStateException(
                    "No HAPI R4 resource DAO bean found in " + GENERATED_CONFIG + ": has HAPI renamed its methods?");
        }
    }

    /** The resource type of a DAO or resource provider bean of HAPI's generated R4 configuration, else null. */
    static String resourceTypeOf(BeanDefinition definition) {
        if (!(definition instanceof AnnotatedBeanDefinition annotated)) {
            return null;
        }
        MethodMetadata method = annotated.getFactoryMethodMetadata();
        if (method == null || !GENERATED_CONFIG.equals(method.getDeclaringClassName())) {
            return null;
        }
        return resourceTypeOf(method.getMethodName());
    }

    /** {@code daoAccountR4} and {@code rpAccountR4} -> {@code Account}; other method names -> null. */
    static String resourceTypeOf(String factoryMethod) {
        if (!factoryMethod.endsWith("R4")) {
            return null;
        }
        for (String prefix : List.of("dao", "rp")) {
            if (factoryMethod.startsWith(prefix) && factoryMethod.length() > prefix.length() + 2) {
                String type = factoryMethod.substring(prefix.length(), factoryMethod.length() - 2);
                return Character.isUpperCase(type.charAt(0)) ? type : null;
            }
        }
        return null;
    }

    /** The stored types, or null for all. */
    Set<String> stored() {
        return stored;
    }
}

package dev.microcytic.server.security;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import dev.microcytic.server.interpretation.MicrocyticDifferentialProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Turns the SMART scopes of the request's access token into HAPI authorization rules (deny by default):
 *
 * <ul>
 *   <li>{@code patient/T.rs} reads resources of type T in the compartment of the token's {@code patient};
 *       {@code user/} and {@code system/} scopes read any resource of the type;
 *   <li>{@code c} creates, {@code u} updates (HAPI's write rule, which includes create), {@code d} deletes; a token
 *       with any write scope may send transactions, whose entries meet the same rules;
 *   <li>the knowledge resources (CodeSystem, ValueSet, ConceptMap, ...) and the terminology operations are open to
 *       every valid token: they hold no patient data;
 *   <li>{@code $microcytic-differential}: {@code GET} (evaluate only) with a read scope on Observation, {@code POST}
 *       (evaluate and store) also needs a write scope on Observation;
 *   <li>AuditEvents, HAPI's administrative operations and everything else need the admin scope.
 * </ul>
 *
 * Scope letters {@code r} and {@code s} are not told apart: HAPI's read rule covers read and search alike. PATCH is
 * not granted to non-admin tokens, because HAPI's patch rule cannot be limited to a type or compartment.
 */
public class SmartAuthorizationInterceptor extends AuthorizationInterceptor {

    private static final List<Class<? extends IBaseResource>> TERMINOLOGY_TYPES =
            List.of(CodeSystem.class, ValueSet.class, ConceptMap.class);
    private static final List<String> KNOWLEDGE_TYPES = List.of(
            "CodeSystem",
            "ValueSet",
            "ConceptMap",
            "NamingSystem",
            "OperationDefinition",
            "StructureDefinition",
            "SearchParameter",
            "PlanDefinition",
            "Library");
    private static final List<String> TERMINOLOGY_OPERATIONS =
            List.of("$lookup", "$validate-code", "$expand", "$translate", "$subsumes");

    private final String adminScope;

    public SmartAuthorizationInterceptor(String adminScope) {
        super(PolicyEnum.DENY);
        this.adminScope = adminScope;
    }

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        return rules(FhirAccessGrant.current(adminScope), request.getRequestType());
    }

    static List<IAuthRule> rules(FhirAccessGrant grant, RequestTypeEnum method) {
        RuleBuilder rules = new RuleBuilder();
        rules.allow("capability statement").metadata();
        if (grant == null) {
            return rules.denyAll("no access token").build();
        }
        if (grant.admin()) {
            return rules.allowAll("admin scope").build();
        }
        rules.deny("the audit trail needs the admin scope")
                .read()
                .resourcesOfType("AuditEvent")
                .withAnyId()
                .andThen()
                .deny("the audit trail needs the admin scope")
                .write()
                .resourcesOfType("AuditEvent")
                .withAnyId();
        for (String type : KNOWLEDGE_TYPES) {
            rules.allow("knowledge resources").read().resourcesOfType(type).withAnyId();
        }
        for (String operation : TERMINOLOGY_OPERATIONS) {
            for (Class<? extends IBaseResource> type : TERMINOLOGY_TYPES) {
                rules.allow("terminology")
                        .operation()
                        .named(operation)
                        .onType(type)
                        .andAllowAllResponses();
                rules.allow("terminology")
                        .operation()
                        .named(operation)
                        .onInstancesOfType(type)
                        .andAllowAllResponses();
            }
        }
        boolean anyWrite = false;
        for (SmartScope scope : grant.scopes()) {
            if (!grant.usable(scope)) {
                continue;
            }
            if (scope.reads()) {
                finish(target(rules.allow(scope.toString()).read(), scope), scope, grant);
            }
            if (scope.permissions().contains(SmartScope.Permission.CREATE)) {
                finish(target(rules.allow(scope.toString()).create(), scope), scope, grant);
            }
            if (scope.permissions().contains(SmartScope.Permission.UPDATE)) {
                finish(target(rules.allow(scope.toString()).write(), scope), scope, grant);
            }
            if (scope.permissions().contains(SmartScope.Permission.DELETE)) {
                finish(target(rules.allow(scope.toString()).delete(), scope), scope, grant);
            }
            anyWrite |= scope.writes();
        }
        if (anyWrite) {
            rules.allow("transactions of permitted entries")
                    .transaction()
                    .withAnyOperation()
                    .andApplyNormalRules();
        }
        differentialOperation(rules, grant, method);
        return rules.denyAll("not granted by the token's scopes").build();
    }

    private static void differentialOperation(RuleBuilder rules, FhirAccessGrant grant, RequestTypeEnum method) {
        boolean patientRead = false;
        boolean anyRead = false;
        boolean write = false;
        for (SmartScope scope : grant.scopes()) {
            if (!grant.usable(scope) || !scope.covers("Observation")) {
                continue;
            }
            boolean patient = scope.context() == SmartScope.Context.PATIENT;
            patientRead |= patient && scope.reads();
            anyRead |= !patient && scope.reads();
            write |= scope.writes();
        }
        if (method == RequestTypeEnum.POST && !write) {
            return;
        }
        var named = rules.allow("differential").operation().named(MicrocyticDifferentialProvider.OPERATION);
        if (anyRead) {
            named.onInstancesOfType(Patient.class).andAllowAllResponses();
        } else if (patientRead) {
            named.onInstance(new IdType("Patient", grant.patientId())).andAllowAllResponses();
        }
    }

    private static IAuthRuleBuilderRuleOpClassifier target(IAuthRuleBuilderRuleOp operation, SmartScope scope) {
        return scope.anyType() ? operation.allResources() : operation.resourcesOfType(scope.resourceType());
    }

    private static void finish(IAuthRuleBuilderRuleOpClassifier target, SmartScope scope, FhirAccessGrant grant) {
        if (scope.context() == SmartScope.Context.PATIENT) {
            target.inCompartment("Patient", new IdType("Patient", grant.patientId()));
        } else {
            target.withAnyId();
        }
    }
}

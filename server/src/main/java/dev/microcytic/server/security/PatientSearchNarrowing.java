package dev.microcytic.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;

/**
 * Narrows every search of a patient-context token (only {@code patient/} read scopes) to the compartment of its
 * {@code patient}, so that {@code GET /fhir/Observation?code=...} answers that patient's results instead of a 403;
 * {@link SmartAuthorizationInterceptor} still checks every returned resource.
 */
public class PatientSearchNarrowing extends SearchNarrowingInterceptor {

    private final String adminScope;

    public PatientSearchNarrowing(String adminScope) {
        this.adminScope = adminScope;
    }

    @Override
    protected AuthorizedList buildAuthorizedList(RequestDetails request) {
        FhirAccessGrant grant = FhirAccessGrant.current(adminScope);
        if (grant == null || grant.admin() || !grant.patientOnly()) {
            return null;
        }
        return new AuthorizedList().addCompartment("Patient/" + grant.patientId());
    }
}

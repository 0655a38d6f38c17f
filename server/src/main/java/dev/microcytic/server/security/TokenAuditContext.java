package dev.microcytic.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Who is acting, for the BALP AuditEvents: the user ({@code sub}) and the OAuth client ({@code client_id} or
 * {@code azp}) of the request's access token, as identifiers in the token issuer's namespace; {@code anonymous} when
 * {@code /fhir} runs without authentication.
 */
final class TokenAuditContext implements IBalpAuditContextServices {

    private static final String SYSTEM = "urn:microcytic:oauth-subject";

    private final String adminScope;

    TokenAuditContext(String adminScope) {
        this.adminScope = adminScope;
    }

    @Override
    public Reference getAgentClientWho(RequestDetails request) {
        FhirAccessGrant grant = FhirAccessGrant.current(adminScope);
        return who(grant == null ? null : grant.clientId());
    }

    @Override
    public Reference getAgentUserWho(RequestDetails request) {
        FhirAccessGrant grant = FhirAccessGrant.current(adminScope);
        return who(grant == null ? null : grant.subject());
    }

    /**
     * Relative ids ({@code Patient/123}): BALP's default is the absolute URL, which this store refuses as an external
     * reference and which {@code AuditEvent?entity=Patient/123} would not find.
     */
    @Override
    public String massageResourceIdForStorage(RequestDetails request, IBaseResource resource, IIdType resourceId) {
        return resourceId.toUnqualifiedVersionless().getValue();
    }

    private static Reference who(String value) {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(SYSTEM).setValue(value == null ? "anonymous" : value));
    }
}

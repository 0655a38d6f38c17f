package dev.microcytic.server.security;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import dev.microcytic.server.fhir.FhirServerCustomizer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Audit trail of {@code /fhir}: HAPI's Basic Audit Log Patterns interceptor (IHE BALP) records each read, search,
 * create, update and delete of a client request as an AuditEvent naming the patient ({@code entity}), the user and the
 * client; {@link AuditEventWriter} stores them in the background. Internal reads and writes of the server (re-evaluation,
 * start-up loads) are not client requests and are not audited. Searchable with the admin scope, e.g.
 * {@code GET /fhir/AuditEvent?entity=Patient/123}.
 */
@Configuration(proxyBeanMethods = false)
class FhirAuditConfig {

    @Bean(destroyMethod = "close")
    AuditEventWriter auditEventWriter(IFhirSystemDao<Bundle, Meta> systemDao) {
        return new AuditEventWriter(systemDao, 50_000);
    }

    @Bean
    FhirServerCustomizer fhirAuditTrail(FhirAuthProperties auth, AuditEventWriter writer) {
        return server -> {
            if (auth.audit()) {
                server.registerInterceptor(
                        new BalpAuditCaptureInterceptor(writer, new TokenAuditContext(auth.adminScope())));
            }
        };
    }
}

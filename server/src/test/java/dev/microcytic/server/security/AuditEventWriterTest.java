package dev.microcytic.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.junit.jupiter.api.Test;

class AuditEventWriterTest {

    private final List<Bundle.BundleType> written = new CopyOnWriteArrayList<>();

    @Test
    void writesAQueueOfEventsInOneTransaction() throws Exception {
        AuditEventWriter writer = new AuditEventWriter(systemDao(false), 100);
        for (int i = 0; i < 20; i++) {
            writer.recordAuditEvent(new AuditEvent());
        }
        awaitWritten(writer, 20);
        writer.close();

        assertThat(writer.written()).isEqualTo(20);
        assertThat(written).isNotEmpty().allMatch(type -> type == Bundle.BundleType.TRANSACTION);
    }

    @Test
    void writesTheEventsOneByOneWhenTheTransactionFails() throws Exception {
        AuditEventWriter writer = new AuditEventWriter(systemDao(true), 100);
        writer.recordAuditEvent(new AuditEvent());
        awaitWritten(writer, 1);
        writer.close();

        assertThat(writer.written()).isEqualTo(1);
        assertThat(written).containsExactly(Bundle.BundleType.TRANSACTION, Bundle.BundleType.BATCH);
    }

    private void awaitWritten(AuditEventWriter writer, long count) throws InterruptedException {
        for (int i = 0; i < 500 && writer.written() < count; i++) {
            Thread.sleep(10);
        }
    }

    /** A system DAO that answers transaction(): 201 for every entry, or a failure for a TRANSACTION bundle. */
    @SuppressWarnings("unchecked")
    private IFhirSystemDao<Bundle, Meta> systemDao(boolean failTransactions) {
        return (IFhirSystemDao<Bundle, Meta>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {IFhirSystemDao.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("transaction")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Bundle request = (Bundle) args[1];
                    written.add(request.getType());
                    if (failTransactions && request.getType() == Bundle.BundleType.TRANSACTION) {
                        throw new IllegalStateException("constraint violated");
                    }
                    Bundle response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
                    request.getEntry()
                            .forEach(entry -> response.addEntry().getResponse().setStatus("201 Created"));
                    return response;
                });
    }
}

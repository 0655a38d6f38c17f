package dev.microcytic.server.interpretation;

import static dev.microcytic.server.interpretation.InterpretationItSupport.currentDifferentials;
import static dev.microcytic.server.interpretation.InterpretationItSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.microcytic.server.AbstractServerIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ingest throughput with re-evaluation on ingest off and on, in the same run: transactions of 1 Patient + 12 lab
 * Observations (CBC + iron studies + CRP), posted by 4 parallel clients. Writes the numbers to
 * {@code target/ingest-throughput.txt}.
 */
class IngestThroughputIT extends AbstractServerIT {

    private static final Logger log = LoggerFactory.getLogger(IngestThroughputIT.class);
    private static final int CLIENTS = 4;
    private static final int WARM_UP = 12;
    private static final int TRANSACTIONS = 40;

    /** LOINC, display, value, UCUM unit: an iron-deficient adult woman. */
    private static final Object[][] PANEL = {
        {"718-7", "Hemoglobin", 9.4, "g/dL"},
        {"789-8", "RBC", 4.1, "10*6/uL"},
        {"787-2", "MCV", 68.0, "fL"},
        {"785-6", "MCH", 21.0, "pg"},
        {"786-4", "MCHC", 30.0, "g/dL"},
        {"788-0", "RDW", 17.5, "%"},
        {"4544-3", "Hematocrit", 31.0, "%"},
        {"2276-4", "Ferritin", 6.0, "ng/mL"},
        {"2498-4", "Iron", 30.0, "ug/dL"},
        {"2500-7", "TIBC", 450.0, "ug/dL"},
        {"2502-3", "Transferrin saturation", 6.7, "%"},
        {"1988-5", "CRP", 2.0, "mg/L"}
    };

    @Autowired
    private ReevaluationScheduler scheduler;

    @Test
    void ingestThroughputWithReevaluationOffAndOn() throws Exception {
        boolean initially = scheduler.isEnabled();
        try {
            scheduler.setEnabled(false);
            ingestAll(WARM_UP);
            Run off = ingestAll(TRANSACTIONS);

            // Evaluations asked for by earlier tests may still be queued (they yield while ingest keeps the CPUs
            // busy): let them finish so that the count below holds only this run's.
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(scheduler::isIdle);
            scheduler.setEnabled(true);
            long evaluatedBefore = scheduler.completedCount();
            Run on = ingestAll(TRANSACTIONS);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(scheduler::isIdle);
            long allEvaluatedNanos = System.nanoTime() - on.startNanos();
            long evaluations = scheduler.completedCount() - evaluatedBefore;

            scheduler.setEnabled(false);
            Run offAgain = ingestAll(TRANSACTIONS);

            String report = String.format(
                    Locale.ROOT,
                    "Ingest of transactions (1 Patient + 12 Observations), %d parallel clients, %s database:%n"
                            + "  re-evaluation off: %d tx in %.2f s = %.1f tx/s (mean latency %.0f ms)%n"
                            + "  re-evaluation on : %d tx in %.2f s = %.1f tx/s (mean latency %.0f ms);"
                            + " %d evaluations, all stored %.2f s after the first post = %.1f patients/s end to end%n"
                            + "  re-evaluation off again: %d tx in %.2f s = %.1f tx/s (mean latency %.0f ms)%n",
                    CLIENTS,
                    onPostgres() ? "PostgreSQL" : "H2 in-memory",
                    off.count(),
                    off.seconds(),
                    off.perSecond(),
                    off.meanLatencyMillis(),
                    on.count(),
                    on.seconds(),
                    on.perSecond(),
                    on.meanLatencyMillis(),
                    evaluations,
                    allEvaluatedNanos / 1e9,
                    on.count() / (allEvaluatedNanos / 1e9),
                    offAgain.count(),
                    offAgain.seconds(),
                    offAgain.perSecond(),
                    offAgain.meanLatencyMillis());
            log.info("\n{}", report);
            Files.writeString(
                    Path.of("target", "ingest-throughput" + (onPostgres() ? "-postgres" : "") + ".txt"), report);

            // This context's scheduler evaluated every patient of the "on" run exactly once (no other context works
            // on this store), and each got exactly one current differential.
            assertThat(evaluations).isEqualTo(TRANSACTIONS);
            IGenericClient client = fhirClient();
            for (String patientId : on.patientIds()) {
                assertThat(currentDifferentials(client, patientId))
                        .as(patientId)
                        .hasSize(1);
            }
        } finally {
            scheduler.setEnabled(initially);
        }
    }

    private record Run(List<String> patientIds, long startNanos, long nanos, long latencyNanos) {
        int count() {
            return patientIds.size();
        }

        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return count() / seconds();
        }

        double meanLatencyMillis() {
            return latencyNanos / 1e6 / count();
        }
    }

    private Run ingestAll(int transactions) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Bundle> bundles = new ArrayList<>();
            for (int i = 0; i < transactions; i++) {
                bundles.add(transaction(Instant.now()));
            }
            long start = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (Bundle bundle : bundles) {
                futures.add(clients.submit(() -> {
                    long t0 = System.nanoTime();
                    String id = ingest(fhirClient(), bundle);
                    return new long[] {Long.parseLong(id), System.nanoTime() - t0};
                }));
            }
            List<String> ids = new ArrayList<>();
            long latency = 0;
            for (Future<long[]> future : futures) {
                long[] result = future.get();
                ids.add(String.valueOf(result[0]));
                latency += result[1];
            }
            return new Run(ids, start, System.nanoTime() - start, latency);
        } finally {
            clients.shutdown();
        }
    }

    private static Bundle transaction(Instant now) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.addIdentifier()
                .setSystem("urn:microcytic:throughput")
                .setValue(UUID.randomUUID().toString());
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(LocalDate.now().minusYears(34).toString()));
        bundle.addEntry()
                .setFullUrl(patientUrl)
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        Reference subject = new Reference(patientUrl);
        for (Object[] lab : PANEL) {
            bundle.addEntry()
                    .setFullUrl("urn:uuid:" + UUID.randomUUID())
                    .setResource(VignetteBundles.labObservation(
                            subject,
                            (String) lab[0],
                            (String) lab[1],
                            (Double) lab[2],
                            (String) lab[3],
                            now.minusSeconds(3600)))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Observation");
        }
        return bundle;
    }
}

package dev.microcytic.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microcytic.server.AbstractServerIT;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two replicas of the packaged server on one PostgreSQL database. Transactions of the same patient reach both at once;
 * then lab transactions are spread over both while one replica is killed with SIGKILL mid-load and started again.
 * Every acknowledged patient must be stored once, each with exactly one current differential, the shared patient's
 * resting on its newest result, and the outbox must drain. Runs only in the PostgreSQL pass, by name
 * ({@code .ci/run}).
 */
@EnabledIfSystemProperty(named = AbstractServerIT.IT_PROFILE_PROPERTY, matches = "postgres")
class ReplicaCrashIT {

    private static final int PATIENTS = 40;
    private static final int SAME_PATIENT_TRANSACTIONS = 6;
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private final String jdbcUrl =
            System.getProperty(AbstractServerIT.IT_JDBC_URL_PROPERTY, AbstractServerIT.DEFAULT_POSTGRES_URL);
    private final String run = "crash-pg-" + Long.toString(System.currentTimeMillis(), 36);

    @Test
    void twoReplicasKeepEveryAcknowledgedWriteAndOneCurrentDifferentialThroughACrash() throws Exception {
        List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl);
        // One after the other: the first start creates HAPI's schema in an empty database.
        try (ServerProcess a = new ServerProcess("pg-a", args).start();
                ServerProcess b = new ServerProcess("pg-b", args).start()) {
            String shared = run + "-shared";
            samePatientOnBothReplicasAtOnce(shared, a, b);

            List<String> patients =
                    IntStream.range(0, PATIENTS).mapToObj(i -> run + "-" + i).toList();
            AtomicBoolean killed = new AtomicBoolean();
            long started = System.nanoTime();
            Set<String> acknowledged =
                    LabLoad.sendAll(patients, i -> i % 2 == 0 ? a.fhirBase() : b.fhirBase(), 6, count -> {
                        if (count == PATIENTS / 3 && killed.compareAndSet(false, true)) {
                            killQuietly(a);
                        }
                        return null;
                    });
            double ingestSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(killed).isTrue();
            a.start();
            long restarted = System.nanoTime();

            long stored = acknowledged.stream()
                    .filter(id -> LabLoad.stored(a.fhirBase(), id))
                    .count();
            long interpreted = acknowledged.stream()
                    .filter(id -> LabLoad.currentDifferentials(b.fhirBase(), id) == 1)
                    .count();
            assertThat(stored).as("acknowledged patients stored").isEqualTo(acknowledged.size());

            await().atMost(RECOVERY)
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> outboxRows() == 0
                            && acknowledged.stream()
                                    .allMatch(id -> LabLoad.currentDifferentials(b.fhirBase(), id) == 1));
            double drained = (System.nanoTime() - restarted) / 1e9;
            Thread.sleep(3000);
            for (String id : acknowledged) {
                assertThat(LabLoad.currentDifferentials(a.fhirBase(), id))
                        .as("current differentials of %s", id)
                        .isEqualTo(1);
            }
            assertThat(LabLoad.currentDifferentials(a.fhirBase(), shared)).isEqualTo(1);
            assertThat(LabLoad.currentDerivesFrom(
                            a.fhirBase(), shared, shared + "-hb-" + (SAME_PATIENT_TRANSACTIONS - 1)))
                    .as("the current differential rests on the newest hemoglobin")
                    .isTrue();
            // Stored but not acknowledged (in flight at the kill) is allowed; two current differentials never are.
            for (String id : patients) {
                assertThat(LabLoad.currentDifferentials(b.fhirBase(), id)).isLessThanOrEqualTo(1);
            }
            System.out.printf(
                    "PostgreSQL replicas: %d of %d transactions acknowledged in %.1f s (one replica killed after"
                            + " %d), %d stored; %d with a differential at restart, all within %.1f s%n",
                    acknowledged.size(), PATIENTS, ingestSeconds, PATIENTS / 3, stored, interpreted, drained);
        }
    }

    /** A base panel, then new hemoglobins of the same patient sent to both replicas at the same moment. */
    private static void samePatientOnBothReplicasAtOnce(String patientId, ServerProcess a, ServerProcess b)
            throws Exception {
        assertThat(LabLoad.send(a.fhirBase(), LabLoad.transaction(patientId))).isTrue();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(SAME_PATIENT_TRANSACTIONS);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < SAME_PATIENT_TRANSACTIONS; i++) {
                String target = i % 2 == 0 ? a.fhirBase() : b.fhirBase();
                String transaction = LabLoad.hemoglobin(
                        patientId, patientId + "-hb-" + i, "2026-11-%02dT08:00:00Z".formatted(i + 1), 9.0 + i / 10.0);
                answers.add(senders.submit(() -> {
                    go.await();
                    return LabLoad.send(target, transaction);
                }));
            }
            go.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static void killQuietly(ServerProcess server) {
        try {
            server.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Outbox rows of this run's patients (the table is shared with the other tests of the database). */
    private int outboxRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM mcds_reevaluation_outbox WHERE patient_id LIKE ?")) {
            count.setString(1, run + "%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}

package dev.microcytic.server.interpretation;

import static dev.microcytic.server.interpretation.InterpretationItSupport.currentDifferentials;
import static dev.microcytic.server.interpretation.InterpretationItSupport.differentials;
import static dev.microcytic.server.interpretation.InterpretationItSupport.guidanceResponses;
import static dev.microcytic.server.interpretation.InterpretationItSupport.ingest;
import static dev.microcytic.server.interpretation.InterpretationItSupport.openProposals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dev.microcytic.server.AbstractServerIT;
import dev.microcytic.server.fhir.H2ResourceIdLookupInspector;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;

/** Re-evaluation on ingest: once per transaction, asynchronous, exactly one current differential per patient. */
class ReevaluationOnIngestIT extends AbstractServerIT {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

    @Autowired
    private ReevaluationScheduler scheduler;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private JpaTransactionManager transactionManager;

    @Autowired
    private DataSource dataSource;

    /**
     * The outbox row is written through Spring's JDBC support inside HAPI's transaction: it commits or rolls back with
     * the ingest only because the JPA transaction manager exposes its connection for this data source. Once the
     * patient is evaluated, its rows are gone.
     */
    @Test
    void theOutboxRowCommitsWithTheIngestAndGoesOnceEvaluated() {
        assertThat(transactionManager.getDataSource()).isSameAs(dataSource);
        IGenericClient client = fhirClient();

        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V15"), Instant.now()));

        await().atMost(WITHIN_SECONDS)
                .until(() -> !differentials(client, patientId).isEmpty());
        await().atMost(WITHIN_SECONDS).until(() -> outboxRows(patientId) == 0);
        assertThat(differentials(client, patientId)).hasSize(1);
    }

    private int outboxRows(String patientId) {
        Integer rows = new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COUNT(*) FROM " + JdbcReevaluationOutbox.TABLE + " WHERE patient_id = ?",
                        Integer.class,
                        patientId);
        return rows == null ? -1 : rows;
    }

    @Test
    void transactionGivesOneDifferentialFoundBySearchWithinSeconds() {
        IGenericClient client = fhirClient();

        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V15"), Instant.now()));

        await().atMost(WITHIN_SECONDS)
                .until(() -> !differentials(client, patientId).isEmpty());
        InterpretationItSupport.Expected expected = InterpretationItSupport.expected(client, patientId);
        Observation current = differentials(client, patientId).get(0);
        assertThat(current.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(current.getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo(expected.firstCardTopic());
        // One transaction of a Patient and its labs -> one evaluation, and the service's own writes trigger none.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(scheduler::isIdle);
        assertThat(guidanceResponses(client, patientId)).hasSize(1);
        assertThat(differentials(client, patientId)).hasSize(1);
    }

    /**
     * On H2, storing an interpretation resolves its references (the patient, each lab) with one batched look-up that
     * {@link H2ResourceIdLookupInspector} turns into an index look-up; this fails if HAPI stops sending that shape.
     */
    @Test
    void storingAnInterpretationOnH2ResolvesItsReferencesThroughTheIndexedLookup() {
        assumeThat(onPostgres()).as("the inspector is registered for H2 only").isFalse();
        H2ResourceIdLookupInspector inspector = (H2ResourceIdLookupInspector) entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getSessionFactoryOptions()
                .getStatementInspector();
        long before = inspector.rewrites();
        IGenericClient client = fhirClient();

        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V15"), Instant.now()));

        await().atMost(WITHIN_SECONDS)
                .until(() -> !differentials(client, patientId).isEmpty());
        assertThat(differentials(client, patientId).get(0).getDerivedFrom()).hasSizeGreaterThan(1);
        assertThat(inspector.rewrites()).isGreaterThan(before);
    }

    @Test
    void newerResultsSupersedeAndANormalCbcRetiresTheInterpretation() {
        IGenericClient client = fhirClient();
        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V15"), Instant.now()));
        await().atMost(WITHIN_SECONDS)
                .until(() -> currentDifferentials(client, patientId).size() == 1);
        String first =
                currentDifferentials(client, patientId).get(0).getIdElement().getIdPart();
        assertThat(openProposals(client, patientId)).isNotEmpty();

        // A new, still microcytic CBC: a new current differential, the first one amended. No lab is dated in the
        // future: the engine ignores values after the evaluation day, so a future time fails this test at midnight.
        ingest(client, labs(patientId, Instant.now().minus(1, ChronoUnit.MINUTES), 10.1, 70));
        await().atMost(WITHIN_SECONDS)
                .until(() -> differentials(client, patientId).size() == 2);
        await().atMost(WITHIN_SECONDS).until(scheduler::isIdle);
        List<Observation> all = differentials(client, patientId);
        assertThat(all.get(0).getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(all.get(0).getIdElement().getIdPart()).isNotEqualTo(first);
        assertThat(all.get(1).getIdElement().getIdPart()).isEqualTo(first);
        assertThat(all.get(1).getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(currentDifferentials(client, patientId)).hasSize(1);

        // A normal CBC (newest values win): nothing microcytic any more -> no current interpretation, no open
        // proposals.
        ingest(client, labs(patientId, Instant.now(), 14.5, 90));
        await().atMost(WITHIN_SECONDS)
                .until(() -> guidanceResponses(client, patientId).size() == 3);
        await().atMost(WITHIN_SECONDS).until(scheduler::isIdle);
        assertThat(currentDifferentials(client, patientId)).isEmpty();
        assertThat(differentials(client, patientId))
                .extracting(Observation::getStatus)
                .containsOnly(Observation.ObservationStatus.AMENDED);
        assertThat(openProposals(client, patientId)).isEmpty();
        assertThat(guidanceResponses(client, patientId))
                .filteredOn(g -> !g.hasResult())
                .singleElement()
                .satisfies(g -> assertThat(g.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS));
    }

    @Test
    void relevantConditionTriggersAndIrrelevantObservationDoesNot() {
        IGenericClient client = fhirClient();
        String patientId = ingest(client, VignetteBundles.transaction(VignetteBundles.byId("V14"), Instant.now()));
        await().atMost(WITHIN_SECONDS)
                .until(() -> guidanceResponses(client, patientId).size() == 1);
        await().atMost(WITHIN_SECONDS).until(scheduler::isIdle);

        // Blood pressure is not read by the engine: no evaluation.
        Observation bloodPressure = VignetteBundles.labObservation(
                new Reference("Patient/" + patientId),
                "8480-6",
                "Systolic blood pressure",
                120,
                "mm[Hg]",
                Instant.now());
        client.create().resource(bloodPressure).execute();
        // Crohn's disease sets the inflammation flag: one evaluation.
        Condition crohn = new Condition();
        crohn.setSubject(new Reference("Patient/" + patientId));
        crohn.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "K50.90", null)));
        client.create().resource(crohn).execute();

        await().atMost(WITHIN_SECONDS)
                .until(() -> guidanceResponses(client, patientId).size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(scheduler::isIdle);
        assertThat(guidanceResponses(client, patientId)).hasSize(2);
    }

    @Test
    void manyPatientsIngestedInParallelGetExactlyOneCurrentDifferentialEach() throws Exception {
        int patients = 20;
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<String> ids = new ArrayList<>();
        List<VignetteBundles.Vignette> microcytic;
        try {
            List<Future<String>> futures = new ArrayList<>();
            microcytic = List.of(
                    VignetteBundles.byId("V15"),
                    VignetteBundles.byId("V13"),
                    VignetteBundles.byId("V38"),
                    VignetteBundles.byId("V01"));
            for (int i = 0; i < patients; i++) {
                VignetteBundles.Vignette vignette = microcytic.get(i % microcytic.size());
                futures.add(clients.submit(
                        () -> ingest(fhirClient(), VignetteBundles.transaction(vignette, Instant.now()))));
            }
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
            // A second transaction per patient, in parallel, while the first evaluations run.
            List<Future<String>> second = new ArrayList<>();
            for (String id : ids) {
                second.add(clients.submit(() -> ingest(fhirClient(), labs(id, Instant.now(), 9.8, 66))));
            }
            for (Future<String> future : second) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }

        IGenericClient client = fhirClient();
        await().atMost(Duration.ofSeconds(90)).until(scheduler::isIdle);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String description = "Patient/" + id + " ("
                    + microcytic.get(i % microcytic.size()).id() + ")";
            // The last evaluation saw the second (microcytic) CBC: exactly one current differential, the newest.
            assertThat(currentDifferentials(client, id)).as(description).hasSize(1);
            List<Observation> all = differentials(client, id);
            assertThat(all.get(0).getStatus()).as(description).isEqualTo(Observation.ObservationStatus.FINAL);
            // One or two evaluations (the second transaction may join the first one's debounce window), each stored
            // once: one GuidanceResponse per evaluation, one differential per evaluation that found something.
            List<GuidanceResponse> evaluations = guidanceResponses(client, id);
            assertThat(evaluations).as(description).hasSizeBetween(1, 2);
            assertThat(all).as(description).hasSize((int)
                    evaluations.stream().filter(GuidanceResponse::hasResult).count());
        }
    }

    /** A CBC transaction for an existing patient, one minute apart from anything earlier in the test. */
    private static Bundle labs(String patientId, Instant taken, double hemoglobin, double mcv) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Reference subject = new Reference("Patient/" + patientId);
        add(bundle, VignetteBundles.labObservation(subject, "718-7", "Hemoglobin", hemoglobin, "g/dL", taken));
        add(bundle, VignetteBundles.labObservation(subject, "787-2", "MCV", mcv, "fL", taken));
        return bundle;
    }

    private static void add(Bundle bundle, Observation observation) {
        bundle.addEntry()
                .setResource(observation)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
    }
}

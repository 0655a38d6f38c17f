package dev.microcytic.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.microcytic.server.fhir.IndexingUcumService;
import dev.microcytic.server.fhir.StorageSearchParamExtractor;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lab results in and out: a CBC plus iron studies posted as one transaction, searched back the way a FHIR client and
 * the CDS service do, and broken Observations refused without storing anything. Runs on H2 and (in the
 * {@code postgres} profile) on PostgreSQL.
 */
class LabIngestIT extends AbstractServerIT {

    private static final String LOINC = "http://loinc.org";
    private static final String MRN = "urn:microcytic:it:mrn";

    private IGenericClient client;

    @Autowired
    private IndexingUcumService indexingUcum;

    @Autowired
    private StorageSearchParamExtractor extractor;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void connect() {
        client = fhirClient();
    }

    @Test
    void storesCbcAndIronStudiesTransactionAndSearchesThemBack() {
        String mrn = UUID.randomUUID().toString();

        Bundle response = client.transaction().withBundle(labTransaction(mrn)).execute();

        assertThat(response.getEntry()).hasSize(13);
        assertThat(response.getEntry())
                .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
        String patientId = new IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();

        Bundle all = client.search()
                .forResource(Observation.class)
                .where(Observation.SUBJECT.hasId("Patient/" + patientId))
                .count(50)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(all.getTotal()).isEqualTo(12);

        // The query a FHIR client sends for the latest values of a few analytes.
        Bundle latest = client.search()
                .byUrl("Observation?subject=Patient/" + patientId
                        + "&code=http://loinc.org|718-7,http://loinc.org|787-2,http://loinc.org|2276-4&_sort=-date")
                .returnBundle(Bundle.class)
                .execute();
        // Ferritin was drawn two days after the CBC; Hb and MCV share one timestamp, so their order is open.
        assertThat(codes(latest)).containsExactlyInAnyOrder("2276-4", "718-7", "787-2");
        assertThat(codes(latest).get(0)).isEqualTo("2276-4");
        Observation ferritin = (Observation) latest.getEntryFirstRep().getResource();
        assertThat(ferritin.getValueQuantity().getValue()).isEqualByComparingTo("6");
        assertThat(ferritin.getValueQuantity().getCode()).isEqualTo("ng/mL");

        Bundle since = client.search()
                .byUrl("Observation?subject=Patient/" + patientId + "&date=ge2026-10-02&_sort=date")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(codes(since)).containsExactlyInAnyOrder("2276-4", "2498-4", "2500-7", "2502-3", "3034-6");

        Bundle byPatientIdentifier = client.search()
                .byUrl("Observation?patient.identifier=" + MRN + "|" + mrn + "&code=" + LOINC + "|787-2")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(codes(byPatientIdentifier)).containsExactly("787-2");
    }

    @Test
    void readmeWalkthroughIsRepeatableAndSearchable() {
        // The README's curl walkthrough posts this bundle: client-assigned ids, so posting it twice is harmless.
        client.transaction()
                .withBundle(readFixture(Bundle.class, "fhir/walkthrough-transaction.json"))
                .execute();
        Bundle again = client.transaction()
                .withBundle(readFixture(Bundle.class, "fhir/walkthrough-transaction.json"))
                .execute();
        assertThat(again.getEntry()).hasSize(13);
        assertThat(again.getEntry())
                .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));

        Bundle latest = search("Observation?subject=Patient/example-ida"
                + "&code=http://loinc.org|718-7,http://loinc.org|787-2,http://loinc.org|2276-4&_sort=-date");
        assertThat(codes(latest)).containsExactlyInAnyOrder("2276-4", "718-7", "787-2");
        assertThat(codes(latest).get(0)).isEqualTo("2276-4");
        // category=laboratory: the differential Observation that re-evaluation on ingest adds is not a lab result.
        assertThat(search("Observation?subject=Patient/example-ida&category=laboratory&date=ge2026-10-02")
                        .getTotal())
                .isEqualTo(5);
    }

    @Test
    void searchesQuantitiesAcrossUnits() {
        long fastBefore = indexingUcum.fastConversions();
        String patientId = storeLabs(UUID.randomUUID().toString());
        // Indexing took the per-unit factor path, not the UCUM library's arithmetic (IndexingUcumService).
        assertThat(indexingUcum.fastConversions()).isGreaterThan(fastBefore);

        // 9.8 g/dL is 98 g/L: normalized quantity search compares in UCUM canonical units.
        assertThat(codes(search("Observation?subject=Patient/" + patientId
                        + "&code=http://loinc.org|718-7&value-quantity=lt100|http://unitsofmeasure.org|g/L")))
                .containsExactly("718-7");
        assertThat(codes(search("Observation?subject=Patient/" + patientId
                        + "&code=http://loinc.org|718-7&value-quantity=lt95|http://unitsofmeasure.org|g/L")))
                .isEmpty();
    }

    @Test
    void compositeSearchesWorkWithoutStoredCompositeValues() {
        long skippedBefore = extractor.skippedCompositeExtractions();
        String patientId = storeLabs(UUID.randomUUID().toString());

        // Storing skipped the composite extraction (nothing reads it without Hibernate Search)...
        assertThat(extractor.skippedCompositeExtractions() - skippedBefore).isGreaterThanOrEqualTo(13);
        // ...and composite searches still find the lab result: HAPI joins the token and quantity index rows.
        String hb = "Observation?subject=Patient/" + patientId + "&code-value-quantity=http://loinc.org|718-7$";
        assertThat(codes(search(hb + "lt10"))).containsExactly("718-7");
        assertThat(codes(search(hb + "gt10"))).isEmpty();
        assertThat(codes(search(hb + "lt100|http://unitsofmeasure.org|g/L"))).containsExactly("718-7");
        assertThat(codes(search("Observation?subject=Patient/" + patientId
                        + "&combo-code-value-quantity=http://loinc.org|787-2$lt80")))
                .containsExactly("787-2");

        // Index rows are stored without the redundant name and type columns (index storage optimized): the quantity
        // rows of these labs exist and none of them carries SP_NAME.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_SPIDX_QUANTITY", Long.class))
                .isGreaterThanOrEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_SPIDX_QUANTITY WHERE SP_NAME IS NOT NULL", Long.class))
                .isZero();

        // A caller that asks for some parameters (the in-memory matcher) still gets composite values.
        Observation observation = hemoglobin(new Reference("Patient/in-memory"));
        assertThat(extractor.extractSearchParamComposites(observation, params -> params))
                .extracting(composite -> composite.getSearchParamName())
                .contains("code-value-quantity", "combo-code-value-quantity");
    }

    @Test
    void rejectsObservationWithoutCode() {
        Observation observation = hemoglobin(patientReference()).setCode(new CodeableConcept());

        assertRejected(observation, "Observation.code");
    }

    @Test
    void rejectsObservationWithoutSubject() {
        Observation observation = hemoglobin(null);

        assertRejected(observation, "Observation.subject");
    }

    @Test
    void rejectsNumericAnalyteSentAsStringOrBoolean() {
        assertRejected(hemoglobin(patientReference()).setValue(new StringType("9.8")), "Observation.value[x]");
        assertRejected(hemoglobin(patientReference()).setValue(new BooleanType(false)), "Observation.value[x]");
    }

    @Test
    void rejectsAQuantityTooLargeToIndexInsteadOfFailingWith500() {
        Observation observation = hemoglobin(patientReference());
        ((Quantity) observation.getValue()).setValue(new java.math.BigDecimal("1E+400"));

        assertRejected(observation, "Observation.valueQuantity.value");
    }

    @Test
    void rejectsInvalidUpdateAndKeepsTheStoredVersion() {
        Observation stored = hemoglobin(patientReference());
        IdType id = (IdType) client.create().resource(stored).execute().getId();

        Observation broken = hemoglobin(patientReference()).setValue(new StringType("low"));
        broken.setId(id.toUnqualifiedVersionless());

        assertThatThrownBy(() -> client.update().resource(broken).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(422));
        Observation current = client.read()
                .resource(Observation.class)
                .withId(id.toUnqualifiedVersionless())
                .execute();
        assertThat(current.getValue()).isInstanceOf(Quantity.class);
        assertThat(current.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void rejectsWholeTransactionHoldingOneBrokenObservation() {
        String mrn = UUID.randomUUID().toString();
        Bundle transaction = readFixture(Bundle.class, "fhir/transaction-with-string-mcv.json");
        ((Patient) transaction.getEntryFirstRep().getResource())
                .getIdentifierFirstRep()
                .setValue(mrn);

        assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    assertThat(outcomeText(e))
                            .contains("http://loinc.org|787-2")
                            .contains("valueString");
                });

        assertThat(search("Patient?identifier=" + MRN + "|" + mrn).getTotal()).isZero();
        assertThat(search("Observation?patient.identifier=" + MRN + "|" + mrn).getTotal())
                .isZero();
    }

    @Test
    void batchStoresValidEntriesAndReportsBrokenOnes() {
        String patientId = storeLabs(UUID.randomUUID().toString());
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry()
                .setResource(hemoglobin(new Reference("Patient/" + patientId)))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
        batch.addEntry()
                .setResource(hemoglobin(new Reference("Patient/" + patientId)).setValue(new StringType("n/a")))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");

        Bundle response = client.transaction().withBundle(batch).execute();

        assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("422");
        assertThat(search("Observation?subject=Patient/" + patientId + "&code=http://loinc.org|718-7")
                        .getTotal())
                .isEqualTo(2);
    }

    @Test
    void rejectsReferenceToUnknownPatientWithClientError() {
        Observation observation = hemoglobin(new Reference("Patient/" + UUID.randomUUID()));

        assertThatThrownBy(() -> client.create().resource(observation).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode())
                        .isBetween(400, 499));
    }

    private void assertRejected(Observation observation, String expression) {
        String marker = UUID.randomUUID().toString();
        observation.addIdentifier().setSystem("urn:microcytic:it:obs").setValue(marker);

        assertThatThrownBy(() -> client.create().resource(observation).execute())
                .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getExpression())
                            .extracting(StringType::getValue)
                            .contains(expression));
                });
        assertThat(search("Observation?identifier=urn:microcytic:it:obs|" + marker)
                        .getTotal())
                .isZero();
    }

    private String storeLabs(String mrn) {
        Bundle response = client.transaction().withBundle(labTransaction(mrn)).execute();
        return new IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();
    }

    private Reference patientReference() {
        MethodOutcome outcome = client.create()
                .resource(new Patient()
                        .addIdentifier(new org.hl7.fhir.r4.model.Identifier()
                                .setSystem(MRN)
                                .setValue(UUID.randomUUID().toString())))
                .execute();
        return new Reference(outcome.getId().toUnqualifiedVersionless().getValue());
    }

    private static Bundle labTransaction(String mrn) {
        Bundle transaction = readFixture(Bundle.class, "fhir/cbc-iron-transaction.json");
        ((Patient) transaction.getEntryFirstRep().getResource())
                .getIdentifierFirstRep()
                .setValue(mrn);
        return transaction;
    }

    private Bundle search(String url) {
        return client.search().byUrl(url).returnBundle(Bundle.class).execute();
    }

    private static List<String> codes(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> ((Observation) entry.getResource())
                        .getCode()
                        .getCodingFirstRep()
                        .getCode())
                .toList();
    }

    private static String outcomeText(BaseServerResponseException e) {
        return fhirContext().newJsonParser().encodeResourceToString(e.getOperationOutcome());
    }

    private static Observation hemoglobin(Reference subject) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding(LOINC, "718-7", "Hemoglobin [Mass/volume] in Blood")));
        observation.setSubject(subject);
        observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-10-05T08:00:00Z"));
        observation.setValue(new Quantity()
                .setValue(10.4)
                .setUnit("g/dL")
                .setSystem("http://unitsofmeasure.org")
                .setCode("g/dL"));
        return observation;
    }
}

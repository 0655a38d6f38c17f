package dev.microcytic.bench.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcytic.bench.growth.SyntheticPatient.LabResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Writes a synthetic patient as the FHIR transaction a laboratory interface sends: the Patient by PUT (its id is the
 * hospital's) and one Observation per result by POST, shaped like the benchmark fixtures and the README walkthrough
 * (category laboratory, LOINC code, UCUM quantity, reference range). The bundle's {@code urn:uuid} fullUrls are
 * derived from the patient id, so the same patient always gives the same bytes.
 */
public final class PatientTransactionWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.9999.2";
    private static final String[] FAMILY = {
        "Meyer",
        "Okafor",
        "Santos",
        "Novak",
        "Lindqvist",
        "Haddad",
        "Kowalski",
        "Moreau",
        "Rossi",
        "Nakamura",
        "Osei",
        "Brennan"
    };
    private static final String[] GIVEN_FEMALE = {"Iris", "Amara", "Lucia", "Hana", "Maren", "Leila", "Sofia", "Noor"};
    private static final String[] GIVEN_MALE = {"Jonas", "Kofi", "Mateo", "Tomas", "Emil", "Omar", "Luca", "Kenji"};

    public String transaction(SyntheticPatient patient) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode patientEntry = entries.addObject();
        patientEntry.set("resource", patientResource(patient));
        patientEntry.putObject("request").put("method", "PUT").put("url", "Patient/" + patient.id());
        int n = 0;
        for (LabResult lab : patient.labs()) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", "urn:uuid:" + entryUuid(patient.index(), n++));
            entry.set("resource", observation(patient, lab));
            entry.putObject("request").put("method", "POST").put("url", "Observation");
        }
        try {
            return JSON.writeValueAsString(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode patientResource(SyntheticPatient patient) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("resourceType", "Patient");
        resource.put("id", patient.id());
        resource.putArray("identifier").addObject().put("system", MRN_SYSTEM).put("value", "MRN-" + patient.id());
        resource.put("active", true);
        int pick = (int) (patient.index() % 96);
        String[] given = patient.female() ? GIVEN_FEMALE : GIVEN_MALE;
        ObjectNode name = resource.putArray("name").addObject();
        name.put("family", FAMILY[pick % FAMILY.length]);
        name.putArray("given").add(given[pick / FAMILY.length % given.length]);
        resource.put("gender", patient.female() ? "female" : "male");
        resource.put("birthDate", patient.birthDate().toString());
        return resource;
    }

    private static ObjectNode observation(SyntheticPatient patient, LabResult lab) {
        LabAnalyte analyte = lab.analyte();
        ObjectNode resource = JSON.createObjectNode();
        resource.put("resourceType", "Observation");
        resource.put("status", "final");
        resource.putArray("category")
                .addObject()
                .putArray("coding")
                .addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
                .put("code", "laboratory");
        ObjectNode code = resource.putObject("code");
        code.putArray("coding")
                .addObject()
                .put("system", LabAnalyte.LOINC)
                .put("code", analyte.loinc())
                .put("display", analyte.display());
        code.put("text", analyte.text());
        resource.putObject("subject").put("reference", "Patient/" + patient.id());
        resource.put("effectiveDateTime", lab.effective().toString());
        resource.set("valueQuantity", quantity(lab.value(), analyte.ucum()));
        ObjectNode range = resource.putArray("referenceRange").addObject();
        range.set("low", quantity(analyte.low(patient.female()), analyte.ucum()));
        range.set("high", quantity(analyte.high(patient.female()), analyte.ucum()));
        return resource;
    }

    private static ObjectNode quantity(double value, String ucum) {
        ObjectNode quantity = JSON.createObjectNode();
        quantity.put("value", value);
        quantity.put("unit", ucum);
        quantity.put("system", UCUM);
        quantity.put("code", ucum);
        return quantity;
    }

    /** A version-4-shaped UUID unique per patient and entry; no randomness needed for a bundle-local reference. */
    private static UUID entryUuid(long patientIndex, int entry) {
        return new UUID(0x0000_0000_0000_4000L | (patientIndex << 16), 0x8000_0000_0000_0000L | entry);
    }
}

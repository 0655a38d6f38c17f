package dev.microcytic.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The benchmark's one clinical case: a 34-year-old woman with iron-deficiency anemia (Hb 9.8 g/dL, MCV 72 fL, ferritin
 * 6 ng/mL, TSAT 6 %, CRP normal) and her 12 lab Observations, from {@code fixtures/ida-*.json}. Results are dated
 * yesterday so the case stays inside every analyte's validity window whenever the benchmark runs. Bodies are built once
 * with Jackson; only placeholders are substituted per request.
 */
public final class CaseFixtures {

    /** Replaced by the patient id in every template. */
    public static final String PATIENT_ID = "{{PID}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode patient;
    private final List<JsonNode> labs;

    private CaseFixtures(JsonNode patient, List<JsonNode> labs) {
        this.patient = patient;
        this.labs = labs;
    }

    /** Loads the bundled case with results dated the day before {@code now}. */
    public static CaseFixtures load(Instant now) {
        Instant cbc = now.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(8 * 60 + 15, ChronoUnit.MINUTES);
        Instant chemistry = cbc.plus(5, ChronoUnit.MINUTES);
        String labsText = resource("fixtures/ida-labs.json")
                .replace("{{CBC_TIME}}", cbc.toString())
                .replace("{{CHEM_TIME}}", chemistry.toString());
        try {
            JsonNode patient = JSON.readTree(resource("fixtures/ida-patient.json"));
            List<JsonNode> labs = new ArrayList<>();
            JSON.readTree(labsText).forEach(labs::add);
            return new CaseFixtures(patient, List.copyOf(labs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int labCount() {
        return labs.size();
    }

    /**
     * A patient-view request whose prefetch holds every key in {@code prefetchKeys}: the patient, the 12 labs, and an
     * empty searchset for any other key (conditions, medications, procedures), so the service has all it asked for.
     * The {@code hookInstance} is left as {@code {{HOOK}}} for the caller to vary.
     */
    public String patientViewWithPrefetch(String patientId, String fhirServer, Collection<String> prefetchKeys) {
        ObjectNode request = hookRequest(fhirServer);
        ObjectNode prefetch = request.putObject("prefetch");
        for (String key : prefetchKeys) {
            switch (key) {
                case "patient" -> prefetch.set(key, patient.deepCopy());
                case "labs" -> prefetch.set(key, labsSearchset(fhirServer));
                default -> prefetch.set(key, emptySearchset());
            }
        }
        return withPatient(request, patientId);
    }

    /** The same request without prefetch: the service must read the data from {@code fhirServer}. */
    public String patientViewWithoutPrefetch(String patientId, String fhirServer) {
        return withPatient(hookRequest(fhirServer), patientId);
    }

    /**
     * A transaction that stores the case: the Patient by PUT (so its id is known) and the Observations by POST (new
     * resources each time, as a lab system pushes results) or by PUT (idempotent preloading).
     */
    public String transaction(String patientId, boolean putObservations) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode patientEntry = entries.addObject();
        patientEntry.set("resource", patient.deepCopy());
        patientEntry.putObject("request").put("method", "PUT").put("url", "Patient/" + PATIENT_ID);
        int n = 0;
        for (JsonNode lab : labs) {
            ObjectNode resource = lab.deepCopy();
            ObjectNode entry = entries.addObject();
            if (putObservations) {
                entry.set("resource", resource);
                entry.putObject("request")
                        .put("method", "PUT")
                        .put("url", "Observation/" + resource.get("id").asText());
            } else {
                resource.remove("id");
                entry.put("fullUrl", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", ++n));
                entry.set("resource", resource);
                entry.putObject("request").put("method", "POST").put("url", "Observation");
            }
        }
        return write(bundle);
    }

    private ObjectNode hookRequest(String fhirServer) {
        ObjectNode request = JSON.createObjectNode();
        request.put("hookInstance", "{{HOOK}}");
        request.put("hook", "patient-view");
        if (fhirServer != null) {
            request.put("fhirServer", fhirServer);
        }
        request.putObject("context")
                .put("userId", "Practitioner/bench-clinician")
                .put("patientId", PATIENT_ID);
        return request;
    }

    private ObjectNode labsSearchset(String fhirServer) {
        ObjectNode bundle = emptySearchset();
        bundle.put("total", labs.size());
        ArrayNode entries = bundle.putArray("entry");
        String base = fhirServer == null ? "http://127.0.0.1/fhir" : fhirServer;
        for (JsonNode lab : labs) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", base + "/Observation/" + lab.get("id").asText());
            entry.set("resource", lab.deepCopy());
            entry.putObject("search").put("mode", "match");
        }
        return bundle;
    }

    private static ObjectNode emptySearchset() {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", 0);
        return bundle;
    }

    private static String withPatient(ObjectNode request, String patientId) {
        return write(request).replace(PATIENT_ID, patientId);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = CaseFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bench resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

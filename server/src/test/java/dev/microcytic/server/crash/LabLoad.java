package dev.microcytic.server.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lab transactions as an interface engine sends them, over plain HTTP, and the searches that check what was kept. */
final class LabLoad {

    static final String DIFFERENTIAL = "https://fhir.microcytic.dev/CodeSystem/microcytic-cds|differential";
    static final int LABS_PER_TRANSACTION = 12;

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TEMPLATE = readTemplate();

    private LabLoad() {}

    /** A Patient and its CBC and iron studies (client-assigned ids, so the patient is stored once or not at all). */
    static String transaction(String patientId) {
        return TEMPLATE.replace("example-ida", patientId);
    }

    /** One more hemoglobin of the patient, taken on {@code date}. */
    static String hemoglobin(String patientId, String observationId, String date, double gramsPerDeciliter) {
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"Observation/%2$s",
                "resource":{"resourceType":"Observation","id":"%2$s","status":"final",
                "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",
                "code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
                "subject":{"reference":"Patient/%1$s"},"effectiveDateTime":"%3$s",
                "valueQuantity":{"value":%4$s,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"}},
                "request":{"method":"PUT","url":"Observation/%2$s"}}]}"""
                .formatted(patientId, observationId, date, gramsPerDeciliter);
    }

    /** POSTs a transaction; true only for a 200 answer (an acknowledged write). */
    static boolean send(String fhirBase, String transaction) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(transaction))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends one transaction per patient from {@code threads} senders; patient {@code i} goes to {@code target(i)}.
     *
     * @param afterAcknowledged called with the running count of acknowledged transactions
     * @return the patients whose transaction was answered 200
     */
    static Set<String> sendAll(
            List<String> patients, IntFunction<String> target, int threads, IntFunction<Void> afterAcknowledged)
            throws InterruptedException {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < patients.size(); i++) {
            int index = i;
            senders.submit(() -> {
                String patientId = patients.get(index);
                if (send(target.apply(index), transaction(patientId))) {
                    acknowledged.add(patientId);
                    afterAcknowledged.apply(acknowledged.size());
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
            senders.shutdownNow();
        }
        return acknowledged;
    }

    /** The patient and all its lab Observations are there. */
    static boolean stored(String fhirBase, String patientId) {
        return count(fhirBase, "Patient?_id=" + patientId) == 1
                && count(fhirBase, "Observation?category=laboratory&subject=Patient/" + patientId)
                        >= LABS_PER_TRANSACTION;
    }

    /** The patient's differentials with status {@code final} (exactly one is the rule). */
    static int currentDifferentials(String fhirBase, String patientId) {
        return count(fhirBase, "Observation?status=final&code=" + DIFFERENTIAL + "&subject=Patient/" + patientId);
    }

    /** The patient's current differential derives from this Observation. */
    static boolean currentDerivesFrom(String fhirBase, String patientId, String observationId) {
        return count(
                        fhirBase,
                        "Observation?status=final&code=" + DIFFERENTIAL + "&subject=Patient/" + patientId
                                + "&derived-from=Observation/" + observationId)
                == 1;
    }

    /** {@code _summary=count} of a search, e.g. {@code Observation?subject=Patient/x}; -1 when it fails. */
    static int count(String fhirBase, String search) {
        int query = search.indexOf('?');
        StringBuilder url =
                new StringBuilder(fhirBase).append('/').append(search, 0, query).append("?_summary=count");
        for (String parameter : search.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            url.append('&')
                    .append(parameter, 0, equals + 1)
                    .append(URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher total = TOTAL.matcher(response.body());
            return response.statusCode() == 200 && total.find() ? Integer.parseInt(total.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String readTemplate() {
        try (InputStream in = LabLoad.class.getResourceAsStream("/fhir/walkthrough-transaction.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

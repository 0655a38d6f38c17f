package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.AbstractServerIT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of broken and hostile CDS Hooks requests, each properly authenticated so that it reaches the parser:
 * every one must get a 4xx (or a 200 when the mutation happens to stay valid), never a 5xx, and the server must stay
 * healthy and keep answering valid calls.
 */
class CdsHooksFuzzIT extends AbstractServerIT {

    private static final String PATIENT = "fz";

    private static String valid() {
        return CdsHooksHttpIT.request(PATIENT, CdsHooksHttpIT.ironDeficiencyPrefetch(PATIENT));
    }

    private static String withPrefetch(String prefetch) {
        return CdsHooksHttpIT.request(PATIENT, prefetch);
    }

    private static String labsWith(String observation) {
        return "{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"fz\"},\"labs\":{\"resourceType\":\"Bundle\","
                + "\"type\":\"searchset\",\"entry\":[{\"resource\":" + observation + "}]}}";
    }

    private static String quantity(String value, String unit) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/fz\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]},"
                + "\"effectiveDateTime\":\"2026-11-01\",\"valueQuantity\":{\"value\":" + value
                + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}}";
    }

    /** Hand-written hostile cases, each named. */
    static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("empty", "");
        cases.put("whitespace", "   \n ");
        cases.put("null", "null");
        cases.put("number", "42");
        cases.put("string", "\"patient-view\"");
        cases.put("array", "[" + valid() + "]");
        cases.put("truncated", valid().substring(0, valid().length() / 2));
        cases.put("trailing garbage", valid() + "}}");
        cases.put("two documents", valid() + valid());
        cases.put("single quotes", valid().replace('"', '\''));
        cases.put("comments", "/* x */" + valid());
        cases.put(
                "duplicate keys",
                "{\"hook\":\"patient-view\",\"hook\":\"order-sign\",\"context\":{\"patientId\":\"fz\"}}");
        cases.put("hook number", valid().replace("\"hook\":\"patient-view\"", "\"hook\":7"));
        cases.put("hook object", valid().replace("\"hook\":\"patient-view\"", "\"hook\":{\"a\":1}"));
        cases.put("hook null", valid().replace("\"hook\":\"patient-view\"", "\"hook\":null"));
        cases.put("hook empty", valid().replace("\"hook\":\"patient-view\"", "\"hook\":\"\""));
        cases.put("hookInstance number", valid().replaceFirst("\"hookInstance\":\"[^\"]*\"", "\"hookInstance\":1"));
        cases.put("context array", valid().replaceFirst("\"context\":\\{[^}]*}", "\"context\":[1,2]"));
        cases.put("context string", valid().replaceFirst("\"context\":\\{[^}]*}", "\"context\":\"fz\""));
        cases.put("patientId number", valid().replace("\"patientId\":\"fz\"", "\"patientId\":123"));
        cases.put("patientId object", valid().replace("\"patientId\":\"fz\"", "\"patientId\":{\"id\":\"fz\"}"));
        cases.put("patientId empty", valid().replace("\"patientId\":\"fz\"", "\"patientId\":\"\""));
        cases.put("patientId injection", valid().replace("\"patientId\":\"fz\"", "\"patientId\":\"fz&_include=*\""));
        cases.put("patientId traversal", valid().replace("\"patientId\":\"fz\"", "\"patientId\":\"../../metadata\""));
        cases.put(
                "patientId huge",
                valid().replace("\"patientId\":\"fz\"", "\"patientId\":\"" + "a".repeat(100_000) + "\""));
        cases.put("userId number", valid().replace("\"userId\":\"Practitioner/it\"", "\"userId\":5"));
        cases.put("prefetch array", withPrefetch("[1,2,3]"));
        cases.put("prefetch string", withPrefetch("\"Patient/fz\""));
        cases.put("prefetch value number", withPrefetch("{\"patient\":1,\"labs\":2}"));
        cases.put("prefetch value array", withPrefetch("{\"patient\":[],\"labs\":[]}"));
        cases.put("prefetch no resourceType", withPrefetch("{\"patient\":{\"id\":\"fz\"},\"labs\":{}}"));
        cases.put("prefetch resourceType number", withPrefetch("{\"patient\":{\"resourceType\":5}}"));
        cases.put("prefetch unknown resourceType", withPrefetch("{\"patient\":{\"resourceType\":\"Spaceship\"}}"));
        cases.put("patient is Observation", withPrefetch("{\"patient\":" + quantity("10", "g/dL") + ",\"labs\":null}"));
        cases.put(
                "labs is Patient",
                withPrefetch("{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"fz\"},"
                        + "\"labs\":{\"resourceType\":\"Patient\",\"id\":\"fz\"}}"));
        cases.put(
                "labs bundle of patients",
                withPrefetch(
                        "{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"fz\"},"
                                + "\"labs\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}}]}}"));
        cases.put(
                "labs entry not object",
                withPrefetch("{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"fz\"},"
                        + "\"labs\":{\"resourceType\":\"Bundle\",\"entry\":[1,\"x\",null]}}"));
        cases.put(
                "patient of other id",
                withPrefetch("{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"other\"},"
                        + "\"labs\":{\"resourceType\":\"Bundle\"}}"));
        cases.put(
                "bundle entry wrong types",
                withPrefetch("{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"fz\"},"
                        + "\"labs\":{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":1}}}"));
        cases.put("huge number", withPrefetch(labsWith(quantity("1e308", "g/dL"))));
        cases.put("overflowing number", withPrefetch(labsWith(quantity("1e999999", "g/dL"))));
        cases.put("negative huge", withPrefetch(labsWith(quantity("-1e308", "g/dL"))));
        cases.put("long integer", withPrefetch(labsWith(quantity("1" + "0".repeat(60), "g/dL"))));
        cases.put("very long number", withPrefetch(labsWith(quantity("1" + "0".repeat(5000), "g/dL"))));
        cases.put("tiny number", withPrefetch(labsWith(quantity("1e-320", "g/dL"))));
        cases.put("value string", withPrefetch(labsWith(quantity("\"ten\"", "g/dL"))));
        cases.put("value NaN", withPrefetch(labsWith(quantity("NaN", "g/dL"))));
        cases.put("value boolean", withPrefetch(labsWith(quantity("true", "g/dL"))));
        cases.put("unknown unit", withPrefetch(labsWith(quantity("10", "furlongs/fortnight"))));
        cases.put("empty unit", withPrefetch(labsWith(quantity("10", ""))));
        cases.put("unicode unit", withPrefetch(labsWith(quantity("10", "\\u00b5g/\\u2603"))));
        cases.put("molar hb", withPrefetch(labsWith(quantity("6.2", "mmol/L"))));
        cases.put("bad status", withPrefetch(labsWith(quantity("10", "g/dL").replace("final", "bogus"))));
        cases.put("bad date", withPrefetch(labsWith(quantity("10", "g/dL").replace("2026-11-01", "yesterday"))));
        cases.put("future date", withPrefetch(labsWith(quantity("10", "g/dL").replace("2026-11-01", "9999-12-31"))));
        cases.put(
                "code not object",
                withPrefetch(labsWith(quantity("10", "g/dL").replaceFirst("\"code\":\\{[^}]*]}", "\"code\":5"))));
        cases.put("fhirServer number", valid().replace("\"hook\"", "\"fhirServer\":5,\"hook\""));
        cases.put(
                "fhirServer ftp",
                CdsHooksHttpIT.request(PATIENT, null).replace("\"hook\"", "\"fhirServer\":\"ftp://x/fhir\",\"hook\""));
        cases.put(
                "fhirServer not url",
                CdsHooksHttpIT.request(PATIENT, null).replace("\"hook\"", "\"fhirServer\":\"::::\",\"hook\""));
        cases.put(
                "fhirServer with user",
                CdsHooksHttpIT.request(PATIENT, null)
                        .replace("\"hook\"", "\"fhirServer\":\"https://u:p@x.example/fhir\",\"hook\""));
        cases.put(
                "fhirServer plain http remote",
                CdsHooksHttpIT.request(PATIENT, null)
                        .replace("\"hook\"", "\"fhirServer\":\"http://198.51.100.7/fhir\",\"hook\""));
        cases.put("fhirAuthorization string", valid().replace("\"hook\"", "\"fhirAuthorization\":\"token\",\"hook\""));
        cases.put(
                "fhirAuthorization no token",
                valid().replace("\"hook\"", "\"fhirAuthorization\":{\"token_type\":\"Bearer\"},\"hook\""));
        cases.put(
                "expires_in string",
                valid().replace(
                                "\"hook\"",
                                "\"fhirAuthorization\":{\"access_token\":\"a\",\"expires_in\":\"soon\"},\"hook\""));
        cases.put(
                "deep array in context",
                valid().replace("\"userId\"", "\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"userId\""));
        cases.put(
                "deep object in prefetch",
                withPrefetch("{\"patient\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}"));
        cases.put("deep nesting 70", withPrefetch("{\"x\":" + "[".repeat(70) + "]".repeat(70) + "}"));
        cases.put(
                "deep extension",
                withPrefetch("{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"fz\"," + "\"extension\":"
                        + "[{\"url\":\"u\",\"extension\":".repeat(30) + "[]" + "}]".repeat(30) + "}}"));
        cases.put("many prefetch keys", withPrefetch(manyKeys(200)));
        cases.put("invalid utf8", null);
        cases.put("control chars", valid().replace("Practitioner/it", "Practitioner/\\u0000\\u0007"));
        cases.put(
                "draftOrders on patient-view",
                valid().replace("\"userId\"", "\"draftOrders\":{\"resourceType\":\"Bundle\",\"entry\":5},\"userId\""));
        return cases;
    }

    private static String manyKeys(int n) {
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":null");
        }
        return keys.append('}').toString();
    }

    /** Seeded random byte flips, deletions and insertions of structural characters in a valid body. */
    static List<byte[]> mutations(int count) {
        Random random = new Random(20261121L);
        byte[] base = valid().getBytes(StandardCharsets.UTF_8);
        byte[] structural = "{}[]\",:0-e.\\n".getBytes(StandardCharsets.UTF_8);
        List<byte[]> mutations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = base.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(3)) {
                    case 0 -> body[at] = structural[random.nextInt(structural.length)];
                    case 1 -> body[at] = (byte) random.nextInt(256);
                    default -> {
                        byte[] shorter = new byte[body.length - 1];
                        System.arraycopy(body, 0, shorter, 0, at);
                        System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
                        body = shorter;
                    }
                }
            }
            mutations.add(body);
        }
        return mutations;
    }

    @Test
    void hostileRequestsGet4xxNeverServerErrorsAndTheServerStaysHealthy() {
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        List<String> failures = new ArrayList<>();
        int clientErrors = 0;
        int total = 0;
        for (Map.Entry<String, String> entry : cases().entrySet()) {
            byte[] body = entry.getValue() == null
                    ? new byte[] {'{', '"', 'h', 'o', 'o', 'k', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}
                    : entry.getValue().getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = ItCdsClient.post(url, body, ItCdsClient.bearer(url));
            total++;
            if (response.statusCode() >= 500) {
                failures.add(entry.getKey() + " -> " + response.statusCode());
            } else if (response.statusCode() >= 400) {
                clientErrors++;
            }
        }
        int index = 0;
        for (byte[] body : mutations(300)) {
            HttpResponse<String> response = ItCdsClient.post(url, body, ItCdsClient.bearer(url));
            total++;
            if (response.statusCode() >= 500) {
                failures.add("mutation " + index + " -> " + response.statusCode());
            } else if (response.statusCode() >= 400) {
                clientErrors++;
            }
            index++;
        }
        // The feedback endpoint gets the same treatment.
        String feedbackUrl = url + "/feedback";
        for (String body : cases().values()) {
            if (body == null) {
                continue;
            }
            HttpResponse<String> response = ItCdsClient.post(
                    feedbackUrl, body.getBytes(StandardCharsets.UTF_8), ItCdsClient.bearer(feedbackUrl));
            total++;
            if (response.statusCode() != 400) {
                failures.add("feedback -> " + response.statusCode());
            } else {
                clientErrors++;
            }
        }

        assertThat(failures).as("requests answered with a server error").isEmpty();
        assertThat(total).isGreaterThan(400);
        assertThat(clientErrors).isGreaterThan(total / 2);
        HttpResponse<String> health =
                ItCdsClient.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .GET()
                        .build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(ItCdsClient.post(url, valid(), true).statusCode()).isEqualTo(200);
    }

    @Test
    void everyHandWrittenHostileCaseIsAClientError() {
        String url = baseUrl() + "/cds-services/microcytic-anemia";
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : cases().entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            statuses.put(
                    entry.getKey(),
                    ItCdsClient.post(url, entry.getValue().getBytes(StandardCharsets.UTF_8), ItCdsClient.bearer(url))
                            .statusCode());
        }
        // Cases the service can legitimately answer: bad values are left out of the panel, not refused.
        List<String> answerable = List.of(
                "huge number",
                "labs bundle of patients",
                "labs entry not object",
                "overflowing number",
                "negative huge",
                "long integer",
                "tiny number",
                "unknown unit",
                "empty unit",
                "unicode unit",
                "molar hb",
                "bad status",
                "future date",
                "deep extension",
                "control chars",
                "draftOrders on patient-view",
                "fhirServer plain http remote",
                "hookInstance number",
                "many prefetch keys",
                "patientId huge",
                "bad date",
                "code not object",
                "value NaN",
                "value boolean",
                "value string");
        statuses.forEach((name, status) -> {
            if (answerable.contains(name)) {
                assertThat(status).as(name).isIn(200, 400, 412, 413, 422);
            } else {
                assertThat(status).as(name).isBetween(400, 499);
            }
        });
    }
}

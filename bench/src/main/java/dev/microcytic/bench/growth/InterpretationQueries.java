package dev.microcytic.bench.growth;

import java.time.LocalDate;
import java.util.List;

/**
 * The searches the README documents (the walkthrough's lab reads and the "Interpretations as FHIR" section), as the
 * README writes them but for a sampled patient ({@code {PID}}) and dates around the run. {@code |} is sent
 * percent-encoded, as any HTTP client must.
 */
final class InterpretationQueries {

    private static final String DIFFERENTIAL = "https://fhir.microcytic.dev/CodeSystem/microcytic-cds|differential";
    private static final String CAUSE = "https://fhir.microcytic.dev/CodeSystem/microcytic-cause";

    /**
     * @param perPatient whether the query names one patient (timed on sampled patients) or the whole population
     */
    record Query(String name, String pathTemplate, boolean perPatient) {

        String path(String patientId) {
            return pathTemplate.replace("{PID}", patientId).replace("|", "%7C");
        }
    }

    private InterpretationQueries() {}

    /** Whether a timing's name is one of these queries (not the operation or the CDS Hooks fallback). */
    static boolean isQuery(String name) {
        return all(LocalDate.EPOCH, LocalDate.EPOCH).stream()
                .anyMatch(q -> q.name().equals(name));
    }

    /**
     * @param today the day the interpretations were made (the run's date): the GuidanceResponse period queries ask
     *     for the last 30 days up to tomorrow, the lab count for results of the last 30 days before {@code anchor}
     */
    static List<Query> all(LocalDate anchor, LocalDate today) {
        String since = anchor.minusDays(30).toString();
        String from = today.minusDays(30).toString();
        String to = today.plusDays(1).toString();
        String current = "/fhir/Observation?code=" + DIFFERENTIAL + "&status=final";
        return List.of(
                new Query(
                        "labs: latest Hb, MCV, ferritin of a patient",
                        "/fhir/Observation?subject=Patient/{PID}&code=http://loinc.org|718-7,http://loinc.org|787-2,"
                                + "http://loinc.org|2276-4&_sort=-date&_elements=code,value,effective",
                        true),
                new Query(
                        "labs: count of a patient's results since a date",
                        "/fhir/Observation?subject=Patient/{PID}&date=ge" + since + "&_summary=count",
                        true),
                new Query(
                        "labs: Hb below 100 g/L (UCUM canonical)",
                        "/fhir/Observation?subject=Patient/{PID}&code=http://loinc.org|718-7"
                                + "&value-quantity=lt100|http://unitsofmeasure.org|g/L&_summary=count",
                        true),
                new Query(
                        "current differential of a patient",
                        "/fhir/Observation?subject=Patient/{PID}&code=" + DIFFERENTIAL
                                + "&status=final&_sort=-date&_count=1",
                        true),
                new Query(
                        "differential history of a patient",
                        "/fhir/Observation?subject=Patient/{PID}&code=" + DIFFERENTIAL + "&_sort=-date",
                        true),
                new Query(
                        "leading cause iron deficiency, with Patients",
                        current + "&value-concept=" + CAUSE + "|iron-deficiency&_include=Observation:subject",
                        false),
                new Query(
                        "leading cause by SNOMED CT 87522002",
                        current + "&value-concept=http://snomed.info/sct|87522002&_elements=subject",
                        false),
                new Query(
                        "thalassemia trait anywhere in the differential",
                        current + "&component-code=" + CAUSE + "|thalassemia-trait&_elements=subject",
                        false),
                new Query(
                        "Patients via _has (leading cause iron deficiency)",
                        "/fhir/Patient?_has:Observation:subject:value-concept=" + CAUSE + "|iron-deficiency",
                        false),
                new Query(
                        "open next-test proposals of a patient",
                        "/fhir/ServiceRequest?subject=Patient/{PID}&status=draft&intent=proposal"
                                + "&instantiates-uri:below=https://fhir.microcytic.dev/knowledge/microcytic",
                        true),
                new Query(
                        "evaluations of a patient in a period",
                        "/fhir/GuidanceResponse?subject=Patient/{PID}&_lastUpdated=ge" + from + "&_lastUpdated=lt" + to
                                + "&_sort=-_lastUpdated",
                        true),
                new Query(
                        "evaluations of everyone in a period, count",
                        "/fhir/GuidanceResponse?_lastUpdated=ge" + from + "&_lastUpdated=lt" + to + "&_summary=count",
                        false));
    }
}

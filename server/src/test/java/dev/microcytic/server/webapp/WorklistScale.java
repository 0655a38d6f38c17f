package dev.microcytic.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Used by {@link WebAppBrowserIT} as its last test. Measures the worklist's FHIR reads at 1,000 patients with a
 * current interpretation: stores copies of a demo patient's interpretation (differential Observation and open
 * proposals) for new patients until 1,000 patients have one, then times the searches the worklist page sends for its
 * first page. The numbers go to target/worklist-timing.txt; they are not asserted (a timed
 * assertion fails on a busy machine, not on a slow product), only that the searches return all 1,000.
 */
final class WorklistScale {

    static final int PATIENTS = 1000;
    static final String DIFFERENTIAL = "https://fhir.microcytic.dev/CodeSystem/microcytic-cds|differential";
    static final String MODULE = "https://fhir.microcytic.dev/knowledge/microcytic";
    static final int PAGE = 50;
    /** The worklist page's searches (worklist.js). */
    static final String FIRST_PAGE = "Observation?code=" + encode(DIFFERENTIAL)
            + "&status=final&_include=Observation:subject&_sort=-date&_count=" + PAGE
            + "&_elements=subject,valueCodeableConcept,component,effective,interpretation";

    static final String COUNT = "Observation?code=" + encode(DIFFERENTIAL) + "&status=final&_summary=count";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String fhirBaseUrl;
    private final IGenericClient fhir;

    WorklistScale(String fhirBaseUrl, IGenericClient fhir) {
        this.fhirBaseUrl = fhirBaseUrl;
        this.fhir = fhir;
    }

    /** Fills the store up to 1,000 current interpretations, times the reads and answers the report. */
    String measure() throws Exception {
        int existing = differentials().size();
        Observation template = fhir.search()
                                .byUrl("Observation?subject=Patient/demo-lead&code=" + DIFFERENTIAL + "&status=final")
                                .returnBundle(Bundle.class)
                                .execute()
                                .getEntryFirstRep()
                                .getResource()
                        instanceof Observation o
                ? o
                : null;
        assertThat(template).isNotNull();
        List<ServiceRequest> proposals = fhir
                .search()
                .byUrl("ServiceRequest?subject=Patient/demo-lead&status=draft&intent=proposal")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry()
                .stream()
                .map(e -> (ServiceRequest) e.getResource())
                .toList();

        long storeStart = System.nanoTime();
        int toAdd = PATIENTS - existing;
        for (int from = 0; from < toAdd; from += 100) {
            Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            for (int i = from; i < Math.min(toAdd, from + 100); i++) {
                String id = "scale-" + i;
                Patient patient = new Patient();
                patient.setId(id);
                patient.addName().setFamily("Scale" + i).addGiven("Test");
                transaction
                        .addEntry()
                        .setResource(patient)
                        .getRequest()
                        .setMethod(Bundle.HTTPVerb.PUT)
                        .setUrl("Patient/" + id);
                Observation copy = template.copy();
                copy.setId((String) null);
                copy.setMeta(null);
                copy.setSubject(new Reference("Patient/" + id));
                transaction
                        .addEntry()
                        .setResource(copy)
                        .getRequest()
                        .setMethod(Bundle.HTTPVerb.POST)
                        .setUrl("Observation");
                for (ServiceRequest proposal : proposals) {
                    ServiceRequest p = proposal.copy();
                    p.setId((String) null);
                    p.setMeta(null);
                    p.setReasonReference(List.of());
                    p.setSubject(new Reference("Patient/" + id));
                    transaction
                            .addEntry()
                            .setResource(p)
                            .getRequest()
                            .setMethod(Bundle.HTTPVerb.POST)
                            .setUrl("ServiceRequest");
                }
            }
            fhir.transaction().withBundle(transaction).execute();
        }
        long storeMillis = (System.nanoTime() - storeStart) / 1_000_000;

        assertThat(differentials()).hasSizeGreaterThanOrEqualTo(PATIENTS);
        int[] sizes = firstPage(); // warm-up
        assertThat(sizes[0]).isEqualTo(PAGE);
        assertThat(sizes[1]).isGreaterThanOrEqualTo(PAGE * proposals.size() / 2);
        assertThat(sizes[2]).isGreaterThanOrEqualTo(PATIENTS);
        return String.format(
                Locale.ROOT,
                "Worklist at %d patients with a current interpretation, %d cores, median (min-max) of 5 rounds:%n"
                        + "  first page as the page reads it (%d differentials with Patients and the total count in"
                        + " parallel, then their %d open proposals): %s%n"
                        + "  (storing the %d copies took %d ms)%n",
                sizes[2],
                Runtime.getRuntime().availableProcessors(),
                sizes[0],
                sizes[1],
                timed(this::firstPage),
                toAdd,
                storeMillis);
    }

    private static String timed(Runnable reads) {
        long[] millis = new long[5];
        for (int round = 0; round < millis.length; round++) {
            long start = System.nanoTime();
            reads.run();
            millis[round] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis[2] + " ms (" + millis[0] + "-" + millis[4] + ")";
    }

    /**
     * The worklist's first page (worklist.js): the newest differentials with their Patients and the total count in
     * parallel, then the proposals of those patients; answers the rows, open proposals and total.
     */
    private int[] firstPage() {
        CompletableFuture<Bundle> page = CompletableFuture.supplyAsync(() -> read(FIRST_PAGE));
        CompletableFuture<Bundle> count = CompletableFuture.supplyAsync(() -> read(COUNT));
        List<String> subjects = page.join().getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(o -> ((Observation) o).getSubject().getReference())
                .toList();
        Bundle proposals = read("ServiceRequest?subject=" + encode(String.join(",", subjects))
                + "&_elements=subject,code,status,intent,instantiatesUri&_count=500");
        long open = proposals.getEntry().stream()
                .map(e -> (ServiceRequest) e.getResource())
                .filter(sr -> sr.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT)
                .count();
        return new int[] {subjects.size(), (int) open, count.join().getTotal()};
    }

    private List<String> differentials() {
        List<String> subjects = new ArrayList<>();
        Bundle page = fhir.search()
                .byUrl("Observation?code=" + DIFFERENTIAL + "&status=final&_elements=subject&_count=500")
                .returnBundle(Bundle.class)
                .execute();
        while (true) {
            page.getEntry()
                    .forEach(e -> subjects.add(
                            ((Observation) e.getResource()).getSubject().getReference()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return subjects;
            }
            page = fhir.loadPage().next(page).execute();
        }
    }

    /** One search over HTTP, as the browser sends it. */
    private Bundle read(String search) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(fhirBaseUrl + "/" + search))
                            .header("Accept", "application/fhir+json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return fhir.getFhirContext().newJsonParser().parseResource(Bundle.class, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

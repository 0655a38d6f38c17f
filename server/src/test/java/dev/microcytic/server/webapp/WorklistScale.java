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
 * Used by {@link WebAppBrowserIT} as its last test. Measures the worklist's FHIR reads at 1,000 patients with a current interpretation: stores copies of a demo
 * patient's interpretation (differential Observation and open proposals) for new patients until 1,000 patients have
 * one, then times the two searches the worklist page sends (differentials with their Patients; open proposals), all
 * pages, in parallel as the page does. The numbers go to target/worklist-timing.txt; they are not asserted (a timed
 * assertion fails on a busy machine, not on a slow product), only that the searches return all 1,000.
 */
final class WorklistScale {

    static final int PATIENTS = 1000;
    static final String DIFFERENTIAL = "https://fhir.microcytic.dev/CodeSystem/microcytic-cds|differential";
    static final String MODULE = "https://fhir.microcytic.dev/knowledge/microcytic";
    /** The worklist page's two searches (worklist.js). */
    static final String DIFFERENTIALS_SEARCH = "Observation?code=" + encode(DIFFERENTIAL)
            + "&status=final&_include=Observation:subject&_sort=-date&_count=500";

    static final String PROPOSALS_SEARCH = "ServiceRequest?status=draft&intent=proposal&instantiates-uri:below="
            + encode(MODULE) + "&_elements=subject,code&_count=500";

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
        int[] sizes = worklistReads(); // warm-up
        assertThat(sizes[0]).isGreaterThanOrEqualTo(PATIENTS);
        assertThat(sizes[1]).isGreaterThanOrEqualTo(toAdd * proposals.size());
        return String.format(
                Locale.ROOT,
                "Worklist FHIR reads at %d patients with a current interpretation (%d open proposals), %d cores,"
                        + " median (min-max) of 5 rounds:%n"
                        + "  differentials with their Patients (all pages): %s%n"
                        + "  open proposals (all pages): %s%n"
                        + "  both in parallel, as the page sends them: %s%n"
                        + "  (storing the %d copies took %d ms)%n",
                sizes[0],
                sizes[1],
                Runtime.getRuntime().availableProcessors(),
                timed(() -> allPages(DIFFERENTIALS_SEARCH, "Observation")),
                timed(() -> allPages(PROPOSALS_SEARCH, "ServiceRequest")),
                timed(this::worklistReads),
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

    /** The page's two searches, all pages, in parallel; answers the number of differentials and of proposals. */
    private int[] worklistReads() {
        CompletableFuture<Integer> differentials =
                CompletableFuture.supplyAsync(() -> allPages(DIFFERENTIALS_SEARCH, "Observation"));
        CompletableFuture<Integer> proposals =
                CompletableFuture.supplyAsync(() -> allPages(PROPOSALS_SEARCH, "ServiceRequest"));
        return new int[] {differentials.join(), proposals.join()};
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

    /** Reads every page of a search over HTTP, as the browser does, and counts the entries of the given type. */
    private int allPages(String search, String type) {
        String url = fhirBaseUrl + "/" + search;
        int count = 0;
        try {
            while (url != null) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "application/fhir+json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                Bundle bundle = fhir.getFhirContext().newJsonParser().parseResource(Bundle.class, response.body());
                count += (int) bundle.getEntry().stream()
                        .filter(e -> e.getResource().fhirType().equals(type))
                        .count();
                url = bundle.getLink(Bundle.LINK_NEXT) == null
                        ? null
                        : bundle.getLink(Bundle.LINK_NEXT).getUrl();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return count;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.microcytic.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.server.demo.DemoDataLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web app in a real browser against the whole server with the demo data: the worklist lists the demo patients,
 * a patient's page shows the differential in the cards' order and charts with drawn points, the card's link opens
 * that page, and no page logs a console error. Screenshots go to target/screenshots. Skipped where Debian's
 * chromium and chromium-driver are not installed ({@code .ci/run} installs them).
 *
 * <p>The last test fills the store to 1,000 patients with a current interpretation and measures the worklist
 * ({@link WorklistScale}); it runs without a browser too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserIT extends AbstractWebAppIT {

    static final List<String> DEMO_PATIENTS = List.of(
            "demo-iron-deficiency",
            "demo-inflammation",
            "demo-beta-thalassemia",
            "demo-alpha-thalassemia",
            "demo-lead",
            "demo-workup");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        if (Browser.available()) {
            browser = Browser.start();
        }
    }

    @BeforeEach
    void needsBrowser(TestInfo test) {
        if (!test.getTags().contains("no-browser")) {
            assumeTrue(browser != null, "chromium and chromium-driver are not installed");
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Autowired
    private DemoDataLoader demoData;

    @Test
    @Order(0)
    @Tag("no-browser")
    void demoPatientsAreLoadedOnceWithTheirLeadingCauses() {
        Map<String, String> leading = new LinkedHashMap<>();
        for (String id : DEMO_PATIENTS) {
            Bundle current = fhirClient()
                    .search()
                    .byUrl("Observation?subject=Patient/" + id + "&code=" + WorklistScale.DIFFERENTIAL
                            + "&status=final")
                    .returnBundle(Bundle.class)
                    .execute();
            assertThat(current.getEntry()).as(id).hasSize(1);
            Observation differential = (Observation) current.getEntryFirstRep().getResource();
            leading.put(
                    id,
                    differential.getValueCodeableConcept().getCodingFirstRep().getCode());
        }
        assertThat(leading)
                .containsExactly(
                        entry("demo-iron-deficiency", "iron-deficiency"),
                        entry("demo-inflammation", "anemia-of-inflammation"),
                        entry("demo-beta-thalassemia", "beta-thalassemia-trait"),
                        entry("demo-alpha-thalassemia", "alpha-thalassemia-trait"),
                        entry("demo-lead", "lead-poisoning"),
                        entry("demo-workup", "iron-studies-needed"));
        // Idempotent: a second load (as at the next start) finds every demo patient and stores nothing.
        assertThat(demoData.load()).isEmpty();
    }

    @Test
    @Order(0)
    @Tag("no-browser")
    void appRoutesServeThePagesAndRefuseWhatIsNotAnId() throws Exception {
        assertThat(get("/app/").statusCode()).isEqualTo(200);
        assertThat(get("/app/").body()).contains("<title>Worklist");
        assertThat(get("/app/patients/demo-lead").body()).contains("<title>Patient");
        assertThat(get("/app/patients/" + "x".repeat(65)).statusCode()).isEqualTo(404);
        assertThat(get("/app/config.json").body()).contains("\"clientId\":\"microcytic-app\"");
        assertThat(get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void worklistListsTheDemoPatientsWithCauseLikelihoodAndOpenTests() {
        browser.driver.get(baseUrl() + "/app/");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("worklist-table")));

        assertThat(patientRows()).containsAll(DEMO_PATIENTS);
        WebElement lead = row("demo-lead");
        assertThat(lead.getText()).contains("Noah Bakker", "Lead poisoning", "likely");
        assertThat(row("demo-workup").getText()).contains("Iron studies needed");

        // Filter by cause (a new search), then sort by name with the keyboard-operable column button.
        browser.script("const s = document.getElementById('cause-filter'); s.value = 'lead-poisoning';"
                + " s.dispatchEvent(new Event('input'));");
        browser.await().until(driver -> patientRows().equals(List.of("demo-lead")));
        assertThat(browser.driver.findElement(By.id("count")).getText()).contains("1 of 1 patients loaded");
        browser.script("const s = document.getElementById('cause-filter'); s.value = '';"
                + " s.dispatchEvent(new Event('input'));");
        browser.await().until(driver -> patientRows().size() >= DEMO_PATIENTS.size());
        browser.driver.findElement(By.cssSelector("th[data-key=name] button")).click();
        assertThat(browser.driver
                        .findElement(By.cssSelector("th[data-key=name]"))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");

        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("worklist", 1280);
    }

    @Test
    @Order(2)
    void patientPageShowsTheDifferentialInCardOrderAndChartsWithPoints() throws Exception {
        List<String> cardTopics = cardTopics("demo-lead");
        assertThat(cardTopics).hasSizeGreaterThanOrEqualTo(2).startsWith("lead-poisoning");

        browser.driver.get(baseUrl() + "/app/patients/demo-lead");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("differential-list")));
        List<String> pageOrder = browser.driver.findElements(By.cssSelector("#differential-list > li")).stream()
                .map(item -> item.getAttribute("data-cause"))
                .toList();
        assertThat(pageOrder.subList(0, cardTopics.size())).containsExactlyElementsOf(cardTopics);
        assertThat(browser.driver.findElement(By.id("differential-list")).getText())
                .contains("Lead poisoning", "For");
        assertThat(browser.driver.findElements(By.cssSelector("#test-list li"))).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();

        // The patient with serial results: every haemoglobin result is a drawn point, events are marked.
        browser.driver.get(baseUrl() + "/app/patients/demo-iron-deficiency");
        browser.await().until(driver -> drawnPoints("chart-hb") >= 5);
        assertThat(drawnPoints("chart-mcv")).isEqualTo(5);
        assertThat(drawnPoints("chart-ferritin")).isEqualTo(4);
        assertThat(drawnPoints("chart-tsat")).isEqualTo(4);
        assertThat(((Number) browser.script("return Object.keys(Chart.getChart('chart-hb')"
                                + ".options.plugins.annotation.annotations).length"))
                        .intValue())
                .as("reference interval, iron start and transfusion")
                .isEqualTo(3);
        assertThat(browser.driver.findElement(By.id("chart-hb")).getAttribute("aria-label"))
                .contains("Haemoglobin: 5 results", "reference interval 13 to 17 g/dL");
        assertThat(browser.driver.findElement(By.id("differential-list")).getText())
                .contains("Iron deficiency anemia", "Ferritin");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("patient", 1440);
        browser.screenshot("patient-tablet", 1024);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
    }

    @Test
    @Order(3)
    void theCardsLinkOpensThePatientsPage() throws Exception {
        JsonNode cards = callService("demo-inflammation").path("cards");
        assertThat(cards).isNotEmpty();
        List<String> urls = new ArrayList<>();
        for (JsonNode card : cards) {
            for (JsonNode link : card.path("links")) {
                if (link.path("url").asText().contains("/app/patients/")) {
                    assertThat(link.path("type").asText()).isEqualTo("absolute");
                    urls.add(link.path("url").asText());
                }
            }
        }
        assertThat(urls).hasSize(cards.size()).containsOnly(baseUrl() + "/app/patients/demo-inflammation");

        browser.driver.get(urls.get(0));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient"), "Robert Okafor"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("differential-list")));
        assertThat(browser.driver.findElement(By.id("differential-list")).getText())
                .contains("Anemia of inflammation");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void anUnknownPatientIsSaidSoWithoutAConsoleError() {
        browser.driver.get(baseUrl() + "/app/patients/no-such-patient");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient"), "No patient"));
        assertThat(browser.driver
                        .findElement(By.cssSelector("#patient [role=alert]"))
                        .getText())
                .contains("no-such-patient");
        // The 404 of the read is a network error in Chromium's console; nothing else may be.
        assertThat(browser.consoleErrors()).allMatch(message -> message.contains("404"));
    }

    @Test
    @Order(5)
    void standaloneSmartLaunchAgainstTheOpenServerReachesTheWorklist() {
        browser.driver.get(baseUrl() + "/app/launch.html");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("worklist-table")));

        assertThat(browser.driver.getCurrentUrl()).startsWith(baseUrl() + "/app/index.html");
        assertThat(browser.script("return sessionStorage.getItem('SMART_KEY')")).isNotNull();
        assertThat(browser.driver.findElements(By.cssSelector("#worklist-table tbody tr")))
                .hasSizeGreaterThanOrEqualTo(6);
        // Without an authorization server the SMART client reads the open /fhir without a token; the only errors
        // allowed are the 404s of its look-ups of a SMART configuration this server does not publish.
        assertThat(browser.consoleErrors()).allMatch(message -> message.contains("404"));
        browser.script("sessionStorage.clear()");
    }

    @Test
    @Order(100)
    @Tag("no-browser")
    void worklistAtOneThousandPatients() throws Exception {
        String report = new WorklistScale(fhirBaseUrl(), fhirClient()).measure();
        if (browser != null) {
            // The whole page in the browser: navigation until the table is in the DOM, twice (the first warms up).
            long millis = 0;
            for (int round = 0; round < 2; round++) {
                browser.driver.get("about:blank");
                long start = System.nanoTime();
                browser.driver.get(baseUrl() + "/app/");
                browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("worklist-table")));
                millis = (System.nanoTime() - start) / 1_000_000;
            }
            assertThat(patientRows()).hasSize(WorklistScale.PAGE);
            assertThat(browser.driver.findElement(By.id("count")).getText())
                    .contains("50 of " + WorklistScale.PATIENTS + " patients loaded");
            assertThat(browser.consoleErrors()).isEmpty();
            report += "  worklist page in Chromium until its table is rendered: " + millis + " ms\n";
        }
        Files.writeString(Path.of("target", "worklist-timing.txt"), report);
        System.out.print(report);
    }

    /** The rows' patient ids, read in one script: the table may be redrawn between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private List<String> patientRows() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'#worklist-table tbody tr'), row => row.dataset.patient)");
    }

    private WebElement row(String patientId) {
        return browser.driver.findElement(By.cssSelector("#worklist-table tr[data-patient='" + patientId + "']"));
    }

    private long drawnPoints(String canvasId) {
        Object count = browser.script(
                "const c = Chart.getChart(arguments[0]); if (!c) return 0;"
                        + " return c.getDatasetMeta(0).data.filter(p => Number.isFinite(p.x) && Number.isFinite(p.y)"
                        + " && p.x >= c.chartArea.left && p.x <= c.chartArea.right).length;",
                canvasId);
        return ((Number) count).longValue();
    }

    private List<String> cardTopics(String patientId) throws IOException, InterruptedException {
        List<String> topics = new ArrayList<>();
        callService(patientId)
                .path("cards")
                .forEach(card -> topics.add(
                        card.path("source").path("topic").path("code").asText()));
        return topics;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode callService(String patientId) throws IOException, InterruptedException {
        String body = JSON.createObjectNode()
                .put("hook", "patient-view")
                .put("hookInstance", UUID.randomUUID().toString())
                .put("fhirServer", fhirBaseUrl())
                .set(
                        "context",
                        JSON.createObjectNode().put("userId", "Practitioner/1").put("patientId", patientId))
                .toString();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/cds-services/microcytic-anemia"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

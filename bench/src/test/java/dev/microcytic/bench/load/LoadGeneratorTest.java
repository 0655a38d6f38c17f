package dev.microcytic.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile int status = 200;
    private volatile long delayMillis = 0;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"cards\":[]}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RequestSource source() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
        return n -> HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    @Test
    void fixedRateSendsOnSchedule() throws Exception {
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            LoadResult result = load.fixedRate("t", source(), s -> s == 200, 100, Duration.ofSeconds(1));

            assertThat(result.completed()).isEqualTo(100);
            assertThat(result.errors()).isZero();
            assertThat(result.statusCounts()).containsEntry(200, 100L);
            assertThat(result.mode()).isEqualTo("fixed 100/s");
            assertThat(hits.get()).isEqualTo(100);
        }
    }

    @Test
    void fixedRateChargesAStallToEveryRequestThatShouldHaveBeenSent() throws Exception {
        delayMillis = 200;
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            LoadResult result = load.fixedRate("t", source(), s -> s == 200, 50, Duration.ofMillis(400));

            assertThat(result.completed()).isEqualTo(20);
            assertThat(result.percentileMillis(50)).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void closedLoopCountsUnexpectedStatusesAsErrors() throws Exception {
        status = 500;
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            LoadResult result = load.closedLoop("t", source(), s -> s == 200, 2, Duration.ofMillis(300));

            assertThat(result.completed()).isPositive();
            assertThat(result.errors()).isEqualTo(result.completed());
            assertThat(result.errorSamples()).first().isEqualTo("HTTP 500");
            assertThat(result.mode()).isEqualTo("closed 2 clients");
        }
    }

    @Test
    void closedLoopThroughputFollowsServiceTime() throws Exception {
        delayMillis = 20;
        try (LoadGenerator load = new LoadGenerator(Duration.ofSeconds(5))) {
            LoadResult result = load.closedLoop("t", source(), s -> s == 200, 2, Duration.ofSeconds(1));

            assertThat(result.errors()).isZero();
            // 2 clients x ~1 s / >= 20 ms each: at most ~100 requests (fewer on a busy machine)
            assertThat(result.completed()).isBetween(10L, 105L);
            assertThat(result.percentileMillis(50)).isGreaterThanOrEqualTo(20);
        }
    }
}

package dev.microcytic.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives HTTP load with the JDK client (HTTP/1.1, keep-alive). Two models:
 *
 * <ul>
 *   <li>{@link #fixedRate open model}: requests are sent on a fixed schedule regardless of how fast answers come, and
 *       each latency is measured from the request's <em>intended</em> send time, so a server stall counts against
 *       every request that should have been sent during it (Gil Tene's coordinated-omission correction);
 *   <li>{@link #closedLoop closed model}: K clients each send, wait for the answer, send again; this finds the
 *       saturation throughput.
 * </ul>
 */
public final class LoadGenerator implements AutoCloseable {

    /** Caps requests in flight in the open model so a dead server cannot exhaust client threads or sockets. */
    private static final int MAX_OUTSTANDING = 512;

    private final HttpClient client;
    private final ExecutorService executor;
    private final Duration timeout;

    public LoadGenerator(Duration timeout) {
        this.timeout = timeout;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Warms this client (class loading, JIT of the send path) against a throw-away HTTP server inside this JVM, so
     * that the first call measured against a real server carries no client-side start-up cost and the real server
     * sees no extra request.
     */
    public void warmUp(int requests, String body) throws IOException, InterruptedException {
        com.sun.net.httpserver.HttpServer local = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        local.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"cards\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        local.start();
        try {
            java.net.URI uri =
                    java.net.URI.create("http://127.0.0.1:" + local.getAddress().getPort() + "/warm");
            for (int i = 0; i < requests; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                client.send(request, HttpResponse.BodyHandlers.ofString());
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                        .join();
            }
        } finally {
            local.stop(0);
        }
    }

    /** One synchronous call; for sanity checks and first-call timing. */
    public HttpResponse<String> call(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Open model: {@code rate} requests per second for {@code duration}; see the class comment. */
    public LoadResult fixedRate(
            String name, RequestSource source, IntPredicate expectedStatus, double rate, Duration duration)
            throws InterruptedException {
        Tally tally = new Tally();
        long periodNanos = (long) (1_000_000_000L / rate);
        long durationNanos = duration.toNanos();
        Semaphore inFlight = new Semaphore(MAX_OUTSTANDING);
        AtomicLong lastCompletion = new AtomicLong();
        long start = System.nanoTime() + 5_000_000L;
        for (long i = 0; ; i++) {
            long intended = start + i * periodNanos;
            if (intended - start >= durationNanos) {
                break;
            }
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            inFlight.acquire();
            HttpRequest request = source.request(i);
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((response, failure) -> {
                        long end = System.nanoTime();
                        tally.record(
                                intended, end, response == null ? -1 : response.statusCode(), failure, expectedStatus);
                        lastCompletion.accumulateAndGet(end, Math::max);
                        inFlight.release();
                    });
        }
        if (!inFlight.tryAcquire(MAX_OUTSTANDING, timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            tally.note("requests still in flight after the run");
        } else {
            inFlight.release(MAX_OUTSTANDING);
        }
        double seconds = (Math.max(lastCompletion.get(), start + durationNanos) - start) / 1e9;
        return tally.result(name, String.format(java.util.Locale.ROOT, "fixed %.0f/s", rate), seconds);
    }

    /** Closed model: {@code clients} threads, each sending its next request when the previous one answered. */
    public LoadResult closedLoop(
            String name, RequestSource source, IntPredicate expectedStatus, int clients, Duration duration)
            throws InterruptedException {
        Tally tally = new Tally();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong lastCompletion = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < deadline) {
                            HttpRequest request = source.request(sequence.getAndIncrement());
                            long sent = System.nanoTime();
                            int status = -1;
                            Throwable failure = null;
                            try {
                                status = client.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                        .statusCode();
                            } catch (IOException e) {
                                failure = e;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            long end = System.nanoTime();
                            tally.record(sent, end, status, failure, expectedStatus);
                            lastCompletion.accumulateAndGet(end, Math::max);
                        }
                    },
                    "bench-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(duration.toMillis() + timeout.toMillis() + 5_000);
        }
        double seconds = (lastCompletion.get() - start) / 1e9;
        return tally.result(name, "closed " + clients + " client" + (clients == 1 ? "" : "s"), seconds);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Thread-safe accumulation of one run's outcomes. */
    private static final class Tally {
        private final Histogram latency = new ConcurrentHistogram(3);
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

        void record(long startNanos, long endNanos, int status, Throwable failure, IntPredicate expectedStatus) {
            latency.recordValue(Math.max(1, (endNanos - startNanos) / 1_000));
            completed.incrementAndGet();
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (failure != null || !expectedStatus.test(status)) {
                errors.incrementAndGet();
                note(failure != null ? failure.toString() : "HTTP " + status);
            }
        }

        void note(String message) {
            synchronized (errorSamples) {
                if (errorSamples.size() < 3) {
                    errorSamples.add(message);
                }
            }
        }

        LoadResult result(String name, String mode, double seconds) {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, count) -> counts.put(status, count.get()));
            return new LoadResult(
                    name,
                    mode,
                    completed.get(),
                    errors.get(),
                    seconds,
                    latency.copy(),
                    counts,
                    List.copyOf(errorSamples));
        }
    }
}

package dev.microcytic.bench.suite;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/** Peak RSS and heap of a server while a load phase runs. */
final class MemorySampler {

    private final ServerProcess server;
    private final AtomicLong maxRssKb = new AtomicLong(-1);
    private final AtomicLong maxHeapBytes = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private MemorySampler(ServerProcess server, Duration period) {
        this.server = server;
        this.thread = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(period.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-memory-" + server.name());
        thread.setDaemon(true);
    }

    static MemorySampler start(ServerProcess server, Duration period) {
        MemorySampler sampler = new MemorySampler(server, period);
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        maxRssKb.accumulateAndGet(server.rssKb(), Math::max);
        OptionalLong heap = server.heapUsedBytes();
        heap.ifPresent(h -> maxHeapBytes.accumulateAndGet(h, Math::max));
        samples.incrementAndGet();
    }

    /** Stops sampling (after one last sample) and returns the peaks. */
    MemoryPeak stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        sample();
        return new MemoryPeak(maxRssKb.get(), maxHeapBytes.get(), samples.get());
    }

    /** Peaks in kB (RSS) and bytes (heap); -1 when never readable. */
    record MemoryPeak(long rssKb, long heapBytes, long samples) {

        double rssMb() {
            return rssKb < 0 ? Double.NaN : rssKb / 1024.0;
        }

        double heapMb() {
            return heapBytes < 0 ? Double.NaN : heapBytes / (1024.0 * 1024.0);
        }

        MemoryPeak max(MemoryPeak other) {
            return new MemoryPeak(
                    Math.max(rssKb, other.rssKb), Math.max(heapBytes, other.heapBytes), samples + other.samples);
        }
    }
}

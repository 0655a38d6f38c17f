package dev.microcytic.bench.growth;

import dev.microcytic.bench.load.LoadGenerator;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * Times one kind of request with one sequential client on an otherwise idle server: a few untimed calls (so the
 * server's JIT has compiled that path), then {@code samples} timed ones, each from send to the whole answer read.
 */
final class LatencyProbe {

    private final LoadGenerator http;
    private final int warmup;

    LatencyProbe(LoadGenerator http, int warmup) {
        this.http = http;
        this.warmup = warmup;
    }

    /** {@code request} builds the n-th request (n from 0; the warm-up calls use the first ones too). */
    Timing measure(String name, int samples, LongFunction<HttpRequest> request, IntPredicate ok)
            throws InterruptedException {
        Histogram latency = new Histogram(3);
        long errors = 0;
        String firstError = "";
        for (int i = 0; i < warmup + samples; i++) {
            HttpRequest call = request.apply(i);
            long t0 = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<String> response = http.call(call);
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = -1;
                body = e.toString();
            }
            long micros = Math.max(1, (System.nanoTime() - t0) / 1_000);
            if (i < warmup) {
                continue;
            }
            latency.recordValue(micros);
            if (!ok.test(status)) {
                errors++;
                if (firstError.isEmpty()) {
                    firstError = "HTTP " + status + " " + GrowthLoader.abbreviate(body);
                }
            }
        }
        return new Timing(name, latency, errors, firstError);
    }
}

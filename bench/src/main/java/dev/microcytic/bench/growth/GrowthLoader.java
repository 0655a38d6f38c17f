package dev.microcytic.bench.growth;

import dev.microcytic.bench.load.LoadGenerator;
import dev.microcytic.bench.scenario.Scenarios;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Loads the synthetic patients in order with several concurrent clients (closed loop: each sends its next transaction
 * when the previous one answered). Patients are claimed one at a time, so the patients stored up to a limit are always
 * the same prefix of the sequence, however the clients interleave; each transaction is built just before it is sent.
 */
final class GrowthLoader {

    /** A transaction answered 503 (the store's connection pool was exhausted; nothing stored) is sent again. */
    private static final int ATTEMPTS = 5;

    private final LoadGenerator http;
    private final URI fhirBase;
    private final Scenarios scenarios;
    private final SyntheticPatients patients;
    private final PatientTransactionWriter writer = new PatientTransactionWriter();
    private final int clients;
    private long nextPatient;
    private long claimedObservations;

    GrowthLoader(LoadGenerator http, Scenarios scenarios, SyntheticPatients patients, int clients) {
        this.http = http;
        this.scenarios = scenarios;
        this.fhirBase = URI.create(scenarios.fhirBase());
        this.patients = patients;
        this.clients = clients;
    }

    /** Patients claimed so far (all stored once {@link #loadUntil} returned). */
    synchronized long patients() {
        return nextPatient;
    }

    synchronized long observations() {
        return claimedObservations;
    }

    private synchronized SyntheticPatient claim(long limit) {
        if (claimedObservations >= limit) {
            return null;
        }
        SyntheticPatient patient = patients.patient(nextPatient++);
        claimedObservations += patient.observationCount();
        return patient;
    }

    /** Loads patients until at least {@code limit} lab Observations are stored. */
    IngestStretch loadUntil(long limit) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(3);
        AtomicLong observations = new AtomicLong();
        AtomicLong transactions = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(
                    () -> {
                        SyntheticPatient patient;
                        while ((patient = claim(limit)) != null) {
                            String body = writer.transaction(patient);
                            long sent = System.nanoTime();
                            String failure = send(body, retries);
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                            transactions.incrementAndGet();
                            if (failure == null) {
                                observations.addAndGet(patient.observationCount());
                            } else {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 3) {
                                    errorSamples.add(failure);
                                }
                            }
                            if (Thread.currentThread().isInterrupted()) {
                                return;
                            }
                        }
                    },
                    "growth-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new IngestStretch(
                observations.get(),
                transactions.get(),
                seconds,
                latency.copy(),
                errors.get(),
                retries.get(),
                List.copyOf(errorSamples));
    }

    /** Sends one transaction; null when stored, else a description of the failure. */
    private String send(String body, AtomicLong retries) {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.call(scenarios.post(fhirBase, Scenarios.CONTENT_FHIR, body));
                if (response.statusCode() == 200) {
                    return null;
                }
                failure = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
                if (response.statusCode() != 503) {
                    return failure;
                }
                retries.incrementAndGet();
                Thread.sleep(1_000L * attempt);
            } catch (IOException e) {
                return e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return failure;
    }

    static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}

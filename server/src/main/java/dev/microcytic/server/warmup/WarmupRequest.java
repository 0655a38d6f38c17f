package dev.microcytic.server.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The bundled synthetic patient-view request ({@code warmup/patient-view.json}: iron-deficiency panel, 12 labs, all
 * prefetch keys present) with its results dated the day before {@code now}, so the engine always sees current values
 * and takes its full path (a stale panel would stop at "no recent CBC").
 */
final class WarmupRequest {

    static final String SERVICE_ID = "microcytic-anemia";
    static final String PATIENT_ID = "microcytic-warmup";

    private WarmupRequest() {}

    /** The request with complete prefetch: no I/O when answered. */
    static byte[] withPrefetch(Instant now) {
        Instant cbc = now.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(8 * 60 + 15, ChronoUnit.MINUTES);
        String text = template()
                .replace("{{CBC_TIME}}", cbc.toString())
                .replace("{{CHEM_TIME}}", cbc.plus(5, ChronoUnit.MINUTES).toString());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String template() {
        try (InputStream in = WarmupRequest.class.getResourceAsStream("/warmup/patient-view.json")) {
            if (in == null) {
                throw new IllegalStateException("warmup/patient-view.json is missing from the server jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.microcytic.server.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code microcytic.*}. Each feature adds its own nested record here; standard Spring and HAPI
 * settings stay under their own prefixes ({@code server.*}, {@code spring.datasource.*}).
 *
 * @param cors which browser origins may call {@code /fhir/**} and {@code /cds-services/**}
 * @param fhir the FHIR server's own settings
 * @param reevaluation re-evaluation of a patient's differential when its data is stored
 */
@ConfigurationProperties("microcytic")
public record MicrocyticProperties(
        @DefaultValue Cors cors, @DefaultValue Fhir fhir, @DefaultValue Reevaluation reevaluation) {

    /**
     * @param allowedOrigins origin patterns (Spring {@code allowedOriginPatterns} syntax) for {@code /fhir/**} and
     *     {@code /cds-services/**}; {@code *} allows any origin, which SMART apps and CDS Hooks sandboxes running in a
     *     browser need, and is honoured only on a path where every request must carry a bearer token
     * @param fhirAllowedOrigins origins for {@code /fhir/**} only, instead of {@code allowedOrigins}
     * @param cdsAllowedOrigins origins for {@code /cds-services/**} only, instead of {@code allowedOrigins}
     */
    public record Cors(
            @DefaultValue("*") List<String> allowedOrigins,
            List<String> fhirAllowedOrigins,
            List<String> cdsAllowedOrigins) {}

    /**
     * @param defaultPageSize search page size when the client does not send {@code _count}
     * @param maxPageSize upper bound for {@code _count}
     */
    public record Fhir(@DefaultValue("20") int defaultPageSize, @DefaultValue("500") int maxPageSize) {}

    /**
     * @param enabled re-evaluate a patient after lab Observations, Conditions or medications of the patient are
     *     stored (off: only {@code $microcytic-differential} evaluates)
     * @param delay how long to wait for more data of the same patient before evaluating (debounce)
     * @param threads evaluation threads (off the request threads)
     * @param busyShare share of CPU each evaluation thread uses while FHIR writes keep the cores saturated (after an
     *     evaluation it pauses (1 / share - 1) times the evaluation's CPU time, at most 10 s, so ingest keeps the
     *     cores; 1 = never pause). 1 %: at 5 % the two threads took 4.5 % of the server's CPU during a saturating
     *     ingest (measured per thread, 2026-12-07) and finished only a tenth of the backlog before the load ended,
     *     so the differentials were hardly earlier while ingest ran 5-7 % slower
     */
    public record Reevaluation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("250ms") Duration delay,
            @DefaultValue("2") int threads,
            @DefaultValue("0.01") double busyShare) {}
}

package dev.microcytic.server.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code microcytic.*}. Each feature adds its own nested record here; standard Spring and HAPI
 * settings stay under their own prefixes ({@code server.*}, {@code spring.datasource.*}).
 *
 * @param cors which browser origins may call {@code /fhir/**} and {@code /cds-services/**}
 * @param fhir the FHIR server's own settings
 */
@ConfigurationProperties("microcytic")
public record MicrocyticProperties(@DefaultValue Cors cors, @DefaultValue Fhir fhir) {

    /**
     * @param allowedOrigins origin patterns (Spring {@code allowedOriginPatterns} syntax); {@code *} allows any
     *     origin, which is what SMART/CDS Hooks sandboxes running in a browser need
     */
    public record Cors(@DefaultValue("*") List<String> allowedOrigins) {}

    /**
     * @param defaultPageSize search page size when the client does not send {@code _count}
     * @param maxPageSize upper bound for {@code _count}
     */
    public record Fhir(@DefaultValue("20") int defaultPageSize, @DefaultValue("500") int maxPageSize) {}
}

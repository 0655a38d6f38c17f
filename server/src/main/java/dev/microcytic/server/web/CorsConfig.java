package dev.microcytic.server.web;

import dev.microcytic.server.cdshooks.CdsHooksProperties;
import dev.microcytic.server.config.MicrocyticProperties;
import dev.microcytic.server.security.FhirAuthProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * CORS for browser clients (SMART apps, CDS Hooks sandboxes) on {@code /fhir/**} and {@code /cds-services/**}, each
 * with its own origin list ({@code microcytic.cors.*}).
 *
 * <p>{@code *} is honoured only where every request must carry a bearer token (which a hostile page cannot obtain,
 * and which browsers never attach by themselves): on {@code /fhir} with {@code microcytic.fhir.auth.required}, on
 * {@code /cds-services} with {@code microcytic.cds.auth.required}. On an open path it is dropped with a WARN, and
 * only the explicitly listed origins remain, so that no web page a clinician visits can read or change patient data
 * through the clinician's browser. Credentials (cookies) are never allowed.
 *
 * <p>A servlet filter rather than Spring MVC CORS mappings, because {@code /fhir} is HAPI's own servlet, which MVC
 * never sees. It runs first, so preflight requests (which carry no credentials) are answered before any
 * authentication filter.
 */
@Configuration(proxyBeanMethods = false)
public class CorsConfig {

    private static final Logger log = LoggerFactory.getLogger(CorsConfig.class);

    @Bean
    public FilterRegistrationBean<CorsFilter> corsFilter(
            MicrocyticProperties properties, FhirAuthProperties fhirAuth, CdsHooksProperties cds) {
        MicrocyticProperties.Cors settings = properties.cors();
        CorsConfiguration fhir = policy(
                "/fhir",
                settings.fhirAllowedOrigins() != null ? settings.fhirAllowedOrigins() : settings.allowedOrigins(),
                fhirAuth.required());
        CorsConfiguration cdsServices = policy(
                "/cds-services",
                settings.cdsAllowedOrigins() != null ? settings.cdsAllowedOrigins() : settings.allowedOrigins(),
                cds.auth().required());
        // Match on the full path: by default the lookup path is relative to the servlet mapping, which for HAPI's
        // servlet at /fhir/* would be "/Observation" and never match "/fhir/**".
        UrlPathHelper fullPath = new UrlPathHelper();
        fullPath.setAlwaysUseFullPath(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.setUrlPathHelper(fullPath);
        source.registerCorsConfiguration("/fhir/**", fhir);
        source.registerCorsConfiguration("/cds-services/**", cdsServices);
        // The bare paths too: /fhir/** does not match "/fhir" itself.
        source.registerCorsConfiguration("/fhir", fhir);
        source.registerCorsConfiguration("/cds-services", cdsServices);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setName("corsFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The CORS policy of one path: its origins, without {@code *} unless every request there needs a token. */
    static CorsConfiguration policy(String path, List<String> origins, boolean bearerRequired) {
        List<String> allowed = origins;
        if (!bearerRequired && origins.contains("*")) {
            log.warn(
                    "CORS: '*' is ignored on {} because it accepts requests without a bearer token; list the "
                            + "origins of trusted web apps instead (microcytic.cors.*)",
                    path);
            allowed = origins.stream().filter(origin -> !origin.equals("*")).toList();
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowed);
        cors.setAllowCredentials(false);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified"));
        cors.setMaxAge(Duration.ofMinutes(30));
        return cors;
    }
}

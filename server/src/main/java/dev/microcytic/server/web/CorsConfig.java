package dev.microcytic.server.web;

import dev.microcytic.server.config.MicrocyticProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * CORS for browser clients (SMART apps, CDS Hooks sandboxes) on {@code /fhir/**} and {@code /cds-services/**}.
 *
 * <p>A servlet filter rather than Spring MVC CORS mappings, because {@code /fhir} is HAPI's own servlet, which MVC
 * never sees. It runs first, so preflight requests (which carry no credentials) are answered before any
 * authentication filter.
 */
@Configuration(proxyBeanMethods = false)
public class CorsConfig {

    @Bean
    public FilterRegistrationBean<CorsFilter> corsFilter(MicrocyticProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified"));
        cors.setMaxAge(Duration.ofMinutes(30));
        // Match on the full path: by default the lookup path is relative to the servlet mapping, which for HAPI's
        // servlet at /fhir/* would be "/Observation" and never match "/fhir/**".
        UrlPathHelper fullPath = new UrlPathHelper();
        fullPath.setAlwaysUseFullPath(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.setUrlPathHelper(fullPath);
        source.registerCorsConfiguration("/fhir/**", cors);
        source.registerCorsConfiguration("/cds-services/**", cors);
        // The bare paths too: /fhir/** does not match "/fhir" itself.
        source.registerCorsConfiguration("/fhir", cors);
        source.registerCorsConfiguration("/cds-services", cors);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setName("corsFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

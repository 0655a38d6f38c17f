package dev.microcytic.server.webapp;

import dev.microcytic.cdshooks.service.PatientAppLink;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The clinician's web app: static pages under {@code /app}, and the cards' link to them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppProperties.class)
public class WebAppConfig {

    @Bean
    public PatientAppLink patientAppLink(AppProperties properties) {
        return new PatientAppLink(properties.smartLaunchUrl(), () -> baseUrl(properties));
    }

    /** The configured base URL, else that of the request being answered (cards are written on its thread). */
    static String baseUrl(AppProperties properties) {
        if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
            return properties.baseUrl();
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}

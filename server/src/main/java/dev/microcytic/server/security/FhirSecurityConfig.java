package dev.microcytic.server.security;

import dev.microcytic.server.cdshooks.FileResourceRetriever;
import dev.microcytic.server.fhir.FhirServerCustomizer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code /fhir} as an OAuth2 resource server (Spring Security): a bearer JWT of a trusted issuer on every request
 * but {@code GET /fhir/metadata} and {@code GET /fhir/.well-known/smart-configuration}, the admin scope for HAPI's
 * administrative operations, and HAPI's {@link SmartAuthorizationInterceptor} and {@link PatientSearchNarrowing} for
 * what each token's SMART scopes allow.
 *
 * <p>Only {@code /fhir} is matched: {@code /cds-services} checks the EHR's JWT by the CDS Hooks rules itself, and the
 * actuator's health stays open for probes. With {@code microcytic.fhir.auth.required=false} {@code /fhir} is open
 * (logged at WARN) except the admin operations, which then answer 403 to everyone.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class FhirSecurityConfig {

    static final String FHIR = "/fhir";
    static final String SMART_CONFIGURATION = "/fhir/.well-known/smart-configuration";

    private static final Logger log = LoggerFactory.getLogger(FhirSecurityConfig.class);

    @Bean
    @Order(1)
    SecurityFilterChain fhirSecurityFilterChain(HttpSecurity http, FhirAuthProperties auth) throws Exception {
        RequestMatcher fhir = request -> AdminRequestMatcher.fhirPath(request, FHIR) != null;
        RequestMatcher admin = new AdminRequestMatcher(FHIR);
        http.securityMatcher(fhir)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // HAPI sets its own caching headers (ETag, Last-Modified).
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        if (!auth.required()) {
            log.warn("FHIR authentication is OFF (microcytic.fhir.auth.required=false): anyone who reaches this port "
                    + "can read and change every patient's data at /fhir. Use this only for local trials.");
            http.authorizeHttpRequests(requests -> requests.requestMatchers(admin)
                            .denyAll()
                            .anyRequest()
                            .permitAll())
                    .exceptionHandling(
                            errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)));
            return http.build();
        }
        Map<String, AuthenticationManager> managers = FhirTokenDecoders.managers(auth, new FileResourceRetriever());
        if (managers.isEmpty()) {
            log.warn("FHIR authentication is on but no issuer is trusted (microcytic.fhir.auth.issuers): every /fhir "
                    + "request except GET /fhir/metadata and the SMART configuration will be answered 401.");
        } else if (auth.audience() == null || auth.audience().isBlank()) {
            throw new IllegalStateException("microcytic.fhir.auth.audience must name the aud of this server's access "
                    + "tokens when issuers are configured");
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(request -> isGet(request) && openPath(request))
                        .permitAll()
                        .requestMatchers(admin)
                        .hasAuthority("SCOPE_" + auth.adminScope())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(
                        new JwtIssuerAuthenticationManagerResolver(managers::get)));
        return http.build();
    }

    private static boolean isGet(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static boolean openPath(HttpServletRequest request) {
        String path = AdminRequestMatcher.fhirPath(request, FHIR);
        return "/metadata".equals(path) || "/.well-known/smart-configuration".equals(path);
    }

    /** HAPI's side: the scopes of the token become authorization rules; patient-context searches are narrowed. */
    @Bean
    FhirServerCustomizer smartScopeAuthorization(FhirAuthProperties auth) {
        return server -> {
            if (auth.required()) {
                server.registerInterceptor(new PatientSearchNarrowing(auth.adminScope()));
                server.registerInterceptor(new SmartAuthorizationInterceptor(auth.adminScope()));
            }
        };
    }

    @Bean
    ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(FhirAuthProperties auth) {
        ServletRegistrationBean<SmartConfigurationServlet> registration =
                new ServletRegistrationBean<>(new SmartConfigurationServlet(auth), SMART_CONFIGURATION);
        registration.setName("smartConfiguration");
        return registration;
    }
}

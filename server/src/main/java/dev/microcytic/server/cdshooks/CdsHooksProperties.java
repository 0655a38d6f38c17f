package dev.microcytic.server.cdshooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * CDS Hooks settings ({@code microcytic.cds.*}).
 *
 * @param auth client authentication
 * @param maxRequestSize request bodies above this are answered 413
 * @param fhirServer how missing prefetch data is read from the EHR's {@code fhirServer}
 * @param fhirServers the base URLs a request's {@code fhirServer} may name while client authentication is off (with it
 *     on, each issuer has its own list); empty: only this server's own {@code /fhir}
 */
@ConfigurationProperties("microcytic.cds")
public record CdsHooksProperties(
        @DefaultValue Auth auth,
        @DefaultValue("2MB") DataSize maxRequestSize,
        @DefaultValue FhirServer fhirServer,
        @DefaultValue List<String> fhirServers) {

    /**
     * @param required whether every service and feedback call must carry a valid JWT (on by default)
     * @param issuers trusted EHRs
     * @param audienceBase the public base URL of this server as EHRs call it (e.g. {@code https://cds.example.org}),
     *     when a proxy makes it differ from the URL the request arrives on; the expected {@code aud} is this base plus
     *     the request path
     * @param clockSkew tolerance for {@code exp} and {@code iat}
     * @param maxTokenLifetime tokens whose {@code exp - iat} exceeds this are refused (replay memory is bounded by it)
     * @param jwksCacheTtl how long a fetched JWKS is used before it is re-read (an unknown {@code kid} re-reads sooner)
     * @param jwksRefreshMinInterval the minimum time between two JWKS reads of one issuer (rate limit)
     * @param discoveryRequired whether discovery also needs a token (CDS Hooks 2.0 requires it on service and feedback calls only)
     */
    public record Auth(
            @DefaultValue("true") boolean required,
            @DefaultValue List<Issuer> issuers,
            String audienceBase,
            @DefaultValue("60s") Duration clockSkew,
            @DefaultValue("1h") Duration maxTokenLifetime,
            @DefaultValue("5m") Duration jwksCacheTtl,
            @DefaultValue("30s") Duration jwksRefreshMinInterval,
            @DefaultValue("false") boolean discoveryRequired) {}

    /**
     * @param iss the issuer as it appears in the token's {@code iss} claim
     * @param jwksUri where its public keys are: an {@code https:} URL or a {@code file:} URI
     * @param fhirServers the base URLs this EHR's requests may name as {@code fhirServer} (placeholders such as
     *     {@code ${local.server.port}} are resolved when a request arrives); empty: only this server's own
     *     {@code /fhir}
     */
    public record Issuer(String iss, String jwksUri, List<String> fhirServers) {

        @ConstructorBinding
        public Issuer {
            fhirServers = fhirServers == null ? List.of() : List.copyOf(fhirServers);
        }

        public Issuer(String iss, String jwksUri) {
            this(iss, jwksUri, List.of());
        }
    }

    /**
     * @param connectTimeout connect timeout
     * @param readTimeout read timeout
     * @param maxPages search pages followed per prefetch key
     * @param allowHttp whether a non-loopback plain-http fhirServer is read (CDS Hooks 2.0 requires https)
     * @param deadline the time all fhirServer reads of one hook call may take together
     * @param maxResponseSize the largest fhirServer answer read (compressed answers are not requested)
     */
    public record FhirServer(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue("5") int maxPages,
            @DefaultValue("false") boolean allowHttp,
            @DefaultValue("10s") Duration deadline,
            @DefaultValue("8MB") DataSize maxResponseSize) {}
}

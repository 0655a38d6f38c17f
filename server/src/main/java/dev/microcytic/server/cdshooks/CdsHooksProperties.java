package dev.microcytic.server.cdshooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * CDS Hooks settings ({@code microcytic.cds.*}, contract §5).
 *
 * @param auth client authentication
 * @param maxRequestSize request bodies above this are answered 413
 * @param fhirServer how missing prefetch data is read from the EHR's {@code fhirServer}
 */
@ConfigurationProperties("microcytic.cds")
public record CdsHooksProperties(
        @DefaultValue Auth auth, @DefaultValue("2MB") DataSize maxRequestSize, @DefaultValue FhirServer fhirServer) {

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
     * @param discoveryRequired whether discovery also needs a token (contract §5 names service and feedback calls)
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
     */
    public record Issuer(String iss, String jwksUri) {}

    /**
     * @param connectTimeout connect timeout
     * @param readTimeout read timeout
     * @param maxPages search pages followed per prefetch key
     * @param allowHttp whether a non-loopback plain-http fhirServer is read (CDS Hooks 2.0 requires https)
     */
    public record FhirServer(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue("5") int maxPages,
            @DefaultValue("false") boolean allowHttp) {}
}

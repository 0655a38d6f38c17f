package dev.microcytic.server.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One Spring Security {@link NimbusJwtDecoder} per trusted issuer, keyed by {@code iss}: keys only from the issuer's
 * configured JWKS ({@code https:} or {@code file:}; a token's {@code jku} is never fetched), RS256/RS384/ES256/ES384
 * only (an unsigned or HMAC token fails), and Spring's validators for {@code iss}, {@code exp} (required),
 * {@code nbf} and {@code aud}.
 */
final class FhirTokenDecoders {

    static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private FhirTokenDecoders() {}

    /** The authentication manager of each trusted issuer. */
    static Map<String, AuthenticationManager> managers(FhirAuthProperties auth, ResourceRetriever retriever) {
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (FhirAuthProperties.Issuer issuer : auth.issuers()) {
            if (issuer.iss() == null || issuer.iss().isBlank() || issuer.jwksUri() == null) {
                throw new IllegalArgumentException("Every microcytic.fhir.auth.issuers entry needs iss and jwks-uri");
            }
            NimbusJwtDecoder decoder = decoder(issuer, auth, retriever);
            managers.put(issuer.iss(), new ProviderManager(new JwtAuthenticationProvider(decoder)));
        }
        return managers;
    }

    static NimbusJwtDecoder decoder(
            FhirAuthProperties.Issuer issuer, FhirAuthProperties auth, ResourceRetriever retriever) {
        URI uri = URI.create(issuer.jwksUri());
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "microcytic.fhir.auth jwks-uri of issuer " + issuer.iss() + " must be https: or file:");
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(uri.toURL(), retriever)
                    .cache(300_000, 5_000)
                    .rateLimited(30_000)
                    .refreshAheadCache(false)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwks-uri of issuer " + issuer.iss() + " is not a URL", e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // Access tokens are typed JWT or at+jwt (RFC 9068), or untyped.
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        // Claims are checked by Spring's validators below, as NimbusJwtDecoder's own builder does.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        String audience = auth.audience();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(auth.clockSkew()),
                new JwtIssuerValidator(issuer.iss()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }
}

package dev.microcytic.server.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the EHR's bearer JWT on CDS Hooks calls by the CDS Hooks 2.0 "Trusting CDS Clients" rules:
 * the token is signed (never {@code none}, never HMAC) by a key of a configured trusted issuer, read only from that
 * issuer's configured JWKS URI (a {@code jku} header is never fetched; one that differs is ignored); {@code aud} is
 * the URL that was called; {@code exp}, {@code iat} and {@code jti} are present, the token is not expired, not issued
 * in the future, and its {@code jti} has not been used before (checked in the database).
 *
 * <p>JWKS documents are cached per issuer; an unknown {@code kid} triggers a rate-limited re-read, which is how key
 * rotation is picked up.
 */
final class CdsClientAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(CdsClientAuthenticator.class);

    /** CDS Hooks 2.0 recommends ES384 and RS384; other asymmetric JWS algorithms are accepted as well. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.ES384,
            JWSAlgorithm.RS384,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES512,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);

    private static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "aud", "exp", "iat", "jti");
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    /** The identity of an accepted caller. */
    record CdsClient(String issuer, String subject) {}

    private final Map<String, TrustedIssuer> issuers = new HashMap<>();
    private final JtiReplayGuard replayGuard;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxLifetime;

    private record TrustedIssuer(String iss, String jwksUri, JWKSource<SecurityContext> keys) {}

    CdsClientAuthenticator(CdsHooksProperties.Auth auth, JtiReplayGuard replayGuard, Clock clock) {
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.clockSkew = auth.clockSkew();
        this.maxLifetime = auth.maxTokenLifetime();
        FileResourceRetriever retriever = new FileResourceRetriever();
        for (CdsHooksProperties.Issuer issuer : auth.issuers()) {
            if (issuer.iss() == null || issuer.iss().isBlank() || issuer.jwksUri() == null) {
                throw new IllegalArgumentException("Every microcytic.cds.auth.issuers entry needs iss and jwks-uri");
            }
            URI uri = URI.create(issuer.jwksUri());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"file".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("jwks-uri of issuer " + issuer.iss() + " must be https: or file:");
            }
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(uri.toURL(), retriever)
                        .cache(auth.jwksCacheTtl().toMillis(), 5_000)
                        .rateLimited(auth.jwksRefreshMinInterval().toMillis())
                        .refreshAheadCache(false)
                        .retrying(false)
                        .build();
                issuers.put(issuer.iss(), new TrustedIssuer(issuer.iss(), issuer.jwksUri(), keys));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("jwks-uri of issuer " + issuer.iss() + " is not a URL", e);
            }
        }
    }

    int trustedIssuerCount() {
        return issuers.size();
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param calledUrl the URL the client called (the expected {@code aud})
     * @throws CdsAuthException when the token is missing or not acceptable
     */
    CdsClient authenticate(String authorization, String calledUrl) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw reject("no bearer token");
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw reject("no bearer token");
        }
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!ACCEPTED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw reject("algorithm not accepted");
        }
        JWTClaimsSet unverified;
        try {
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject("claims not readable");
        }
        TrustedIssuer issuer = unverified.getIssuer() == null ? null : issuers.get(unverified.getIssuer());
        if (issuer == null) {
            throw reject("issuer not trusted");
        }
        if (header.getJWKURL() != null && !header.getJWKURL().toString().equals(issuer.jwksUri())) {
            // Never fetched: EHRs (and the CDS Hooks sandbox) name their public JWKS there, while this server may
            // hold the same keys offline. The signature below is checked with the configured keys only.
            log.debug("CDS client token names a jku other than the configured JWKS; it is ignored");
        }
        JWTClaimsSet claims = verify(jwt, issuer, calledUrl);
        checkTimes(claims);
        // Remembered until the token can no longer pass the expiry check, which tolerates the clock skew.
        if (!replayGuard.firstUse(
                issuer.iss(),
                claims.getJWTID(),
                claims.getExpirationTime().toInstant().plus(clockSkew))) {
            throw reject("jti already used");
        }
        return new CdsClient(issuer.iss(), claims.getSubject());
    }

    private static SignedJWT parse(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw reject("token not parseable");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            // PlainJWT (alg "none") and encrypted tokens.
            throw reject("token not signed");
        }
        return signed;
    }

    private JWTClaimsSet verify(SignedJWT jwt, TrustedIssuer issuer, String calledUrl) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, issuer.keys()));
        Set<String> audiences = new HashSet<>();
        audiences.add(calledUrl);
        audiences.add(calledUrl.endsWith("/") ? calledUrl.substring(0, calledUrl.length() - 1) : calledUrl + "/");
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        audiences,
                        new JWTClaimsSet.Builder().issuer(issuer.iss()).build(),
                        REQUIRED_CLAIMS,
                        Set.of()) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            return processor.process(jwt, null);
        } catch (BadJOSEException e) {
            log.debug("CDS client token rejected", e);
            throw reject(e.getMessage().startsWith("Expired") ? "token expired" : "signature or claims invalid");
        } catch (JOSEException e) {
            log.debug("CDS client token could not be verified", e);
            throw reject("keys of the issuer not available");
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Instant issued = claims.getIssueTime().toInstant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (issued.isAfter(now.plus(clockSkew))) {
            throw reject("issued in the future");
        }
        if (Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
            throw reject("lifetime too long");
        }
        if (claims.getJWTID().isBlank()) {
            throw reject("jti empty");
        }
    }

    private static CdsAuthException reject(String reason) {
        // The reason helps operators; it names no token content, so INFO is safe.
        log.info("CDS client token rejected: {}", reason);
        return new CdsAuthException(reason);
    }
}

package dev.microcytic.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A simulated hospital authorization server (as Keycloak would be): its keys (RSA and EC), its public JWKS written
 * to a file, and the access tokens it issues for {@code /fhir}.
 */
final class TestAuthorizationServer {

    static final String AUDIENCE = "https://fhir.it.microcytic.dev";

    final String issuer;
    private final RSAKey rsa;
    private final ECKey ec256;
    private final ECKey ec384;

    TestAuthorizationServer(String issuer) {
        this.issuer = issuer;
        try {
            this.rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            this.ec256 = new ECKeyGenerator(Curve.P_256).keyID("ec256-1").generate();
            this.ec384 = new ECKeyGenerator(Curve.P_384).keyID("ec384-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public keys as a JWKS document and returns its {@code file:} URI. */
    String writeJwks(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    new JWKSet(List.<JWK>of(rsa, ec256, ec384).stream()
                                    .map(JWK::toPublicJWK)
                                    .toList())
                            .toString());
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JWTClaimsSet.Builder claims(String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-" + UUID.randomUUID())
                .audience(AUDIENCE)
                .claim("scope", scope)
                .claim("client_id", "it-client")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** An RS384 token with these scopes (and the patient in context, when not null). */
    String token(String scope, String patient) {
        JWTClaimsSet.Builder claims = claims(scope);
        if (patient != null) {
            claims.claim("patient", patient);
        }
        return sign(JWSAlgorithm.RS384, claims.build());
    }

    String sign(JWSAlgorithm algorithm, JWTClaimsSet claims) {
        return sign(header(algorithm).build(), claims);
    }

    JWSHeader.Builder header(JWSAlgorithm algorithm) {
        String kid = JWSAlgorithm.Family.RSA.contains(algorithm)
                ? rsa.getKeyID()
                : algorithm.equals(JWSAlgorithm.ES256) ? ec256.getKeyID() : ec384.getKeyID();
        return new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT);
    }

    String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            JWSAlgorithm algorithm = header.getAlgorithm();
            JWSSigner signer = JWSAlgorithm.Family.RSA.contains(algorithm)
                    ? new RSASSASigner(rsa)
                    : new ECDSASigner(algorithm.equals(JWSAlgorithm.ES256) ? ec256 : ec384);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token whose header names a foreign key set, as the CDS Hooks sandbox does; signed with this server's key. */
    String withForeignJku(String scope) {
        return sign(
                header(JWSAlgorithm.ES384)
                        .jwkURL(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json"))
                        .build(),
                claims(scope).build());
    }

    String unsigned(String scope) {
        return new PlainJWT(claims(scope).build()).serialize();
    }

    String hmac(String scope) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.HS256), claims(scope).build());
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

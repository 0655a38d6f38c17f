package dev.microcytic.server.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** A simulated EHR: its key pairs, its JWKS file and the tokens it signs for CDS Hooks calls. */
final class TestEhr {

    final String issuer;
    final ECKey ecKey;
    final RSAKey rsaKey;

    TestEhr(String issuer) {
        this.issuer = issuer;
        try {
            this.ecKey = new ECKeyGenerator(Curve.P_384).keyID(issuer + "-ec").generate();
            this.rsaKey = new RSAKeyGenerator(2048).keyID(issuer + "-rsa").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public JWKS and returns its file: URI. */
    String writeJwks(Path file) throws IOException {
        return writeJwks(file, List.of(ecKey, rsaKey));
    }

    static String writeJwks(Path file, List<JWK> keys) throws IOException {
        Files.writeString(file, new JWKSet(keys.stream().map(JWK::toPublicJWK).toList()).toString());
        return file.toUri().toString();
    }

    JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("client-1")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    String es384(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.ES384, ecKey.getKeyID(), claims, ecSigner(ecKey));
    }

    String rs384(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS384, rsaKey.getKeyID(), claims, rsaSigner(rsaKey));
    }

    String bearerFor(String audience) {
        return "Bearer " + es384(claims(audience).build());
    }

    static String sign(JWSAlgorithm algorithm, String kid, JWTClaimsSet claims, JWSSigner signer) {
        return sign(
                new JWSHeader.Builder(algorithm)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims,
                signer);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSSigner ecSigner(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

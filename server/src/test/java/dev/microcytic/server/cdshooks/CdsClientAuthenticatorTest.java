package dev.microcytic.server.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CDS Hooks 2.0 JWT rules, against a JWKS file and the replay table in a real (H2) database. */
class CdsClientAuthenticatorTest {

    private static final String URL = "https://cds.example.org/cds-services/microcytic-anemia";

    @TempDir
    Path dir;

    private final TestEhr ehr = new TestEhr("https://ehr.example.org");
    private JdbcTemplate jdbc;
    private CdsClientAuthenticator authenticator;
    private String jwksUri;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:jti-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        CdsHooksTables.create(jdbc);
        jwksUri = ehr.writeJwks(dir.resolve("jwks.json"));
        authenticator = authenticator(Duration.ofSeconds(30));
    }

    private CdsClientAuthenticator authenticator(Duration refreshInterval) {
        CdsHooksProperties.Auth auth = new CdsHooksProperties.Auth(
                true,
                List.of(new CdsHooksProperties.Issuer(ehr.issuer, jwksUri)),
                null,
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                refreshInterval,
                false);
        return new CdsClientAuthenticator(auth, new JdbcJtiReplayGuard(jdbc, Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void acceptsEs384() {
        var client =
                authenticator.authenticate("Bearer " + ehr.es384(ehr.claims(URL).build()), URL);

        assertThat(client.issuer()).isEqualTo("https://ehr.example.org");
        assertThat(client.subject()).isEqualTo("client-1");
    }

    @Test
    void acceptsRs384() {
        assertThat(authenticator
                        .authenticate("Bearer " + ehr.rs384(ehr.claims(URL).build()), URL)
                        .issuer())
                .isEqualTo(ehr.issuer);
    }

    @Test
    void acceptsAudienceArrayContainingTheCalledUrl() {
        JWTClaimsSet claims = ehr.claims(URL)
                .audience(List.of("https://other.example.org", URL))
                .build();

        assertThat(authenticator
                        .authenticate("Bearer " + ehr.es384(claims), URL)
                        .issuer())
                .isEqualTo(ehr.issuer);
    }

    @Test
    void rejectsMissingToken() {
        assertRejected(null, "no bearer token");
        assertRejected("Basic dXNlcjpwYXNz", "no bearer token");
        assertRejected("Bearer ", "no bearer token");
    }

    @Test
    void rejectsGarbage() {
        assertRejected("Bearer not.a.jwt", "token not parseable");
    }

    @Test
    void rejectsExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        JWTClaimsSet claims = ehr.claims(URL)
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))
                .build();

        assertRejected("Bearer " + ehr.es384(claims), "token expired");
    }

    @Test
    void rejectsWrongAudience() {
        String token = ehr.es384(
                ehr.claims("https://cds.example.org/cds-services/other").build());

        assertRejected("Bearer " + token, "signature or claims invalid");
    }

    @Test
    void rejectsTokenForTheFeedbackUrlOnTheServiceUrl() {
        String token = ehr.es384(ehr.claims(URL + "/feedback").build());

        assertRejected("Bearer " + token, "signature or claims invalid");
    }

    @Test
    void rejectsUntrustedIssuer() {
        TestEhr stranger = new TestEhr("https://evil.example.org");

        assertRejected("Bearer " + stranger.es384(stranger.claims(URL).build()), "issuer not trusted");
    }

    @Test
    void rejectsAlgNone() {
        String token = new PlainJWT(ehr.claims(URL).build()).serialize();

        assertRejected("Bearer " + token, "token not signed");
    }

    @Test
    void rejectsHmac() throws Exception {
        String token = TestEhr.sign(JWSAlgorithm.HS256, "k", ehr.claims(URL).build(), new MACSigner(new byte[32]));

        assertRejected("Bearer " + token, "algorithm not accepted");
    }

    @Test
    void rejectsSignatureByAnotherKeyWithTheSameKid() throws Exception {
        ECKey impostor =
                new ECKeyGenerator(Curve.P_384).keyID(ehr.ecKey.getKeyID()).generate();
        String token = TestEhr.sign(
                JWSAlgorithm.ES384, impostor.getKeyID(), ehr.claims(URL).build(), TestEhr.ecSigner(impostor));

        assertRejected("Bearer " + token, "signature or claims invalid");
    }

    @Test
    void rejectsReplayedJti() {
        String token = "Bearer " + ehr.es384(ehr.claims(URL).build());
        authenticator.authenticate(token, URL);

        assertRejected(token, "jti already used");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + CdsHooksTables.JTI, Integer.class))
                .isEqualTo(1);
    }

    @Test
    void replayIsRejectedByAnotherInstanceSharingTheDatabase() {
        String token = "Bearer " + ehr.es384(ehr.claims(URL).build());
        authenticator.authenticate(token, URL);
        CdsClientAuthenticator replica = authenticator(Duration.ofSeconds(30));

        assertThatThrownBy(() -> replica.authenticate(token, URL))
                .isInstanceOf(CdsAuthException.class)
                .hasMessage("jti already used");
    }

    @Test
    void rejectsMissingJtiAndMissingIat() {
        JWTClaimsSet noJti =
                new JWTClaimsSet.Builder(ehr.claims(URL).build()).jwtID(null).build();
        JWTClaimsSet noIat = new JWTClaimsSet.Builder(ehr.claims(URL).build())
                .issueTime(null)
                .build();

        assertRejected("Bearer " + ehr.es384(noJti), "signature or claims invalid");
        assertRejected("Bearer " + ehr.es384(noIat), "signature or claims invalid");
    }

    @Test
    void rejectsTokenIssuedInTheFutureOrLivingTooLong() {
        Instant future = Instant.now().plus(Duration.ofMinutes(10));
        JWTClaimsSet fromFuture = ehr.claims(URL)
                .issueTime(Date.from(future))
                .expirationTime(Date.from(future.plus(Duration.ofMinutes(5))))
                .build();
        JWTClaimsSet longLived = ehr.claims(URL)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(2))))
                .build();

        assertRejected("Bearer " + ehr.es384(fromFuture), "issued in the future");
        assertRejected("Bearer " + ehr.es384(longLived), "lifetime too long");
    }

    @Test
    void ignoresAForeignJkuAndVerifiesWithTheConfiguredKeys() throws Exception {
        // The CDS Hooks sandbox names its public JWKS in jku; the server holds the same keys in a file.
        JWSHeader foreign = new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID(ehr.ecKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .jwkURL(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json"))
                .build();
        JWSHeader configured =
                new JWSHeader.Builder(foreign).jwkURL(URI.create(jwksUri)).build();

        assertThat(authenticator
                        .authenticate(
                                "Bearer "
                                        + TestEhr.sign(foreign, ehr.claims(URL).build(), TestEhr.ecSigner(ehr.ecKey)),
                                URL)
                        .issuer())
                .isEqualTo(ehr.issuer);
        assertThat(authenticator
                        .authenticate(
                                "Bearer "
                                        + TestEhr.sign(
                                                configured, ehr.claims(URL).build(), TestEhr.ecSigner(ehr.ecKey)),
                                URL)
                        .issuer())
                .isEqualTo(ehr.issuer);
    }

    @Test
    void aForeignJkuDoesNotMakeAForeignKeyAcceptable() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_384).keyID("attacker").generate();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID(attacker.getKeyID())
                .type(JOSEObjectType.JWT)
                .jwkURL(URI.create("https://attacker.example.org/jwks.json"))
                .build();

        assertRejected(
                "Bearer " + TestEhr.sign(header, ehr.claims(URL).build(), TestEhr.ecSigner(attacker)),
                "signature or claims invalid");
    }

    @Test
    void keepsTheJtiUntilExpiryPlusClockSkew() {
        Date expires = new Date((Instant.now().getEpochSecond() + 120) * 1000);
        authenticator.authenticate(
                "Bearer " + ehr.es384(ehr.claims(URL).expirationTime(expires).build()), URL);

        Long keptUntil = jdbc.queryForObject("SELECT expires_at FROM " + CdsHooksTables.JTI, Long.class);
        assertThat(keptUntil).isEqualTo(expires.getTime() + 60_000);
    }

    @Test
    void picksUpRotatedKeysFromTheJwksFile() throws Exception {
        CdsClientAuthenticator rotating = authenticator(Duration.ZERO);
        rotating.authenticate("Bearer " + ehr.es384(ehr.claims(URL).build()), URL);
        ECKey next = new ECKeyGenerator(Curve.P_384).keyID("rotated-2").generate();
        TestEhr.writeJwks(dir.resolve("jwks.json"), List.<JWK>of(next, ehr.rsaKey));
        String token =
                TestEhr.sign(JWSAlgorithm.ES384, "rotated-2", ehr.claims(URL).build(), TestEhr.ecSigner(next));

        assertThat(rotating.authenticate("Bearer " + token, URL).issuer()).isEqualTo(ehr.issuer);
    }

    @Test
    void refusesIssuerConfigurationWithoutHttpsOrFile() {
        CdsHooksProperties.Auth auth = new CdsHooksProperties.Auth(
                true,
                List.of(new CdsHooksProperties.Issuer("x", "http://keys.example.org/jwks.json")),
                null,
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                false);

        assertThatThrownBy(() -> new CdsClientAuthenticator(auth, (i, j, e) -> true, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https: or file:");
    }

    private void assertRejected(String header, String reason) {
        assertThatThrownBy(() -> authenticator.authenticate(header, URL))
                .isInstanceOf(CdsAuthException.class)
                .hasMessage(reason);
    }
}

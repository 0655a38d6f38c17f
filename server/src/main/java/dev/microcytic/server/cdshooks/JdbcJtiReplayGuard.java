package dev.microcytic.server.cdshooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replay memory in the database: the primary key makes "first use" atomic across replicas (an insert either
 * succeeds once or fails with a duplicate key). Rows are removed once their token has expired.
 */
final class JdbcJtiReplayGuard implements JtiReplayGuard {

    private static final int PURGE_EVERY = 256;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong inserts = new AtomicLong();

    JdbcJtiReplayGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        if (inserts.incrementAndGet() % PURGE_EVERY == 1) {
            jdbc.update("DELETE FROM " + CdsHooksTables.JTI + " WHERE expires_at < ?", clock.millis());
        }
        try {
            jdbc.update(
                    "INSERT INTO " + CdsHooksTables.JTI + " (jti_key, expires_at) VALUES (?, ?)",
                    key(issuer, jti),
                    expiresAt.toEpochMilli());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** A fixed-length key: a jti may be any string, and the issuer is part of its identity. */
    private static String key(String issuer, String jti) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((issuer + "\n" + jti).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

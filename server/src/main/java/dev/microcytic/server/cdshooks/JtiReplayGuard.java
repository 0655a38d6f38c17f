package dev.microcytic.server.cdshooks;

import java.time.Instant;

/** Remembers the {@code jti} of accepted client tokens until they expire, so that a token is accepted only once. */
interface JtiReplayGuard {

    /**
     * Records the token id.
     *
     * @return true the first time this issuer's {@code jti} is seen, false for a replay
     */
    boolean firstUse(String issuer, String jti, Instant expiresAt);
}

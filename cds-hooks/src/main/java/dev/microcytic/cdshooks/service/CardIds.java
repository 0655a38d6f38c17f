package dev.microcytic.cdshooks.service;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-4 UUIDs for cards and suggestions. They must be unique, not secret, so they come from
 * {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}'s shared, synchronised {@code SecureRandom}.
 */
final class CardIds {

    private CardIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}

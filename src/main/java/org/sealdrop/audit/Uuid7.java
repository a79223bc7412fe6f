package org.sealdrop.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * RFC 9562 version 7 UUIDs: a 48-bit Unix time in milliseconds, then 74 bits that are random at the
 * start of each millisecond and count up within it (the RFC's "fixed bit-length dedicated counter",
 * method 1). Ids from this JVM are therefore strictly increasing in their byte order, even when many
 * are made in one millisecond or the system clock steps back.
 */
public final class Uuid7 {

    private static final Uuid7 SHARED = new Uuid7(System::currentTimeMillis, new SecureRandom());

    private static final long RAND_A_MASK = 0xFFFL;
    private static final long RAND_B_MASK = (1L << 62) - 1;
    private static final long VERSION_BITS = 0x7000L;
    private static final long VARIANT_BITS = 0b10L << 62;

    private final LongSupplier millisClock;
    private final Random random;

    private long lastMillis = -1;
    private long randA;
    private long randB;

    /** Creates a generator with its own clock and random source; tests use it to fix the time. */
    Uuid7(LongSupplier millisClock, Random random) {
        this.millisClock = millisClock;
        this.random = random;
    }

    /** Returns a new UUIDv7, greater than every id this JVM returned before. */
    public static UUID next() {
        return SHARED.generate();
    }

    /** Returns the Unix time in milliseconds stored in the first 48 bits of a UUIDv7. */
    public static Instant timestampOf(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("The id " + uuid + " is not a UUIDv7.");
        }
        return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
    }

    synchronized UUID generate() {
        long now = millisClock.getAsLong();
        if (now > lastMillis) {
            lastMillis = now;
            seedCounter();
        } else {
            // Same millisecond, or the clock stepped back: keep the last time and count up from it.
            incrementCounter();
        }

        long mostSignificant = (lastMillis << 16) | VERSION_BITS | randA;
        long leastSignificant = VARIANT_BITS | randB;
        return new UUID(mostSignificant, leastSignificant);
    }

    private void seedCounter() {
        // The counter's top bit starts at 0, so at least 2^73 ids fit before it could overflow.
        randA = random.nextInt(1 << 11);
        randB = random.nextLong() & RAND_B_MASK;
    }

    private void incrementCounter() {
        randB = (randB + 1) & RAND_B_MASK;
        if (randB != 0) {
            return;
        }
        randA = (randA + 1) & RAND_A_MASK;
        if (randA == 0) {
            // The 74-bit counter overflowed: borrow the next millisecond, as RFC 9562 allows.
            lastMillis++;
            seedCounter();
        }
    }
}

package org.sealdrop.index;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait of a connection for another writer of the same index file: SQLite's busy timeout for each
 * statement, and the number of {@code BEGIN IMMEDIATE} attempts of a write transaction with the pause
 * between them.
 *
 * @param busyTimeoutMillis how long SQLite retries a locked file inside one statement, in milliseconds
 * @param beginAttempts how many times a write transaction tries to begin before it fails with
 *     {@code SD-INDEX-BUSY}; at least 1
 * @param firstBackoff pause after the first busy begin; it doubles after each further one
 * @param maxBackoff upper bound of that pause
 */
public record BusyRetry(int busyTimeoutMillis, int beginAttempts, Duration firstBackoff, Duration maxBackoff) {

    /**
     * The defaults: 10 s of busy timeout per attempt and 5 attempts, so a write gives up after about
     * 50 s of another program keeping the write lock. The longest write of a SealDrop program is a
     * rebuild's replacement of all rows. As an estimate, 100,000 inserts in one transaction took 1.2 to
     * 1.6 s with sqlite-jdbc on a 2-core machine.
     */
    public static final BusyRetry DEFAULT = new BusyRetry(10_000, 5, Duration.ofMillis(50), Duration.ofSeconds(2));

    public BusyRetry {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (busyTimeoutMillis < 0 || beginAttempts < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("Invalid busy retry: timeout " + busyTimeoutMillis + " ms, "
                    + beginAttempts + " attempts, backoff " + firstBackoff + " to " + maxBackoff + ".");
        }
    }

    /**
     * Returns the pause after the {@code attempt}-th busy begin (1-based): a random time between half
     * and all of {@code firstBackoff} doubled {@code attempt - 1} times and capped at {@code maxBackoff}.
     * The randomness keeps two programs that found the file busy together from retrying together.
     */
    Duration backoffAfter(int attempt) {
        long doubled = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(doubled, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}

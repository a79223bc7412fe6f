package org.sealdrop.audit;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for failed deliveries: after the n-th failure the next attempt
 * waits between half and all of min(maxBackoff, 1 s × 2^(n−1)). The random half spreads the retries
 * of many devices after an outage of the receiver.
 */
final class Backoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final Duration maxBackoff;

    Backoff(Duration maxBackoff) {
        if (maxBackoff == null || maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("maxBackoff must be positive, but is " + maxBackoff + ".");
        }
        this.maxBackoff = maxBackoff;
    }

    /** Returns the wait after the {@code failures}-th failure in a row (1 for the first). */
    Duration delayAfter(int failures) {
        long ceilingMillis = ceilingMillis(Math.max(1, failures));
        long halfMillis = ceilingMillis / 2;
        return Duration.ofMillis(halfMillis + ThreadLocalRandom.current().nextLong(ceilingMillis - halfMillis + 1));
    }

    /** Returns the upper end of the wait after {@code failures} failures, before jitter. */
    long ceilingMillis(int failures) {
        long maxMillis = maxBackoff.toMillis();
        // From 2^30 s on, the doubling is past any sensible maxBackoff; stop before the long overflows.
        int doublings = Math.min(failures - 1, 30);
        long exponential = FIRST_DELAY.toMillis() << doublings;
        return Math.min(maxMillis, exponential);
    }
}

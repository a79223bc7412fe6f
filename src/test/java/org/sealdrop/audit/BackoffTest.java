package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void ceilingDoublesUpToMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30));

        assertEquals(1_000, backoff.ceilingMillis(1));
        assertEquals(2_000, backoff.ceilingMillis(2));
        assertEquals(16_000, backoff.ceilingMillis(5));
        assertEquals(30_000, backoff.ceilingMillis(6));
        assertEquals(30_000, backoff.ceilingMillis(10_000));
    }

    @Test
    void jitterStaysWithinUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofMinutes(5));
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = backoff.ceilingMillis(failures);
            for (int i = 0; i < 200; i++) {
                long delay = backoff.delayAfter(failures).toMillis();
                assertTrue(delay >= ceiling / 2, failures + " failures gave " + delay + " ms");
                assertTrue(delay <= ceiling, failures + " failures gave " + delay + " ms");
            }
        }
    }

    @Test
    void maximumBelowFirstDelayCaps() {
        Backoff backoff = new Backoff(Duration.ofMillis(300));

        assertEquals(300, backoff.ceilingMillis(1));
    }

    @Test
    void nonPositiveMaximumRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1)));
    }
}

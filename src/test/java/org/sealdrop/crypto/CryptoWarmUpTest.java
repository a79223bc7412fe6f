package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The warm-up runs once per process on a daemon thread of minimum priority, so it can neither keep the
 * JVM alive nor take the processor from the window, and it finishes without an error.
 */
class CryptoWarmUpTest {

    @Test
    void runsOnceInTheBackgroundAndFinishes() throws Exception {
        Thread first = CryptoWarmUp.startInBackground();
        Thread second = CryptoWarmUp.startInBackground();

        // Another test in this JVM may have unlocked a vault first, which starts the warm-up itself.
        if (first != null) {
            assertTrue(first.isDaemon());
            assertEquals(Thread.MIN_PRIORITY, first.getPriority());
            first.join(TimeUnit.MINUTES.toMillis(5));
            assertFalse(first.isAlive(), "the warm-up did not end within five minutes");
        }
        assertNull(second);
    }

    @Test
    void encryptsAndHashesWithoutError() {
        CryptoWarmUp.run();
    }
}

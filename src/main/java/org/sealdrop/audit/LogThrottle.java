package org.sealdrop.audit;

import java.time.Duration;

/**
 * Lets one log line through per interval and counts the ones held back, so a receiver that stays
 * down for hours produces a few lines rather than one per retry.
 */
final class LogThrottle {

    private final long intervalNanos;
    private long lastLoggedNanos;
    private boolean loggedBefore;
    private int suppressed;

    LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Returns -1 when the caller should stay silent, else the number of lines held back since the
     * last one that went through.
     */
    synchronized int tryPass() {
        long now = System.nanoTime();
        if (loggedBefore && now - lastLoggedNanos < intervalNanos) {
            suppressed++;
            return -1;
        }
        loggedBefore = true;
        lastLoggedNanos = now;
        int heldBack = suppressed;
        suppressed = 0;
        return heldBack;
    }

    /** Lets the next line through at once, for example after the receiver came back. */
    synchronized void reset() {
        loggedBefore = false;
        suppressed = 0;
    }
}

package org.sealdrop.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * The audit delivery that opening and exporting documents require, as set by IT.
 *
 * @param mode {@link Mode#QUEUED} or {@link Mode#STRICT}
 * @param maxPendingEvents under {@code QUEUED}, opening and exporting are rejected once this many
 *     events wait in the outbox
 * @param maxPendingAge under {@code QUEUED}, opening and exporting are rejected once the oldest
 *     waiting event is this old
 * @param strictWait under {@code STRICT}, how long an open or export waits for the receiver to
 *     acknowledge its event
 */
public record AuditPolicy(Mode mode, long maxPendingEvents, Duration maxPendingAge, Duration strictWait) {

    /** The relation between delivering an open or export event and showing the document. */
    public enum Mode {
        /** Work continues while the receiver is unreachable, up to the backlog limits. */
        QUEUED,
        /** A document is shown or exported only after the receiver acknowledged the event. */
        STRICT
    }

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException when a limit or the wait is zero or negative
     */
    public AuditPolicy {
        Objects.requireNonNull(mode, "mode");
        if (maxPendingEvents <= 0) {
            throw new IllegalArgumentException("maxPendingEvents must be positive, but is " + maxPendingEvents);
        }
        if (maxPendingAge.isNegative() || maxPendingAge.isZero()) {
            throw new IllegalArgumentException("maxPendingAge must be positive, but is " + maxPendingAge);
        }
        if (strictWait.isNegative() || strictWait.isZero()) {
            throw new IllegalArgumentException("strictWait must be positive, but is " + strictWait);
        }
    }
}

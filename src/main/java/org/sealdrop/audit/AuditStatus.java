package org.sealdrop.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sealdrop.index.Database;

/**
 * The delivery state of a device's audit outbox, read from its index.
 *
 * @param pendingCount events not yet acknowledged by the audit receiver
 * @param oldestPending when the oldest of them was recorded; empty when none is pending
 * @param lastDelivered when the receiver last acknowledged a batch from this index; empty when never
 * @param lastError the error of the last failed delivery among pending events, such as
 *     {@code HTTP 503} or {@code ConnectException}; empty when none is pending or none failed
 * @param rejectedCount events the receiver rejected whose rejection IT has not cleared yet; they are
 *     not pending
 * @param latestRejection the receiver's error for the latest of them, such as {@code key_mismatch};
 *     empty when there is none
 */
public record AuditStatus(long pendingCount, Optional<Instant> oldestPending, Optional<Instant> lastDelivered,
        Optional<String> lastError, long rejectedCount, Optional<String> latestRejection) {

    public AuditStatus {
        Objects.requireNonNull(oldestPending, "oldestPending");
        Objects.requireNonNull(lastDelivered, "lastDelivered");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(latestRejection, "latestRejection");
    }

    /** Creates a status without rejected events. */
    public AuditStatus(long pendingCount, Optional<Instant> oldestPending, Optional<Instant> lastDelivered,
            Optional<String> lastError) {
        this(pendingCount, oldestPending, lastDelivered, lastError, 0, Optional.empty());
    }

    /**
     * Reads the status of the outbox in {@code database}. An event acknowledged between two of the
     * reads can make the count and the oldest time disagree by that event.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-INDEX-READ} when the index cannot be read
     */
    public static AuditStatus read(Database database) {
        return database.read(connection -> new AuditStatus(OutboxRows.count(connection),
                OutboxRows.oldestCreatedAt(connection), OutboxRows.lastDeliveredAt(connection),
                OutboxRows.lastError(connection), RejectedRows.countUncleared(connection),
                RejectedRows.latestUnclearedError(connection)));
    }

    /** Returns how long the oldest pending event has waited at {@code now}; zero when none is pending. */
    public Duration oldestPendingAge(Instant now) {
        return oldestPending.map(oldest -> Duration.between(oldest, now))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }
}

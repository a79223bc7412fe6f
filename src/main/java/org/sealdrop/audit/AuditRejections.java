package org.sealdrop.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sealdrop.index.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of a device's index that the audit receiver rejected for their signature
 * ({@code bad_signature}, {@code key_mismatch}). They leave the outbox, so they are neither pending nor
 * resent, and stay in the {@code audit_rejected} table until IT clears them; cleared rows stay too.
 */
public final class AuditRejections {

    private static final Logger log = LoggerFactory.getLogger(AuditRejections.class);

    private AuditRejections() {
    }

    /**
     * Returns every rejected event of {@code database}, cleared or not, in sequence order.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-INDEX-READ} when the index cannot be read
     */
    public static List<RejectedEvent> list(Database database) {
        return database.read(RejectedRows::all);
    }

    /**
     * Tells whether the receiver rejected {@code eventId}.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-INDEX-READ} when the index cannot be read
     */
    public static boolean isRejected(Database database, UUID eventId) {
        return database.read(connection -> RejectedRows.contains(connection, eventId));
    }

    /**
     * Marks every rejection not cleared yet as cleared at {@code now}, after IT looked at them, so the
     * audit policy lets documents be opened again. The rows and their bodies stay as evidence.
     *
     * @return the number of rejections cleared now
     * @throws org.sealdrop.SealDropException with code {@code SD-INDEX-WRITE} when the index cannot be written
     */
    public static int clear(Database database, Instant now) {
        return clear(database, now, null);
    }

    /**
     * Clears the rejections as {@link #clear(Database, Instant)} does and, when any were cleared, records a
     * {@code clear_rejections} event on {@code trail} in the same transaction, so that lifting the block
     * on opening is itself in the audit trail.
     */
    public static int clear(Database database, Instant now, AuditTrail trail) {
        int cleared = database.inTransaction(connection -> {
            int count = RejectedRows.clearAll(connection, now);
            if (count > 0 && trail != null) {
                trail.record(connection, AuditAction.CLEAR_REJECTIONS, null, Outcome.SUCCESS, count + " rejected events");
            }
            return count;
        });
        if (cleared > 0) {
            log.info("Cleared {} rejected audit events", cleared);
        }
        return cleared;
    }
}

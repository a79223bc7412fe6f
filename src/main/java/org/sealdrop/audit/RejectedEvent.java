package org.sealdrop.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event of this device that the audit receiver rejected, kept in the index's {@code audit_rejected}
 * table instead of the outbox.
 *
 * @param eventId the event's id
 * @param sequence the event's position in the device's chain, or -1 when its body has none
 * @param error the receiver's error: {@code bad_signature} or {@code key_mismatch}, or another text a
 *     newer receiver sends
 * @param rejectedAt when the rejection arrived
 * @param body the event body exactly as sent, to compare with the receiver's {@code rejected_events} copy
 * @param clearedAt when IT cleared the rejection; empty until then
 */
public record RejectedEvent(String eventId, long sequence, String error, Instant rejectedAt, String body,
        Optional<Instant> clearedAt) {

    public RejectedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(clearedAt, "clearedAt");
    }
}

package org.sealdrop.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One audit event as sent on the wire; {@link AuditEventJson} writes its canonical JSON.
 *
 * @param eventId a UUIDv7, so ids sort by creation time
 * @param time when the event was recorded, in UTC; truncated to milliseconds by the constructor
 * @param user who acted
 * @param deviceId where the user acted
 * @param action what the user did
 * @param documentId the document acted on, or null for actions without one (unlock, lock)
 * @param outcome how the action ended
 * @param reason null, or an error code or short fixed text in printable ASCII; never PHI
 * @param appVersion the SealDrop version that recorded the event
 * @param sequence position in this device's chain, from 1
 * @param previousHash lower-case hex SHA-256 of the previous event's canonical JSON from this device,
 *     or 64 zeros for the device's first event
 * @throws org.sealdrop.SealDropException with code {@code SD-AUDIT-INVALID} when a field breaks
 *     these rules
 */
public record AuditEvent(UUID eventId, Instant time, String user, String deviceId, AuditAction action,
        UUID documentId, Outcome outcome, String reason, String appVersion, long sequence,
        String previousHash) {

    /** The {@code previousHash} of a device's first event. */
    public static final String FIRST_PREVIOUS_HASH = "0".repeat(64);

    private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (eventId.version() != 7) {
            throw EventFields.invalid("eventId is not a UUIDv7; create it with Uuid7.next().");
        }
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        EventFields.requireText("user", user, EventFields.MAX_USER_LENGTH);
        EventFields.requireText("deviceId", deviceId, EventFields.MAX_DEVICE_ID_LENGTH);
        EventFields.requireText("appVersion", appVersion, EventFields.MAX_APP_VERSION_LENGTH);
        EventFields.requireReason(reason);
        if (sequence < 1) {
            throw EventFields.invalid("sequence is " + sequence + "; sequences start at 1.");
        }
        if (previousHash == null || !HEX_SHA_256.matcher(previousHash).matches()) {
            throw EventFields.invalid("previousHash is not 64 lower-case hex digits.");
        }
    }
}

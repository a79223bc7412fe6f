package org.sealdrop.auditserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.AuditEventJson;
import org.sealdrop.audit.DeviceSigningKey;
import org.sealdrop.audit.EventSignatures;
import org.sealdrop.audit.Outcome;
import org.sealdrop.audit.Uuid7;

/** Builds signed event bodies of one device, chained as SealDrop chains them. */
public final class EventChain {

    private final String user;
    private final String deviceId;
    private final DeviceSigningKey key;
    private long sequence;
    private String previousHash = AuditEvent.FIRST_PREVIOUS_HASH;

    /** A chain signed with a new in-memory key. */
    public EventChain(String user, String deviceId) {
        this(user, deviceId, DeviceSigningKey.generate());
    }

    EventChain(String user, String deviceId, DeviceSigningKey key) {
        this.user = user;
        this.deviceId = deviceId;
        this.key = key;
    }

    DeviceSigningKey key() {
        return key;
    }

    /** Returns the signed body of the next successful event and moves the chain on. */
    String next(AuditAction action, UUID documentId, Instant time) {
        return next(action, documentId, time, null);
    }

    /** Returns the signed body of the next event, a failure when {@code reason} is set, and moves the chain on. */
    public String next(AuditAction action, UUID documentId, Instant time, String reason) {
        sequence++;
        AuditEvent event = new AuditEvent(Uuid7.next(), time, user, deviceId, action, documentId,
                reason == null ? Outcome.SUCCESS : Outcome.FAILURE, reason, "0.1.0", sequence, previousHash);
        String body = EventSignatures.signedBody(event, key);
        previousHash = AuditEventJson.hash(body);
        return body;
    }

    List<String> next(int count, Instant start) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(next(AuditAction.OPEN, UUID.randomUUID(), start.plusSeconds(i)));
        }
        return bodies;
    }

    static String batch(List<String> bodies) {
        StringJoiner json = new StringJoiner(",", "{\"events\":[", "]}");
        bodies.forEach(json::add);
        return json.toString();
    }

    static String eventId(String body) {
        return body.substring("{\"eventId\":\"".length(), "{\"eventId\":\"".length() + 36);
    }
}

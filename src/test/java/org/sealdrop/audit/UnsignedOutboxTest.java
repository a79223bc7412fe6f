package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.index.Database;

/**
 * An outbox left by a version without signatures: event 1 was delivered, events 2 and 3 are pending
 * and unsigned. Signing them keeps the chain linked to event 1 and moves the chain head.
 */
class UnsignedOutboxTest {

    static final AuditIdentity IDENTITY = AuditTrailTest.IDENTITY;
    static final Instant T0 = Instant.parse("2026-03-14T09:00:00.000Z");

    @TempDir
    Path folder;

    Database database;
    AuditTrail trail;
    String deliveredHash;
    List<String> unsignedBodies = new ArrayList<>();

    @BeforeEach
    void writeOldOutbox() {
        database = Database.open(folder.resolve("index.db"));
        trail = new AuditTrail(database, IDENTITY, AuditEventJsonTest.testKey(), Clock.systemUTC());
        String previousHash = AuditEvent.FIRST_PREVIOUS_HASH;
        List<String> bodies = new ArrayList<>();
        for (int sequence = 1; sequence <= 3; sequence++) {
            AuditEvent event = new AuditEvent(Uuid7.next(), T0.plusSeconds(sequence), IDENTITY.user(),
                    IDENTITY.deviceId(), AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null, "0.0.9",
                    sequence, previousHash);
            String body = AuditEventJson.canonical(event);
            bodies.add(body);
            previousHash = AuditEventJson.hash(body);
        }
        deliveredHash = AuditEventJson.hash(bodies.get(0));
        unsignedBodies = bodies.subList(1, 3);
        String head = previousHash;
        database.inTransaction(connection -> {
            for (String body : unsignedBodies) {
                OutboxRows.insert(connection, AuditEventJson.parse(body).eventId(), body, T0);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_chain (device_id, last_hash, last_sequence) VALUES (?, ?, 3)")) {
                insert.setString(1, IDENTITY.deviceId());
                insert.setString(2, head);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void pendingEventsAreSignedAndRelinked() {
        assertEquals(2, trail.signUnsignedEvents());

        List<String> bodies = outboxBodies();
        assertTrue(EventSignatures.verify(bodies.get(0)), bodies.get(0));
        assertTrue(EventSignatures.verify(bodies.get(1)), bodies.get(1));
        assertEquals(deliveredHash, AuditEventJson.parse(bodies.get(0)).previousHash());
        assertEquals(AuditEventJson.hash(bodies.get(0)), AuditEventJson.parse(bodies.get(1)).previousHash());
        UUID secondPending = AuditEventJson.parse(unsignedBodies.get(1)).eventId();
        assertEquals(secondPending, AuditEventJson.parse(bodies.get(1)).eventId());
    }

    @Test
    void nextEventLinksToResignedHead() {
        trail.signUnsignedEvents();

        AuditEvent next = trail.record(AuditAction.LOCK, null, Outcome.SUCCESS, null);

        assertEquals(4, next.sequence());
        assertEquals(AuditEventJson.hash(outboxBodies().get(1)), next.previousHash());
    }

    @Test
    void secondRunSignsNothing() {
        trail.signUnsignedEvents();
        List<String> signed = outboxBodies();

        assertEquals(0, trail.signUnsignedEvents());
        assertEquals(signed, outboxBodies());
    }

    private List<String> outboxBodies() {
        return database.read(connection -> {
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT body FROM audit_outbox ORDER BY seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        });
    }
}

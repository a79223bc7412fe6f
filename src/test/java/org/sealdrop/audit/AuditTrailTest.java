package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.index.Database;

class AuditTrailTest {

    static final AuditIdentity IDENTITY = new AuditIdentity("m.jones", "clinic-pc-07", "0.1.0");
    static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589Z");

    @TempDir
    Path folder;

    Database database;
    AuditTrail trail;

    @BeforeEach
    void openIndex() {
        database = Database.open(folder.resolve("index.db"));
        trail = new AuditTrail(database, IDENTITY, AuditEventJsonTest.testKey(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void firstEventStartsChain() {
        AuditEvent event = trail.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);

        assertEquals(1, event.sequence());
        assertEquals(AuditEvent.FIRST_PREVIOUS_HASH, event.previousHash());
        assertEquals("m.jones", event.user());
        assertEquals("clinic-pc-07", event.deviceId());
        assertEquals("0.1.0", event.appVersion());
        assertEquals(NOW, event.time());
        assertEquals(7, event.eventId().version());
    }

    @Test
    void chainLinksEachEventToPrevious() {
        UUID document = UUID.randomUUID();
        List<AuditEvent> events = new ArrayList<>();
        events.add(trail.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null));
        events.add(trail.record(AuditAction.OPEN, document, Outcome.SUCCESS, null));
        events.add(trail.record(AuditAction.INTEGRITY_FAILURE, document, Outcome.FAILURE, "SD-INTEGRITY"));
        events.add(trail.record(AuditAction.LOCK, null, Outcome.SUCCESS, null));

        List<String> bodies = outboxBodies();
        assertEquals(4, bodies.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).sequence());
            assertEquals(EventSignatures.signedBody(events.get(i), AuditEventJsonTest.testKey()), bodies.get(i));
            assertEquals(events.get(i), AuditEventJson.parse(bodies.get(i)));
        }
        for (int i = 1; i < events.size(); i++) {
            assertEquals(AuditEventJson.hash(bodies.get(i - 1)), events.get(i).previousHash());
        }
        assertEquals(AuditEventJson.hash(bodies.get(3)), chainHead()[0]);
        assertEquals("4", chainHead()[1]);
    }

    @Test
    void chainContinuesAcrossInstances() {
        AuditEvent first = trail.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);

        AuditTrail reopened = new AuditTrail(Database.open(folder.resolve("index.db")), IDENTITY,
                AuditEventJsonTest.testKey(), Clock.systemUTC());
        AuditEvent second = reopened.record(AuditAction.LOCK, null, Outcome.SUCCESS, null);

        assertEquals(2, second.sequence());
        String firstBody = EventSignatures.signedBody(first, AuditEventJsonTest.testKey());
        assertEquals(AuditEventJson.hash(firstBody), second.previousHash());
    }

    @Test
    void eventCommitsWithCallersWrite() {
        UUID document = UUID.randomUUID();

        AuditEvent event = database.inTransaction(connection -> {
            insertDocument(connection, document);
            return trail.record(connection, AuditAction.UPLOAD, document, Outcome.SUCCESS, null);
        });

        assertEquals(1, countRows("documents"));
        assertEquals(List.of(EventSignatures.signedBody(event, AuditEventJsonTest.testKey())), outboxBodies());
    }

    @Test
    void eventRollsBackWithCallersWrite() {
        UUID document = UUID.randomUUID();
        trail.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);
        String[] headBefore = chainHead();

        assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
            insertDocument(connection, document);
            trail.record(connection, AuditAction.UPLOAD, document, Outcome.SUCCESS, null);
            throw new IllegalStateException("upload failed after the index write");
        }));

        assertEquals(0, countRows("documents"));
        assertEquals(1, trail.pendingCount());
        assertEquals(headBefore[0], chainHead()[0]);
        assertEquals(headBefore[1], chainHead()[1]);
        AuditEvent next = trail.record(AuditAction.LOCK, null, Outcome.SUCCESS, null);
        assertEquals(2, next.sequence());
    }

    @Test
    void recordInAutoCommitIsRejected() throws SQLException {
        try (Connection connection = database.connect()) {
            assertThrows(IllegalArgumentException.class,
                    () -> trail.record(connection, AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null));
        }
        assertEquals(0, trail.pendingCount());
    }

    @Test
    void invalidReasonWritesNothing() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.FAILURE, "referral Müller.pdf"));

        assertEquals("SD-AUDIT-INVALID", e.errorCode());
        assertEquals(0, trail.pendingCount());
        assertNull(chainHead());
    }

    @Test
    void pendingCountAndOldest() {
        assertEquals(0, trail.pendingCount());
        assertEquals(Optional.empty(), trail.oldestPending());

        Instant later = NOW.plusSeconds(90);
        new AuditTrail(database, IDENTITY, AuditEventJsonTest.testKey(), Clock.fixed(later, ZoneOffset.UTC))
                .record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);
        trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.DENIED, "SD-LOCKED");

        assertEquals(2, trail.pendingCount());
        assertEquals(Optional.of(NOW), trail.oldestPending());
    }

    @Test
    void devicesKeepSeparateChains() {
        AuditTrail otherDevice = new AuditTrail(database, new AuditIdentity("m.jones", "clinic-pc-08", "0.1.0"),
                DeviceSigningKey.loadOrCreate(folder.resolve("other-device-key")), Clock.systemUTC());

        trail.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);
        AuditEvent other = otherDevice.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);
        AuditEvent second = trail.record(AuditAction.LOCK, null, Outcome.SUCCESS, null);

        assertEquals(1, other.sequence());
        assertEquals(AuditEvent.FIRST_PREVIOUS_HASH, other.previousHash());
        assertEquals(2, second.sequence());
    }

    @Test
    void concurrentRecordersKeepChainIntact() throws Exception {
        int threads = 4;
        int perThread = 25;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            AuditTrail own = new AuditTrail(database, IDENTITY, AuditEventJsonTest.testKey(), Clock.systemUTC());
            Thread worker = new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        own.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }

        assertEquals(List.of(), failures);
        List<String> bodies = outboxBodies();
        assertEquals(threads * perThread, bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            AuditEvent event = AuditEventJson.parse(bodies.get(i));
            assertEquals(i + 1, event.sequence());
            String expectedPrevious = i == 0 ? AuditEvent.FIRST_PREVIOUS_HASH : AuditEventJson.hash(bodies.get(i - 1));
            assertEquals(expectedPrevious, event.previousHash());
        }
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

    /** Returns {last_hash, last_sequence} of this device, or null when it has no chain yet. */
    private String[] chainHead() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_hash, last_sequence FROM audit_chain WHERE device_id = ?")) {
                select.setString(1, IDENTITY.deviceId());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new String[] {row.getString(1), row.getString(2)} : null;
                }
            }
        });
    }

    private long countRows(String table) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    static void insertDocument(Connection connection, UUID document) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO documents (id, object_key,"
                + " plaintext_size, ciphertext_size, status, vault_key_version, wrapped_key, header, created_at,"
                + " updated_at) VALUES (?, ?, 10, 42, 'done', 1, x'00', x'00', ?, ?)")) {
            insert.setString(1, document.toString());
            insert.setString(2, "objects/" + UUID.randomUUID());
            insert.setString(3, NOW.toString());
            insert.setString(4, NOW.toString());
            insert.executeUpdate();
        }
    }
}

package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.auditserver.ChainReport.SequenceGap;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.auditserver.ReceiverStore;
import org.sealdrop.index.Database;
import org.sealdrop.testsupport.ReceivedRejections;

/**
 * Signed events from a device's outbox to the real receiver over HTTP on 127.0.0.1. The cases are the
 * round trip, an event altered in the outbox, another device claiming a pinned device id, and a
 * receiver database edited after the events were stored. A rejected event moves to the rejected
 * events, and the rest of its batch is stored.
 */
class SignedDeliveryTest {

    static final AuditIdentity IDENTITY = new AuditIdentity("m.jones", "clinic-pc-07", "0.1.0");
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    Path receiverFile;
    AuditServer server;
    Database database;
    DeviceSigningKey key;
    AuditTrail trail;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiverFile = folder.resolve("receiver").resolve("audit.db");
        server = ReceiverFixture.startReceiver(receiverFile, 0);
        database = Database.open(folder.resolve("device").resolve("index.db"));
        key = DeviceSigningKey.loadOrCreate(folder.resolve("device").resolve("device-signing-key"));
        trail = new AuditTrail(database, IDENTITY, key, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void signatureRoundTrip() {
        record(trail, 3);
        List<String> sent = outboxBodies(database);

        assertTrue(sender(database).flush(FLUSH_TIMEOUT));

        assertEquals(sent, server.store().queryBodies(EventQuery.all()));
        for (String body : sent) {
            assertTrue(EventSignatures.verify(body), body);
        }
        ChainReport report = server.store().verifyChain(IDENTITY.deviceId());
        assertTrue(report.intact(), report.toString());
        assertEquals(3, report.eventCount());
        assertEquals(key.publicKeyBase64(), report.pinnedKey());
    }

    @Test
    void eventAlteredInOutboxIsRejected() throws Exception {
        List<AuditEvent> events = record(trail, 3);
        String altered = events.get(1).eventId().toString();
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE audit_outbox"
                    + " SET body = replace(body, '\"user\":\"m.jones\"', '\"user\":\"a.smith\"') WHERE event_id = ?")) {
                update.setString(1, altered);
                assertEquals(1, update.executeUpdate());
            }
            return null;
        });

        String alteredBody = outboxBodies(database).get(1);

        assertTrue(sender(database).flush(FLUSH_TIMEOUT), "the rejected event stayed in the outbox");

        assertEquals(2, server.store().queryBodies(EventQuery.all()).size());
        assertEquals(List.of(), ReceiverFixture.outbox(database));
        List<RejectedEvent> local = AuditRejections.list(database);
        assertEquals(1, local.size());
        assertEquals(altered, local.get(0).eventId());
        assertEquals(2, local.get(0).sequence());
        assertEquals("bad_signature", local.get(0).error());
        assertEquals(alteredBody, local.get(0).body());
        assertEquals(Map.of(altered, List.of(alteredBody)), ReceivedRejections.bodiesByEventId(receiverFile));
        AuditStatus status = AuditStatus.read(database);
        assertEquals(0, status.pendingCount());
        assertEquals(1, status.rejectedCount());
        assertEquals(Optional.of("bad_signature"), status.latestRejection());
        ChainReport report = server.store().verifyChain(IDENTITY.deviceId());
        assertFalse(report.intact());
        assertEquals(List.of(new SequenceGap(2, 2)), report.gaps());
        assertEquals(1, report.rejectedEvents().size());
        assertEquals(altered, report.rejectedEvents().get(0).eventId());
        assertEquals("bad_signature", report.rejectedEvents().get(0).error());
    }

    @Test
    void otherKeyForPinnedDeviceIsRejected() {
        record(trail, 2);
        assertTrue(sender(database).flush(FLUSH_TIMEOUT));
        Database impostorIndex = Database.open(folder.resolve("impostor").resolve("index.db"));
        AuditTrail impostor = new AuditTrail(impostorIndex, IDENTITY, DeviceSigningKey.generate(), Clock.systemUTC());
        AuditEvent claimed = impostor.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);

        assertTrue(sender(impostorIndex).flush(FLUSH_TIMEOUT), "the rejected event stayed in the outbox");

        assertEquals(2, server.store().queryBodies(EventQuery.all()).size());
        assertEquals(0, impostor.pendingCount());
        List<RejectedEvent> local = AuditRejections.list(impostorIndex);
        assertEquals(List.of(claimed.eventId().toString()), local.stream().map(RejectedEvent::eventId).toList());
        assertEquals("key_mismatch", local.get(0).error());
        ChainReport report = server.store().verifyChain(IDENTITY.deviceId());
        assertEquals(key.publicKeyBase64(), report.pinnedKey());
        assertEquals(1, report.rejectedEvents().size());
        assertEquals(claimed.eventId().toString(), report.rejectedEvents().get(0).eventId());
        assertEquals("key_mismatch", report.rejectedEvents().get(0).error());
    }

    @Test
    void editedReceiverDatabaseIsReported() throws Exception {
        List<AuditEvent> events = record(trail, 8);
        assertTrue(sender(database).flush(FLUSH_TIMEOUT));
        server.close();

        // Someone with write access to the receiver's file drops the append-only triggers and edits it.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + receiverFile);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_no_update");
            statement.execute("DROP TRIGGER events_no_delete");
            statement.executeUpdate("DELETE FROM events WHERE sequence = 2");
            statement.executeUpdate("UPDATE events SET user = 'a.smith',"
                    + " body = replace(body, '\"user\":\"m.jones\"', '\"user\":\"a.smith\"') WHERE sequence = 4");
            statement.executeUpdate("UPDATE events SET sequence = CASE sequence WHEN 6 THEN 7 ELSE 6 END"
                    + " WHERE sequence IN (6, 7)");
        }

        ChainReport report;
        try (ReceiverStore store = ReceiverStore.open(receiverFile)) {
            report = store.verifyChain(IDENTITY.deviceId());
        }

        assertEquals(7, report.eventCount());
        assertEquals(List.of(new SequenceGap(2, 2)), report.gaps(), "deleted event");
        assertEquals(List.of(4L, 6L, 7L), report.alteredEvents(), "altered field and swapped rows");
        assertEquals(List.of(5L, 6L, 7L, 8L), report.brokenLinks(), "successor of the altered event and the swap");
        assertEquals(List.of(), report.keyChanges());
        assertEquals(List.of(), report.conflictingSequences());
        assertEquals(events.get(7).sequence(), report.lastSequence());
    }

    private List<AuditEvent> record(AuditTrail target, int count) {
        List<AuditEvent> events = new ArrayList<>();
        UUID document = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            events.add(target.record(AuditAction.OPEN, document, Outcome.SUCCESS, null));
        }
        return events;
    }

    private AuditSender sender(Database index) {
        AuditSender sender = new AuditSender(index, server.baseUrl(), ReceiverFixture.TOKEN.toCharArray(),
                Duration.ofMinutes(1));
        toClose.add(sender);
        return sender;
    }

    private static List<String> outboxBodies(Database index) {
        return index.read(connection -> {
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

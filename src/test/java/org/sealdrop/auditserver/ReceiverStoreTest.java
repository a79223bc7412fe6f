package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.auditserver.ChainReport.SequenceGap;

class ReceiverStoreTest {

    static final Instant T0 = Instant.parse("2026-03-14T09:00:00.000Z");

    @TempDir
    Path folder;

    Path file;
    ReceiverStore store;

    @BeforeEach
    void openStore() {
        file = folder.resolve("audit.db");
        store = ReceiverStore.open(file);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void updateAndDeleteAreRejected() throws Exception {
        append(new EventChain("m.jones", "pc-1").next(2, T0));

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE events SET user = 'someone-else'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM events"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
        assertEquals(2, store.queryBodies(EventQuery.all()).size());
    }

    @Test
    void newFileIsOwnerOnly() throws Exception {
        append(new EventChain("m.jones", "pc-1").next(1, T0));

        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        assertTrue(Files.exists(wal));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(wal));
    }

    @Test
    void eventsSurviveReopen() {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(3, T0);
        append(bodies);
        store.close();

        store = ReceiverStore.open(file);

        assertEquals(bodies, store.queryBodies(EventQuery.all()));
    }

    @Test
    void newerSchemaRejected() throws Exception {
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 3");
        }

        SealDropException e = assertThrows(SealDropException.class, () -> ReceiverStore.open(file));

        assertEquals("SD-AUDIT-STORE", e.errorCode());
        store = ReceiverStore.open(folder.resolve("fresh.db"));
    }

    @Test
    void versionOneDatabaseGainsKeyTables() throws Exception {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(2, T0);
        append(bodies.subList(0, 1));
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE device_keys");
            statement.execute("DROP TABLE rejected_events");
            statement.execute("PRAGMA user_version = 1");
        }

        store = ReceiverStore.open(file);
        append(bodies.subList(1, 2));

        ChainReport report = store.verifyChain("pc-1");
        assertEquals(2, report.eventCount());
        assertTrue(report.pinnedKey() != null, "the first event after the upgrade pins the key");
        assertTrue(report.intact(), report.toString());
    }

    @Test
    void timeBoundsRoundSubMillisecondsUp() {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(3, T0);
        append(bodies);

        List<String> fromInside = store.queryBodies(new EventQuery(null, null, null, null,
                T0.plusNanos(500_000), null, 10));
        List<String> toInside = store.queryBodies(new EventQuery(null, null, null, null,
                null, T0.plusSeconds(1).plusNanos(1), 10));

        assertEquals(bodies.subList(1, 3), fromInside);
        assertEquals(bodies.subList(0, 2), toInside);
    }

    @Test
    void intactChain() {
        append(new EventChain("m.jones", "pc-1").next(5, T0));

        ChainReport report = store.verifyChain("pc-1");

        assertTrue(report.intact(), report.toString());
        assertEquals(5, report.eventCount());
        assertEquals(5, report.lastSequence());
    }

    @Test
    void gapIsReported() {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(6, T0);
        append(List.of(bodies.get(0), bodies.get(1), bodies.get(4), bodies.get(5)));

        ChainReport report = store.verifyChain("pc-1");

        assertFalse(report.intact());
        assertEquals(List.of(new SequenceGap(3, 4)), report.gaps());
        assertEquals(List.of(), report.brokenLinks());
    }

    @Test
    void missingStartIsGap() {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(3, T0);
        append(bodies.subList(2, 3));

        assertEquals(List.of(new SequenceGap(1, 2)), store.verifyChain("pc-1").gaps());
    }

    @Test
    void alteredEventIsRejectedOnReceipt() {
        List<String> bodies = new ArrayList<>(new EventChain("m.jones", "pc-1").next(3, T0));
        bodies.set(1, bodies.get(1).replace("\"action\":\"open\"", "\"action\":\"verify\""));
        AppendResult result = append(bodies);

        ChainReport report = store.verifyChain("pc-1");

        assertEquals(List.of(new AppendResult.Rejection(EventChain.eventId(bodies.get(1)), "bad_signature")),
                result.rejected());
        assertEquals(2, report.eventCount());
        assertEquals(List.of(new SequenceGap(2, 2)), report.gaps());
        assertEquals(1, report.rejectedEvents().size());
        assertEquals(2, report.rejectedEvents().get(0).sequence());
        assertEquals("bad_signature", report.rejectedEvents().get(0).error());
        assertFalse(report.intact());
    }

    @Test
    void retriedRejectionIsKeptOnce() {
        List<String> bodies = new ArrayList<>(new EventChain("m.jones", "pc-1").next(2, T0));
        bodies.set(1, bodies.get(1).replace("\"action\":\"open\"", "\"action\":\"verify\""));
        append(bodies);

        append(bodies.subList(1, 2));

        assertEquals(1, store.verifyChain("pc-1").rejectedEvents().size());
    }

    @Test
    void firstEventPinsKey() {
        EventChain chain = new EventChain("m.jones", "pc-1");
        append(chain.next(2, T0));

        ChainReport report = store.verifyChain("pc-1");

        assertEquals(chain.key().publicKeyBase64(), report.pinnedKey());
        assertTrue(report.intact(), report.toString());
    }

    @Test
    void otherKeyForPinnedDeviceIsRejected() {
        EventChain device = new EventChain("m.jones", "pc-1");
        append(device.next(2, T0));
        EventChain impostor = new EventChain("m.jones", "pc-1");

        AppendResult result = append(impostor.next(1, T0.plusSeconds(10)));

        assertEquals(List.of(), result.stored());
        assertEquals("key_mismatch", result.rejected().get(0).error());
        ChainReport report = store.verifyChain("pc-1");
        assertEquals(device.key().publicKeyBase64(), report.pinnedKey());
        assertEquals(2, report.eventCount());
        assertEquals("key_mismatch", report.rejectedEvents().get(0).error());
    }

    @Test
    void pinsAreAppendOnly() throws Exception {
        append(new EventChain("m.jones", "pc-1").next(1, T0));

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE device_keys SET public_key = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        }
    }

    @Test
    void forkedChainIsConflict() {
        EventChain original = new EventChain("m.jones", "pc-1");
        List<String> shared = original.next(2, T0);
        // A restored index keeps the home folder's signing key.
        EventChain restored = new EventChain("m.jones", "pc-1", original.key());
        restored.next(AuditAction.OPEN, UUID.randomUUID(), T0);
        // Sequence 2 a second time, linked to a first event the receiver never saw.
        String fork = restored.next(AuditAction.LOCK, null, T0.plusSeconds(60));
        append(shared);
        append(List.of(fork));

        ChainReport report = store.verifyChain("pc-1");

        assertEquals(List.of(2L), report.conflictingSequences());
        assertEquals(List.of(2L), report.brokenLinks());
    }

    @Test
    void devicesAreCheckedSeparately() {
        append(new EventChain("m.jones", "pc-1").next(2, T0));
        append(new EventChain("m.jones", "pc-2").next(3, T0));

        assertEquals(2, store.verifyChain("pc-1").eventCount());
        assertEquals(3, store.verifyChain("pc-2").eventCount());
        assertEquals(0, store.verifyChain("pc-3").eventCount());
    }

    private AppendResult append(List<String> bodies) {
        try {
            return store.append(EventBatchParser.parse(EventChain.batch(bodies).getBytes(StandardCharsets.UTF_8)));
        } catch (BadRequestException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}

package org.sealdrop.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

class DatabaseTest {

    @TempDir
    Path temp;

    @Test
    void connectionsUseWalAndBusyTimeout() throws Exception {
        Database database = Database.open(temp.resolve("index.db"));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertEquals("wal", single(statement, "PRAGMA journal_mode"));
            assertEquals(String.valueOf(Database.BUSY_TIMEOUT_MILLIS), single(statement, "PRAGMA busy_timeout"));
        }
    }

    @Test
    void openingTwiceAppliesEachMigrationOnce() throws Exception {
        Path file = temp.resolve("index.db");
        Database.open(file);
        Database database = Database.open(file);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertEquals(String.valueOf(Migrations.latestVersion()), single(statement, "SELECT COUNT(*) FROM schema_version"));
            assertEquals(String.valueOf(Migrations.latestVersion()), single(statement, "SELECT MAX(version) FROM schema_version"));
        }
    }

    @Test
    void indexFromNewerSealDropIsRejected() throws Exception {
        Path file = temp.resolve("index.db");
        Database database = Database.open(file);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (999, 'later')");
        }
        SealDropException e = assertThrows(SealDropException.class, () -> Database.open(file));
        assertEquals("SD-INDEX-OPEN", e.errorCode());
    }

    @Test
    void commitWithoutSyncRelaxesOnlyItsOwnConnection() throws Exception {
        Database database = Database.open(temp.resolve("index.db"));
        DocumentIndex index = new DocumentIndex(database);
        DocumentRecord record = record(UUID.randomUUID());

        String relaxed = database.inTransactionWithoutSync(connection -> {
            index.insert(connection, record);
            return synchronous(connection);
        });
        String full = database.inTransaction(DatabaseTest::synchronous);

        assertEquals("1", relaxed, "NORMAL");
        assertEquals("2", full, "FULL");
        assertTrue(index.find(record.id()).isPresent());
    }

    @Test
    void failedTransactionLeavesNoRow() {
        Database database = Database.open(temp.resolve("index.db"));
        DocumentIndex index = new DocumentIndex(database);
        DocumentRecord record = record(UUID.randomUUID());
        assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
            index.insert(connection, record);
            throw new IllegalStateException("upload event could not be written");
        }));
        assertTrue(index.find(record.id()).isEmpty());
    }

    @Test
    void insertedRowReadsBack() {
        Database database = Database.open(temp.resolve("index.db"));
        DocumentIndex index = new DocumentIndex(database);
        DocumentRecord record = record(UUID.randomUUID());
        database.inTransaction(connection -> {
            index.insert(connection, record);
            return null;
        });
        DocumentRecord read = index.find(record.id()).orElseThrow();
        assertEquals(record.objectKey(), read.objectKey());
        assertEquals(record.ciphertextSize(), read.ciphertextSize());
        assertEquals(DocumentStatus.UPLOADED, read.status());
        assertEquals(1, index.list().size());
    }

    static DocumentRecord record(UUID id) {
        Instant now = Instant.parse("2026-12-04T10:15:30Z");
        return new DocumentRecord(id, "clinic/objects/" + id, 10, 100, DocumentStatus.UPLOADED, 1,
                new byte[65], new byte[200], now, now);
    }

    private static String synchronous(Connection connection) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA synchronous")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

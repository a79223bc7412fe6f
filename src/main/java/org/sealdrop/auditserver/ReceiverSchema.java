package org.sealdrop.auditserver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sealdrop.SealDropException;

/**
 * The tables of the receiver's SQLite file and their migrations, tracked in {@code PRAGMA user_version}.
 * Version 1 has the events, and version 2 adds the pinned device keys and the rejected events.
 */
final class ReceiverSchema {

    static final int SCHEMA_VERSION = 2;

    private static final String SCHEMA = """
            CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                device_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                time TEXT NOT NULL,
                user TEXT NOT NULL,
                action TEXT NOT NULL,
                document_id TEXT,
                outcome TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                body TEXT NOT NULL,
                received_at TEXT NOT NULL
            );
            CREATE INDEX events_time ON events (time, sequence);
            CREATE INDEX events_document ON events (document_id, time);
            CREATE INDEX events_device ON events (device_id, sequence);
            CREATE INDEX events_user ON events (user, time);
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END
            """;

    /** Version 2 adds the pinned device keys and the events rejected on receipt. */
    private static final String SCHEMA_2 = """
            CREATE TABLE device_keys (
                device_id TEXT PRIMARY KEY,
                public_key TEXT NOT NULL,
                first_event_id TEXT NOT NULL,
                pinned_at TEXT NOT NULL
            );
            CREATE TRIGGER device_keys_no_update BEFORE UPDATE ON device_keys
                BEGIN SELECT RAISE(ABORT, 'pinned device keys are append-only'); END;
            CREATE TRIGGER device_keys_no_delete BEFORE DELETE ON device_keys
                BEGIN SELECT RAISE(ABORT, 'pinned device keys are append-only'); END;
            CREATE TABLE rejected_events (
                event_id TEXT NOT NULL,
                body_hash TEXT NOT NULL,
                device_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                error TEXT NOT NULL,
                public_key TEXT NOT NULL,
                body TEXT NOT NULL,
                first_received_at TEXT NOT NULL,
                PRIMARY KEY (event_id, body_hash)
            );
            CREATE INDEX rejected_events_device ON rejected_events (device_id, sequence);
            CREATE TRIGGER rejected_events_no_update BEFORE UPDATE ON rejected_events
                BEGIN SELECT RAISE(ABORT, 'rejected events are append-only'); END;
            CREATE TRIGGER rejected_events_no_delete BEFORE DELETE ON rejected_events
                BEGIN SELECT RAISE(ABORT, 'rejected events are append-only'); END
            """;

    private ReceiverSchema() {
    }

    /**
     * Creates or upgrades the schema of {@code connection}'s file.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the file was written by a newer receiver
     */
    static void migrate(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            int version;
            try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
                version = row.next() ? row.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SealDropException("SD-AUDIT-STORE", "The audit database " + file + " has schema version "
                        + version + ", newer than this receiver's " + SCHEMA_VERSION + "; run the newer receiver.");
            }
            if (version < SCHEMA_VERSION) {
                connection.setAutoCommit(false);
                if (version < 1) {
                    executeAll(statement, SCHEMA);
                }
                executeAll(statement, SCHEMA_2);
                statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Checks, without changing anything, that {@code connection}'s file contains this receiver's current
     * schema, so that reading it for an investigation never alters the evidence.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the file is not an audit receiver
     *     database, or was written by an older or newer receiver
     */
    static void requireCurrent(Connection connection, Path file) throws SQLException {
        int version;
        boolean hasEvents;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
                version = row.next() ? row.getInt(1) : 0;
            }
            try (ResultSet row = statement.executeQuery(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'")) {
                hasEvents = row.next() && row.getInt(1) == 1;
            }
        }
        if (version == 0 || !hasEvents) {
            throw new SealDropException("SD-AUDIT-STORE", "The file " + file + " is not an audit receiver database;"
                    + " pass the --db file of `sealdrop audit-server`, or a copy made with sqlite3's .backup command.");
        }
        if (version != SCHEMA_VERSION) {
            throw new SealDropException("SD-AUDIT-STORE", "The audit database " + file + " has schema version "
                    + version + ", and this SealDrop reads version " + SCHEMA_VERSION + "; use the SealDrop version"
                    + " of the receiver that wrote it, or open a copy once with this version's audit-server to upgrade it.");
        }
    }

    private static void executeAll(Statement statement, String script) throws SQLException {
        for (String sql : script.split(";\\s*\\n(?=CREATE)")) {
            statement.execute(sql);
        }
    }
}

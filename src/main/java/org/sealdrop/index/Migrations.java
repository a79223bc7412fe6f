package org.sealdrop.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema versions of the index. Each entry upgrades the schema by one version; applied versions are
 * recorded in {@code schema_version}, so an index from an older SealDrop is upgraded in place and an
 * index from a newer SealDrop is rejected instead of being damaged.
 *
 * <p>Clear columns hold only ids, sizes, states, times, key versions and keyed content tags. Names, media types and
 * patient references live in {@code header}, the object's header with its metadata encrypted under
 * the document key.
 */
final class Migrations {

    private static final List<String> VERSIONS = List.of(
            // Version 1: documents, the audit outbox and the device's audit chain head.
            """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                object_key TEXT NOT NULL UNIQUE,
                plaintext_size INTEGER NOT NULL,
                ciphertext_size INTEGER NOT NULL,
                status TEXT NOT NULL,
                vault_key_version INTEGER NOT NULL,
                wrapped_key BLOB NOT NULL,
                header BLOB NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX documents_created_at ON documents (created_at);
            CREATE TABLE audit_outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                created_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                last_error TEXT
            );
            CREATE TABLE audit_chain (
                device_id TEXT PRIMARY KEY,
                last_hash TEXT NOT NULL,
                last_sequence INTEGER NOT NULL
            );
            """,
            // Version 2: unfinished uploads and their accepted parts, so an upload resumes after a crash.
            // source_path is AES-GCM ciphertext under a key derived from the document key, never a clear path.
            """
            CREATE TABLE upload_sessions (
                document_id TEXT PRIMARY KEY,
                object_key TEXT NOT NULL UNIQUE,
                upload_id TEXT,
                wrapped_key BLOB NOT NULL,
                header BLOB NOT NULL,
                source_path BLOB NOT NULL,
                source_size INTEGER NOT NULL,
                source_modified TEXT NOT NULL,
                part_size INTEGER NOT NULL,
                ciphertext_size INTEGER NOT NULL,
                vault_key_version INTEGER NOT NULL,
                state TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE upload_parts (
                document_id TEXT NOT NULL REFERENCES upload_sessions (document_id) ON DELETE CASCADE,
                part_number INTEGER NOT NULL,
                size INTEGER NOT NULL,
                etag TEXT NOT NULL,
                checksum_crc32 TEXT,
                sha256 BLOB NOT NULL,
                PRIMARY KEY (document_id, part_number)
            );
            """,
            // Version 3: when the audit receiver last acknowledged a batch, kept after the outbox empties.
            """
            CREATE TABLE audit_delivery (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_delivered_at TEXT NOT NULL
            );
            """,
            // Version 4: content tags for finding duplicates. A tag is an HMAC of the plaintext SHA-256
            // under a key derived from vault key version content_tag_version, so it reveals only which
            // rows have equal content. NULL until the row's tag is computed.
            """
            ALTER TABLE documents ADD COLUMN content_tag BLOB;
            ALTER TABLE documents ADD COLUMN content_tag_version INTEGER;
            CREATE INDEX documents_content_tag ON documents (content_tag);
            """,
            // Version 5: events the audit receiver rejected (bad_signature, key_mismatch), moved out of the
            // outbox with the body exactly as sent, so IT can compare it with the receiver's copy.
            // cleared_at is set when IT cleared the rejection after looking; the row stays as evidence.
            """
            CREATE TABLE audit_rejected (
                event_id TEXT PRIMARY KEY,
                sequence INTEGER NOT NULL,
                error TEXT NOT NULL,
                rejected_at TEXT NOT NULL,
                body TEXT NOT NULL,
                cleared_at TEXT
            );
            """);

    private Migrations() {
    }

    /** Highest schema version this build knows. */
    static int latestVersion() {
        return VERSIONS.size();
    }

    /**
     * Applies the missing versions inside the caller's write transaction, which must have begun with
     * {@code BEGIN IMMEDIATE} so that two programs opening a new index cannot both create its tables.
     */
    static Void apply(Connection transaction) throws SQLException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
            int current = currentVersion(statement);
            if (current > latestVersion()) {
                throw new SQLException("The index has schema version " + current
                        + " but this SealDrop knows only up to " + latestVersion() + "; install the newer SealDrop.");
            }
            for (int version = current + 1; version <= latestVersion(); version++) {
                for (String sql : VERSIONS.get(version - 1).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
                statement.execute("INSERT INTO schema_version (version, applied_at) VALUES ("
                        + version + ", strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
            }
        }
        return null;
    }

    private static int currentVersion(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}

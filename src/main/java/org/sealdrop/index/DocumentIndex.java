package org.sealdrop.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries and writes of the {@code documents} table. */
public final class DocumentIndex {

    private static final String COLUMNS = "id, object_key, plaintext_size, ciphertext_size, status, vault_key_version,"
            + " wrapped_key, header, created_at, updated_at";

    private final Database database;

    public DocumentIndex(Database database) {
        this.database = database;
    }

    /** Inserts {@code record} inside the caller's transaction, so the audit event of the upload lands with it. */
    public void insert(Connection transaction, DocumentRecord record) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO documents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, record);
            insert.executeUpdate();
        }
    }

    /**
     * Inserts {@code record} inside the caller's transaction unless a row with its id or object key
     * exists. An existing row is left unchanged.
     *
     * @return whether the row was inserted
     */
    public boolean insertIfAbsent(Connection transaction, DocumentRecord record) throws SQLException {
        // ON CONFLICT DO NOTHING skips only uniqueness conflicts, while INSERT OR IGNORE would also skip NOT NULL violations.
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO documents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            bind(insert, record);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Deletes the row of document {@code id} if it still has {@code objectKey}, inside the caller's
     * transaction.
     *
     * @return whether a row was deleted
     */
    public boolean delete(Connection transaction, UUID id, String objectKey) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement(
                "DELETE FROM documents WHERE id = ? AND object_key = ?")) {
            delete.setString(1, id.toString());
            delete.setString(2, objectKey);
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * Deletes every document row inside the caller's transaction. The audit outbox and chain are in
     * other tables and stay as they are.
     *
     * @return the number of rows deleted
     */
    public int deleteAll(Connection transaction) throws SQLException {
        try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM documents")) {
            return delete.executeUpdate();
        }
    }

    public void updateStatus(Connection transaction, UUID id, DocumentStatus status, Instant now) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE documents SET status = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, status.label());
            update.setString(2, now.toString());
            update.setString(3, id.toString());
            update.executeUpdate();
        }
    }

    /**
     * Replaces the wrapped document key of row {@code id} after a vault key rotation re-wrapped it.
     *
     * @return whether the row exists; this computer's index lists only some of the bucket's documents
     */
    public boolean updateWrappedKey(Connection transaction, UUID id, int vaultKeyVersion, byte[] wrappedKey, Instant now)
            throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE documents SET vault_key_version = ?, wrapped_key = ?, updated_at = ? WHERE id = ?")) {
            update.setInt(1, vaultKeyVersion);
            update.setBytes(2, wrappedKey);
            update.setString(3, now.toString());
            update.setString(4, id.toString());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Stores the content tag of row {@code id} inside the caller's transaction.
     *
     * @param tag HMAC of the plaintext SHA-256 under the content tag key of {@code vaultKeyVersion}
     * @return whether the row exists
     */
    public boolean setContentTag(Connection transaction, UUID id, byte[] tag, int vaultKeyVersion) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE documents SET content_tag = ?, content_tag_version = ? WHERE id = ?")) {
            update.setBytes(1, tag);
            update.setInt(2, vaultKeyVersion);
            update.setString(3, id.toString());
            return update.executeUpdate() == 1;
        }
    }

    /** Returns the rows without a content tag under vault key version {@code vaultKeyVersion}, oldest first. */
    public List<DocumentRecord> withoutContentTag(int vaultKeyVersion) {
        return database.read(connection -> {
            List<DocumentRecord> records = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM documents"
                    + " WHERE content_tag IS NULL OR content_tag_version IS NOT ? ORDER BY created_at, id")) {
                query.setInt(1, vaultKeyVersion);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        records.add(toRecord(rows));
                    }
                }
            }
            return records;
        });
    }

    /** Returns the ids of rows with content tag {@code tag} under vault key version {@code vaultKeyVersion}, oldest first. */
    public List<UUID> findByContentTag(byte[] tag, int vaultKeyVersion) {
        return database.read(connection -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM documents"
                    + " WHERE content_tag = ? AND content_tag_version = ? ORDER BY created_at, id")) {
                query.setBytes(1, tag);
                query.setInt(2, vaultKeyVersion);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(UUID.fromString(rows.getString("id")));
                    }
                }
            }
            return ids;
        });
    }

    public Optional<DocumentRecord> find(UUID id) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
                query.setString(1, id.toString());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(toRecord(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Returns all rows, newest first. */
    public List<DocumentRecord> list() {
        return database.read(connection -> {
            List<DocumentRecord> records = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM documents ORDER BY created_at DESC, id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(toRecord(rows));
                }
            }
            return records;
        });
    }

    /** Returns the object key of every row, mapped to the row's document id. Reads no headers or keys. */
    public Map<String, UUID> objectKeys() {
        return database.read(connection -> {
            Map<String, UUID> keys = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, object_key FROM documents");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getString("object_key"), UUID.fromString(rows.getString("id")));
                }
            }
            return keys;
        });
    }

    private static void bind(PreparedStatement insert, DocumentRecord record) throws SQLException {
        insert.setString(1, record.id().toString());
        insert.setString(2, record.objectKey());
        insert.setLong(3, record.plaintextSize());
        insert.setLong(4, record.ciphertextSize());
        insert.setString(5, record.status().label());
        insert.setInt(6, record.vaultKeyVersion());
        insert.setBytes(7, record.wrappedKey());
        insert.setBytes(8, record.header());
        insert.setString(9, record.createdAt().toString());
        insert.setString(10, record.updatedAt().toString());
    }

    private static DocumentRecord toRecord(ResultSet rows) throws SQLException {
        return new DocumentRecord(
                UUID.fromString(rows.getString("id")),
                rows.getString("object_key"),
                rows.getLong("plaintext_size"),
                rows.getLong("ciphertext_size"),
                DocumentStatus.fromLabel(rows.getString("status")),
                rows.getInt("vault_key_version"),
                rows.getBytes("wrapped_key"),
                rows.getBytes("header"),
                Instant.parse(rows.getString("created_at")),
                Instant.parse(rows.getString("updated_at")));
    }
}

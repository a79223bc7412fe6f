package org.sealdrop.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queries and writes of {@code upload_sessions} and {@code upload_parts}. Each write without a
 * {@code Connection} argument is its own transaction, so a part row is durable as soon as the call returns.
 */
public final class UploadSessions {

    private static final String COLUMNS = "document_id, object_key, upload_id, wrapped_key, header, source_path,"
            + " source_size, source_modified, part_size, ciphertext_size, vault_key_version, state, created_at";

    private final Database database;

    public UploadSessions(Database database) {
        this.database = database;
    }

    /** Inserts a new session. */
    public void insert(UploadSession session) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO upload_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.documentId().toString());
                insert.setString(2, session.objectKey());
                insert.setString(3, session.uploadId());
                insert.setBytes(4, session.wrappedKey());
                insert.setBytes(5, session.header());
                insert.setBytes(6, session.sealedSourcePath());
                insert.setLong(7, session.sourceSize());
                insert.setString(8, session.sourceModified().toString());
                insert.setLong(9, session.partSize());
                insert.setLong(10, session.ciphertextSize());
                insert.setInt(11, session.vaultKeyVersion());
                insert.setString(12, session.state());
                insert.setString(13, session.createdAt().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Records a new multipart upload of the session and deletes the part rows of any earlier one. */
    public void startMultipart(UUID documentId, String uploadId, long partSize) {
        database.inTransaction(connection -> {
            deleteParts(connection, documentId);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE upload_sessions SET upload_id = ?, part_size = ?, state = ? WHERE document_id = ?")) {
                update.setString(1, uploadId);
                update.setLong(2, partSize);
                update.setString(3, UploadSession.SENDING);
                update.setString(4, documentId.toString());
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records a part that S3 accepted, replacing an earlier row of the same part number. The commit does
     * not wait for the disk: a row that a power loss undoes only means that a resume sends that part
     * again, because a resume skips only the parts it finds both here and in S3's part list. That saves
     * one sync per part (128 per GiB at 8 MiB parts).
     */
    public void recordPart(UUID documentId, UploadPartRecord part) {
        database.inTransactionWithoutSync(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO upload_parts"
                    + " (document_id, part_number, size, etag, checksum_crc32, sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, documentId.toString());
                insert.setInt(2, part.partNumber());
                insert.setLong(3, part.size());
                insert.setString(4, part.eTag());
                if (part.checksumCrc32() == null) {
                    insert.setNull(5, Types.VARCHAR);
                } else {
                    insert.setString(5, part.checksumCrc32());
                }
                insert.setBytes(6, part.sha256());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<UploadSession> find(UUID documentId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM upload_sessions WHERE document_id = ?")) {
                query.setString(1, documentId.toString());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(toSession(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Returns every session, oldest first. */
    public List<UploadSession> list() {
        return database.read(connection -> {
            List<UploadSession> sessions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM upload_sessions ORDER BY created_at, document_id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sessions.add(toSession(rows));
                }
            }
            return sessions;
        });
    }

    /** Returns the session's part rows in part-number order. */
    public List<UploadPartRecord> parts(UUID documentId) {
        return database.read(connection -> {
            List<UploadPartRecord> parts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT part_number, size, etag, checksum_crc32,"
                    + " sha256 FROM upload_parts WHERE document_id = ? ORDER BY part_number")) {
                query.setString(1, documentId.toString());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        parts.add(new UploadPartRecord(rows.getInt(1), rows.getLong(2), rows.getString(3),
                                rows.getString(4), rows.getBytes(5)));
                    }
                }
            }
            return parts;
        });
    }

    /** Deletes the session and its parts inside the caller's transaction, such as the one that lists the document. */
    public void delete(Connection transaction, UUID documentId) throws SQLException {
        deleteParts(transaction, documentId);
        try (PreparedStatement delete = transaction.prepareStatement(
                "DELETE FROM upload_sessions WHERE document_id = ?")) {
            delete.setString(1, documentId.toString());
            delete.executeUpdate();
        }
    }

    /** Deletes the session and its parts. */
    public void delete(UUID documentId) {
        database.inTransaction(connection -> {
            delete(connection, documentId);
            return null;
        });
    }

    private static void deleteParts(Connection connection, UUID documentId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM upload_parts WHERE document_id = ?")) {
            delete.setString(1, documentId.toString());
            delete.executeUpdate();
        }
    }

    private static UploadSession toSession(ResultSet rows) throws SQLException {
        return new UploadSession(
                UUID.fromString(rows.getString("document_id")),
                rows.getString("object_key"),
                rows.getString("upload_id"),
                rows.getBytes("wrapped_key"),
                rows.getBytes("header"),
                rows.getBytes("source_path"),
                rows.getLong("source_size"),
                Instant.parse(rows.getString("source_modified")),
                rows.getLong("part_size"),
                rows.getLong("ciphertext_size"),
                rows.getInt("vault_key_version"),
                rows.getString("state"),
                Instant.parse(rows.getString("created_at")));
    }
}

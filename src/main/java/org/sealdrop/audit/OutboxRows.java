package org.sealdrop.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL on the {@code audit_outbox} table. Times are stored as {@link WireTime} text, so comparing the
 * text compares the times.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    /** One outbox row as the sender needs it. */
    record PendingEvent(long seq, String eventId, String body, int attempts) {
    }

    static void insert(Connection connection, UUID eventId, String body, Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_outbox (event_id, body, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, eventId.toString());
            insert.setString(2, body);
            insert.setString(3, WireTime.format(createdAt));
            insert.executeUpdate();
        }
    }

    /**
     * Returns up to {@code limit} rows in recording order. With {@code dueAt} set, only rows whose
     * backoff has passed by then; with null, all rows.
     */
    static List<PendingEvent> oldest(Connection connection, Instant dueAt, int limit) throws SQLException {
        String sql = "SELECT seq, event_id, body, attempts FROM audit_outbox"
                + (dueAt == null ? "" : " WHERE next_attempt_at IS NULL OR next_attempt_at <= ?")
                + " ORDER BY seq LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (dueAt != null) {
                select.setString(index++, WireTime.format(dueAt));
            }
            select.setInt(index, limit);
            List<PendingEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
            return events;
        }
    }

    /** Deletes the rows of acknowledged events and returns how many were deleted. */
    static int deleteAcknowledged(Connection connection, Collection<String> eventIds) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_outbox WHERE event_id = ?")) {
            for (String eventId : eventIds) {
                delete.setString(1, eventId);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    /** Counts a failed delivery on each row and schedules the next attempt. */
    static void markFailed(Connection connection, Collection<PendingEvent> events, Instant nextAttemptAt,
            String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_outbox"
                + " SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE seq = ?")) {
            for (PendingEvent event : events) {
                update.setString(1, WireTime.format(nextAttemptAt));
                update.setString(2, error);
                update.setLong(3, event.seq());
                update.executeUpdate();
            }
        }
    }

    static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM audit_outbox")) {
            row.next();
            return row.getLong(1);
        }
    }

    static Optional<Instant> oldestCreatedAt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MIN(created_at) FROM audit_outbox")) {
            row.next();
            String text = row.getString(1);
            return text == null ? Optional.empty() : Optional.of(WireTime.parse(text));
        }
    }

    /** Stores {@code deliveredAt} as the time of the last acknowledged batch. */
    static void markDelivered(Connection connection, Instant deliveredAt) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO audit_delivery (id, last_delivered_at)"
                + " VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_delivered_at = excluded.last_delivered_at")) {
            upsert.setString(1, WireTime.format(deliveredAt));
            upsert.executeUpdate();
        }
    }

    static Optional<Instant> lastDeliveredAt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT last_delivered_at FROM audit_delivery WHERE id = 1")) {
            return row.next() ? Optional.of(WireTime.parse(row.getString(1))) : Optional.empty();
        }
    }

    static boolean contains(Connection connection, UUID eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM audit_outbox WHERE event_id = ?")) {
            select.setString(1, eventId.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Returns the error of the most recent failed delivery among pending events, such as {@code HTTP 401}. */
    static Optional<String> lastError(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT last_error FROM audit_outbox WHERE last_error IS NOT NULL ORDER BY seq DESC LIMIT 1")) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        }
    }
}

package org.sealdrop.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.audit.OutboxRows.PendingEvent;

/**
 * SQL on the {@code audit_rejected} table: events that the audit receiver rejected for their
 * signature, moved out of the outbox with the body exactly as sent. Rows are never deleted; clearing
 * a rejection only sets {@code cleared_at}, so the evidence stays for IT.
 */
final class RejectedRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RejectedRows() {
    }

    /**
     * Moves {@code event} from the outbox to the rejected table. Call it inside the transaction that
     * deletes the acknowledged events of the same batch.
     */
    static void moveFromOutbox(Connection connection, PendingEvent event, String error, Instant rejectedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_rejected"
                + " (event_id, sequence, error, rejected_at, body) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING")) {
            insert.setString(1, event.eventId());
            insert.setLong(2, sequenceOf(event.body()));
            insert.setString(3, error);
            insert.setString(4, WireTime.format(rejectedAt));
            insert.setString(5, event.body());
            insert.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_outbox WHERE seq = ?")) {
            delete.setLong(1, event.seq());
            delete.executeUpdate();
        }
    }

    /** Counts the rejections that IT has not cleared yet. */
    static long countUncleared(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT COUNT(*) FROM audit_rejected WHERE cleared_at IS NULL")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Returns the error of the most recent rejection not cleared yet, such as {@code key_mismatch}. */
    static Optional<String> latestUnclearedError(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT error FROM audit_rejected WHERE cleared_at IS NULL"
                        + " ORDER BY rejected_at DESC, sequence DESC LIMIT 1")) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    static boolean contains(Connection connection, UUID eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM audit_rejected WHERE event_id = ?")) {
            select.setString(1, eventId.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Marks every uncleared rejection as cleared at {@code clearedAt} and returns how many it marked. */
    static int clearAll(Connection connection, Instant clearedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_rejected SET cleared_at = ? WHERE cleared_at IS NULL")) {
            update.setString(1, WireTime.format(clearedAt));
            return update.executeUpdate();
        }
    }

    /** Returns every row, cleared or not, in sequence order. */
    static List<RejectedEvent> all(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT event_id, sequence, error, rejected_at, body,"
                        + " cleared_at FROM audit_rejected ORDER BY sequence, event_id")) {
            List<RejectedEvent> events = new ArrayList<>();
            while (rows.next()) {
                String cleared = rows.getString(6);
                events.add(new RejectedEvent(rows.getString(1), rows.getLong(2), rows.getString(3),
                        WireTime.parse(rows.getString(4)), rows.getString(5),
                        cleared == null ? Optional.empty() : Optional.of(WireTime.parse(cleared))));
            }
            return events;
        }
    }

    /** Reads {@code sequence} from a body the device signed itself; -1 when the body has none. */
    private static long sequenceOf(String body) {
        try {
            JsonNode sequence = MAPPER.readTree(body).get("sequence");
            return sequence != null && sequence.canConvertToLong() ? sequence.asLong() : -1;
        } catch (IOException e) {
            // An outbox body altered into invalid JSON would have made the receiver respond with 400, not reject it.
            return -1;
        }
    }
}

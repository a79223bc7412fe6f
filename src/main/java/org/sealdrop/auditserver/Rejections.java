package org.sealdrop.auditserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sealdrop.audit.AuditEventJson;
import org.sealdrop.auditserver.ChainReport.RejectedEvent;

/**
 * SQL on the {@code rejected_events} table: events rejected on receipt, kept as evidence for the chain
 * report. A client retries a rejected event, so each distinct body of an event id is kept once.
 */
final class Rejections {

    /** The signature does not verify under the event's own public key. */
    static final String BAD_SIGNATURE = "bad_signature";
    /** The event's public key differs from the key pinned for its device id. */
    static final String KEY_MISMATCH = "key_mismatch";

    private Rejections() {
    }

    static void insert(Connection connection, ReceivedEvent event, String error, String receivedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rejected_events (event_id,"
                + " body_hash, device_id, sequence, error, public_key, body, first_received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, body_hash) DO NOTHING")) {
            insert.setString(1, event.eventId());
            insert.setString(2, AuditEventJson.hash(event.body()));
            insert.setString(3, event.deviceId());
            insert.setLong(4, event.sequence());
            insert.setString(5, error);
            insert.setString(6, event.publicKey());
            insert.setString(7, event.body());
            insert.setString(8, receivedAt);
            insert.executeUpdate();
        }
    }

    static List<RejectedEvent> forDevice(Connection connection, String deviceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT event_id, sequence, error,"
                + " first_received_at FROM rejected_events WHERE device_id = ?"
                + " ORDER BY sequence, first_received_at, event_id")) {
            select.setString(1, deviceId);
            List<RejectedEvent> rejected = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rejected.add(new RejectedEvent(rows.getString(1), rows.getLong(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
            return rejected;
        }
    }
}

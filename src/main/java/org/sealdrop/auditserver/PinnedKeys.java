package org.sealdrop.auditserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SQL on the {@code device_keys} table: the public key pinned for each device id by the first validly
 * signed event the receiver stored from it. Pins are append-only, like events.
 */
final class PinnedKeys {

    private PinnedKeys() {
    }

    /** Returns the base64 public key pinned for {@code deviceId}, or empty before its first event. */
    static Optional<String> find(Connection connection, String deviceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT public_key FROM device_keys WHERE device_id = ?")) {
            select.setString(1, deviceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Pins {@code publicKey} to {@code deviceId}; the caller checked that no key is pinned yet. */
    static void pin(Connection connection, ReceivedEvent firstEvent, String pinnedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device_keys"
                + " (device_id, public_key, first_event_id, pinned_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, firstEvent.deviceId());
            insert.setString(2, firstEvent.publicKey());
            insert.setString(3, firstEvent.eventId());
            insert.setString(4, pinnedAt);
            insert.executeUpdate();
        }
    }
}

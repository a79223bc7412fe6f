package org.sealdrop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs the outbox events that a SealDrop version without signatures recorded and did not deliver.
 * The receiver rejects unsigned events, so without this step they would stay in the outbox forever.
 *
 * <p>Each such event is signed as it is, and the {@code previousHash} of a pending event whose
 * predecessor was re-signed here is moved to the predecessor's new body hash, so the chain stays
 * linked. The first pending event keeps its {@code previousHash}: the hash of the last event the
 * receiver already has, unsigned.
 */
final class UnsignedOutbox {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UnsignedOutbox() {
    }

    /** One pending row and its event. */
    private record Row(long seq, AuditEvent event, boolean signed, String body) {
    }

    /** Signs every unsigned outbox event with {@code key}; returns how many it signed. */
    static int signAll(Connection transaction, DeviceSigningKey key) throws SQLException {
        List<Row> rows = pendingRows(transaction);
        if (rows.stream().allMatch(Row::signed)) {
            return 0;
        }

        // Old body hash to new body hash, for the links of the rows after a re-signed one.
        Map<String, String> newHashes = new HashMap<>();
        int signed = 0;
        for (Row row : rows) {
            AuditEvent event = row.event();
            String previousHash = newHashes.getOrDefault(event.previousHash(), event.previousHash());
            if (row.signed() && previousHash.equals(event.previousHash())) {
                continue;
            }
            AuditEvent relinked = new AuditEvent(event.eventId(), event.time(), event.user(), event.deviceId(),
                    event.action(), event.documentId(), event.outcome(), event.reason(), event.appVersion(),
                    event.sequence(), previousHash);
            String body = EventSignatures.signedBody(relinked, key);
            newHashes.put(AuditEventJson.hash(row.body()), AuditEventJson.hash(body));
            updateBody(transaction, row.seq(), body);
            signed++;
        }
        moveChainHeads(transaction, newHashes);
        return signed;
    }

    private static List<Row> pendingRows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, body FROM audit_outbox ORDER BY seq");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                String body = result.getString(2);
                rows.add(new Row(result.getLong(1), AuditEventJson.parse(body), isSigned(body), body));
            }
        }
        return rows;
    }

    private static boolean isSigned(String body) {
        try {
            return MAPPER.readTree(body).has("signature");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static void updateBody(Connection connection, long seq, String body) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_outbox SET body = ? WHERE seq = ?")) {
            update.setString(1, body);
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private static void moveChainHeads(Connection connection, Map<String, String> newHashes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_chain SET last_hash = ? WHERE last_hash = ?")) {
            for (Map.Entry<String, String> change : newHashes.entrySet()) {
                update.setString(1, change.getValue());
                update.setString(2, change.getKey());
                update.executeUpdate();
            }
        }
    }
}

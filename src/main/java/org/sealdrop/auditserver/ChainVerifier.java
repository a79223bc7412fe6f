package org.sealdrop.auditserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.AuditEventJson;
import org.sealdrop.auditserver.ChainReport.SequenceGap;

/**
 * Walks one device's stored events in sequence order and checks that each carries the SHA-256 of the
 * stored body before it. Bodies are hashed exactly as received, so the check holds for any client
 * that hashes the bytes it sends.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    static ChainReport verify(Connection connection, String deviceId) throws SQLException {
        long eventCount = 0;
        long lastSequence = 0;
        List<String> lastHashes = new ArrayList<>();
        List<String> hashesBefore = new ArrayList<>();
        List<SequenceGap> gaps = new ArrayList<>();
        List<Long> brokenLinks = new ArrayList<>();
        List<Long> conflicts = new ArrayList<>();

        try (PreparedStatement select = connection.prepareStatement("SELECT sequence, previous_hash, body"
                + " FROM events WHERE device_id = ? ORDER BY sequence, event_id")) {
            select.setString(1, deviceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    String previousHash = rows.getString(2);
                    String body = rows.getString(3);
                    eventCount++;

                    if (sequence == lastSequence) {
                        if (conflicts.isEmpty() || conflicts.get(conflicts.size() - 1) != sequence) {
                            conflicts.add(sequence);
                        }
                    } else {
                        if (sequence > lastSequence + 1) {
                            gaps.add(new SequenceGap(lastSequence + 1, sequence - 1));
                        }
                        // The hashes of sequence - 1 exist only when no gap came between.
                        hashesBefore = sequence == lastSequence + 1 ? lastHashes : List.of();
                        if (sequence == 1) {
                            hashesBefore = List.of(AuditEvent.FIRST_PREVIOUS_HASH);
                        }
                        lastHashes = new ArrayList<>();
                        lastSequence = sequence;
                    }

                    boolean predecessorStored = !hashesBefore.isEmpty();
                    if (predecessorStored && !hashesBefore.contains(previousHash)) {
                        brokenLinks.add(sequence);
                    }
                    lastHashes.add(AuditEventJson.hash(body));
                }
            }
        }
        return new ChainReport(deviceId, eventCount, lastSequence, gaps, brokenLinks, conflicts);
    }
}

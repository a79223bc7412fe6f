package org.sealdrop.auditserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.AuditEventJson;
import org.sealdrop.audit.EventSignatures;
import org.sealdrop.auditserver.ChainReport.SequenceGap;

/**
 * Walks one device's stored events in the order of their {@code sequence} column and checks each one:
 * its signature, that its indexed columns equal its body, that its key is the pinned one, and that it
 * carries the SHA-256 of the stored body before it. Bodies are hashed exactly as stored, so the link
 * check holds for any client that hashes the bytes it sends.
 */
final class ChainVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Body fields and the indexed columns that must hold their values. */
    private static final Map<String, String> INDEXED_COLUMNS = Map.of("eventId", "event_id", "deviceId", "device_id",
            "sequence", "sequence", "time", "time", "user", "user", "action", "action", "documentId", "document_id",
            "outcome", "outcome", "previousHash", "previous_hash");

    private ChainVerifier() {
    }

    static ChainReport verify(Connection connection, String deviceId) throws SQLException {
        String pinnedKey = PinnedKeys.find(connection, deviceId).orElse(null);
        long eventCount = 0;
        long lastSequence = 0;
        List<String> lastHashes = new ArrayList<>();
        List<String> hashesBefore = new ArrayList<>();
        List<SequenceGap> gaps = new ArrayList<>();
        List<Long> brokenLinks = new ArrayList<>();
        List<Long> conflicts = new ArrayList<>();
        List<Long> altered = new ArrayList<>();
        List<String> alteredIds = new ArrayList<>();
        List<Long> keyChanges = new ArrayList<>();

        try (PreparedStatement select = connection.prepareStatement("SELECT event_id, device_id, sequence, time,"
                + " user, action, document_id, outcome, previous_hash, body"
                + " FROM events WHERE device_id = ? ORDER BY sequence, event_id")) {
            select.setString(1, deviceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong("sequence");
                    String body = rows.getString("body");
                    JsonNode event = parse(body);
                    eventCount++;

                    if (event == null || !EventSignatures.verify(event) || !columnsMatch(rows, event)) {
                        addOnce(altered, sequence);
                        alteredIds.add(rows.getString("event_id"));
                    }
                    String publicKey = event == null ? null : event.path("publicKey").textValue();
                    if (pinnedKey != null && publicKey != null && !pinnedKey.equals(publicKey)) {
                        addOnce(keyChanges, sequence);
                    }

                    if (sequence == lastSequence) {
                        addOnce(conflicts, sequence);
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
                    String previousHash = event == null || !event.path("previousHash").isTextual()
                            ? rows.getString("previous_hash") : event.get("previousHash").textValue();
                    if (predecessorStored && !hashesBefore.contains(previousHash)) {
                        brokenLinks.add(sequence);
                    }
                    lastHashes.add(AuditEventJson.hash(body));
                }
            }
        }
        return new ChainReport(deviceId, eventCount, lastSequence, gaps, brokenLinks, conflicts, altered, keyChanges,
                Rejections.forDevice(connection, deviceId), pinnedKey, alteredIds);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode event = MAPPER.readTree(body);
            return event != null && event.isObject() ? event : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Tells whether the columns that queries filter on still hold the values of the signed body. */
    private static boolean columnsMatch(ResultSet row, JsonNode event) throws SQLException {
        for (Map.Entry<String, String> field : INDEXED_COLUMNS.entrySet()) {
            JsonNode value = event.path(field.getKey());
            String stored = row.getString(field.getValue());
            String signed = value.isNumber() ? value.asText() : value.textValue();
            if (!Objects.equals(stored, signed)) {
                return false;
            }
        }
        return true;
    }

    private static void addOnce(List<Long> sequences, long sequence) {
        if (sequences.isEmpty() || sequences.get(sequences.size() - 1) != sequence) {
            sequences.add(sequence);
        }
    }
}

package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.index.Database;

/**
 * Events carry no PHI. The trail API takes no document name, so the check is that each stored body
 * has exactly the documented fields and that a canary name kept next to the document never reaches
 * the outbox or the receiver's files.
 */
class AuditPhiTest {

    static final String CANARY = "CANARY-Jane-Doe-1961-02-03-referral.pdf";

    @TempDir
    Path folder;

    @Test
    void eventsCarryOnlyDocumentedFields() throws Exception {
        Database database = Database.open(folder.resolve("index.db"));
        Path keyFile = folder.resolve("device-signing-key");
        AuditTrail trail = new AuditTrail(database, new AuditIdentity("m.jones", "clinic-pc-07", "0.1.0"),
                DeviceSigningKey.loadOrCreate(keyFile), Clock.systemUTC());
        String privateKeyLine = Files.readAllLines(keyFile).get(0);
        String privateKey = privateKeyLine.substring(privateKeyLine.indexOf(' ') + 1);
        UUID document = UUID.randomUUID();
        database.inTransaction(connection -> {
            AuditTrailTest.insertDocument(connection, document);
            // The canary takes the place of a real document's encrypted metadata.
            try (PreparedStatement update = connection.prepareStatement("UPDATE documents SET header = ? WHERE id = ?")) {
                update.setBytes(1, CANARY.getBytes(StandardCharsets.UTF_8));
                update.setString(2, document.toString());
                update.executeUpdate();
            }
            return trail.record(connection, AuditAction.UPLOAD, document, Outcome.SUCCESS, null);
        });
        for (AuditAction action : AuditAction.values()) {
            trail.record(action, document, Outcome.SUCCESS, null);
        }
        trail.record(AuditAction.INTEGRITY_FAILURE, document, Outcome.FAILURE, "SD-INTEGRITY");
        int recorded = 2 + AuditAction.values().length;

        List<String> outboxBodies = outboxBodies(database);
        assertEquals(recorded, outboxBodies.size());
        for (String body : outboxBodies) {
            assertOnlyDocumentedFields(body);
            assertFalse(body.contains(privateKey), "the private key is in an event");
        }

        Path receiverFile = folder.resolve("receiver").resolve("audit.db");
        try (AuditServer server = ReceiverFixture.startReceiver(receiverFile, 0);
                AuditSender sender = new AuditSender(database, server.baseUrl(),
                        ReceiverFixture.TOKEN.toCharArray(), Duration.ofMinutes(1))) {
            assertTrue(sender.flush(Duration.ofSeconds(30)));
            List<JsonNode> stored = server.store().query(EventQuery.all());
            assertEquals(recorded, stored.size());
            for (JsonNode event : stored) {
                assertOnlyDocumentedFields(event.toString());
            }
        }

        try (Stream<Path> files = Files.list(receiverFile.getParent())) {
            for (Path file : files.toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("CANARY"), "canary found in " + file.getFileName());
                assertFalse(content.contains(privateKey), "private key found in " + file.getFileName());
            }
        }
    }

    private static void assertOnlyDocumentedFields(String body) throws Exception {
        JsonNode event = new ObjectMapper().readTree(body);
        Set<String> names = new HashSet<>();
        event.fieldNames().forEachRemaining(names::add);

        assertEquals(Set.copyOf(AuditEventJson.BODY_FIELDS), names);
        assertFalse(body.contains("CANARY"), body);
        assertFalse(body.contains("Jane"), body);
        event.fields().forEachRemaining(field -> assertTrue(field.getValue().isValueNode(),
                field.getKey() + " is not a plain value"));
    }

    private static List<String> outboxBodies(Database database) {
        return database.read(connection -> {
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT body FROM audit_outbox ORDER BY seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        });
    }
}

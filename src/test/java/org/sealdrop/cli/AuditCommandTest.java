package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.AuditEventJson;
import org.sealdrop.auditserver.EventChain;
import org.sealdrop.audit.Outcome;
import org.sealdrop.audit.Uuid7;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.TestCertificates;

/**
 * {@code sealdrop audit query}, {@code export} and {@code verify} on receiver databases filled by a real
 * receiver on 127.0.0.1 over HTTP, and tampered with directly in SQLite as someone with access to the
 * file could.
 */
class AuditCommandTest {

    static final String TOKEN = "cli-test-token-6bc1bee22e409f96";
    static final Instant T0 = Instant.parse("2026-03-14T09:00:00.000Z");
    static final String AWKWARD_REASON = "SD-TEST, \"quoted\" reason";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void csvQuotesCommaAndQuote() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain chain = new EventChain("m.jones", "pc-1");
        deliver(db, List.of(chain.next(AuditAction.OPEN, UUID.randomUUID(), T0, null), chain.next(AuditAction.EXPORT, UUID.randomUUID(), T0.plusSeconds(1),
                AWKWARD_REASON)));

        CliRun run = CliRun.of("audit", "query", "--db", db.toString(), "--format", "csv");

        assertEquals(0, run.exitCode(), run.toString());
        String[] lines = run.out().split("\r\n", -1);
        assertEquals(4, lines.length, run.out());
        assertEquals("eventId,time,user,deviceId,action,documentId,outcome,reason,appVersion,sequence,previousHash",
                lines[0]);
        assertTrue(lines[2].contains(",export,"), lines[2]);
        assertTrue(lines[2].contains(",\"SD-TEST, \"\"quoted\"\" reason\",0.1.0,2,"), lines[2]);
        assertTrue(lines[1].contains(",success,,0.1.0,1,"), lines[1]);
        assertEquals("", lines[3]);
    }

    @Test
    void jsonLinesParseOneByOne() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain chain = new EventChain("m.jones", "pc-1");
        List<String> bodies = List.of(chain.next(AuditAction.OPEN, UUID.randomUUID(), T0, null),
                chain.next(AuditAction.EXPORT, UUID.randomUUID(), T0.plusSeconds(1), AWKWARD_REASON),
                chain.next(AuditAction.OPEN, UUID.randomUUID(), T0.plusSeconds(2), null));
        deliver(db, bodies);

        CliRun run = CliRun.of("audit", "query", "--db", db.toString(), "--format", "jsonl");

        assertEquals(0, run.exitCode(), run.toString());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length, run.out());
        for (int i = 0; i < lines.length; i++) {
            JsonNode event = MAPPER.readTree(lines[i]);
            assertEquals(i + 1, event.get("sequence").asInt());
            assertEquals(bodies.get(i), lines[i]);
        }
        assertEquals(AWKWARD_REASON, MAPPER.readTree(lines[1]).get("reason").asText());
    }

    @Test
    void jsonIsOneArray() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain chain = new EventChain("m.jones", "pc-1");
        deliver(db, List.of(chain.next(AuditAction.OPEN, UUID.randomUUID(), T0, null), chain.next(AuditAction.OPEN, UUID.randomUUID(), T0.plusSeconds(1), null)));

        CliRun run = CliRun.of("audit", "query", "--db", db.toString(), "--format", "json", "--action", "open");

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode array = MAPPER.readTree(run.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
    }

    @Test
    void tableIsDefaultAndFilters() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain jones = new EventChain("m.jones", "pc-1");
        EventChain smith = new EventChain("a.smith", "pc-2");
        deliver(db, List.of(jones.next(AuditAction.OPEN, UUID.randomUUID(), T0, null), smith.next(AuditAction.EXPORT, UUID.randomUUID(), T0.plusSeconds(1), null)));

        CliRun run = CliRun.of("audit", "query", "--db", db.toString(), "--user", "a.smith");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("time "), run.out());
        assertTrue(run.out().contains("a.smith"), run.out());
        assertTrue(!run.out().contains("m.jones"), run.out());
        assertTrue(run.out().contains("1 event\n"), run.out());
    }

    @Test
    void unknownFormatIsUsageError() throws Exception {
        Path db = folder.resolve("audit.db");
        deliver(db, List.of(new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0, null)));

        CliRun run = CliRun.of("audit", "query", "--db", db.toString(), "--format", "xml");

        assertEquals(SealDropCommand.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("table, csv, json or jsonl"), run.err());
    }

    @Test
    void exportStreamsTimeRange() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain chain = new EventChain("m.jones", "pc-1");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bodies.add(chain.next(AuditAction.OPEN, UUID.randomUUID(), T0.plusSeconds(60L * i), null));
        }
        deliver(db, bodies);

        CliRun all = CliRun.of("audit", "export", "--db", db.toString());
        CliRun range = CliRun.of("audit", "export", "--db", db.toString(), "--format", "jsonl",
                "--from", T0.plusSeconds(60).toString(), "--to", T0.plusSeconds(180).toString());

        assertEquals(0, all.exitCode(), all.toString());
        assertEquals(String.join("\n", bodies) + "\n", all.out());
        assertEquals(0, range.exitCode(), range.toString());
        assertEquals(bodies.get(1) + "\n" + bodies.get(2) + "\n", range.out());
    }

    @Test
    void verifyCleanStoreExitsZero() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain first = new EventChain("m.jones", "pc-1");
        EventChain second = new EventChain("a.smith", "pc-2");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bodies.add(first.next(AuditAction.OPEN, UUID.randomUUID(), T0.plusSeconds(i), null));
            bodies.add(second.next(AuditAction.VERIFY, UUID.randomUUID(), T0.plusSeconds(i), null));
        }
        deliver(db, bodies);

        CliRun run = CliRun.of("audit", "verify", "--db", db.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("pc-1: OK, 4 events, sequence 1 to 4"), run.out());
        assertTrue(run.out().contains("pc-2: OK, 4 events, sequence 1 to 4"), run.out());
        assertTrue(run.out().contains("2 devices checked, 0 with problems."), run.out());
    }

    @Test
    void verifyFindsDeletedAlteredAndSwapped() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain deleted = new EventChain("m.jones", "pc-deleted");
        EventChain altered = new EventChain("m.jones", "pc-altered");
        EventChain swapped = new EventChain("m.jones", "pc-swapped");
        EventChain clean = new EventChain("m.jones", "pc-clean");
        List<String> bodies = new ArrayList<>();
        List<List<String>> ids = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            Instant time = T0.plusSeconds(i);
            List<String> round = List.of(deleted.next(AuditAction.OPEN, UUID.randomUUID(), time, null),
                    altered.next(AuditAction.OPEN, UUID.randomUUID(), time, null), swapped.next(AuditAction.OPEN, UUID.randomUUID(), time, null));
            for (int d = 0; d < 3; d++) {
                ids.get(d).add(eventId(round.get(d)));
            }
            bodies.addAll(round);
            bodies.add(clean.next(AuditAction.OPEN, UUID.randomUUID(), time, null));
        }
        deliver(db, bodies);

        // An attacker with write access to the file drops the append-only triggers, then edits rows.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_no_update");
            statement.execute("DROP TRIGGER events_no_delete");
            statement.executeUpdate("DELETE FROM events WHERE device_id = 'pc-deleted' AND sequence = 3");
            statement.executeUpdate("UPDATE events SET action = 'verify', body = replace(body, '\"action\":\"open\"',"
                    + " '\"action\":\"verify\"') WHERE device_id = 'pc-altered' AND sequence = 2");
            statement.executeUpdate("UPDATE events SET sequence = CASE sequence WHEN 2 THEN 3 ELSE 2 END"
                    + " WHERE device_id = 'pc-swapped' AND sequence IN (2, 3)");
        }

        CliRun run = CliRun.of("audit", "verify", "--db", db.toString());

        assertEquals(SealDropCommand.EXIT_FAILURE, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("pc-deleted: 1 problem in 4 events"), out);
        assertTrue(out.contains("  gap: sequence 3 missing, between event " + ids.get(0).get(1) + " and event "
                + ids.get(0).get(3)), out);
        assertTrue(out.contains("pc-altered: 2 problems in 5 events"), out);
        assertTrue(out.contains("  altered: sequence 2, event " + ids.get(1).get(1)), out);
        assertTrue(out.contains("  broken link: sequence 3, event " + ids.get(1).get(2)), out);
        assertTrue(out.contains("pc-swapped: "), out);
        assertTrue(out.contains("  broken link: sequence 2, event " + ids.get(2).get(2)), out);
        assertTrue(out.contains("pc-clean: OK, 5 events"), out);
        assertTrue(out.contains("4 devices checked, 3 with problems."), out);
        assertTrue(out.contains("store: the append-only triggers events_no_update, events_no_delete are missing"), out);
    }

    @Test
    void verifyFlagsDroppedTriggers() throws Exception {
        Path db = folder.resolve("audit.db");
        deliver(db, List.of(new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0, null)));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_no_delete");
        }

        CliRun run = CliRun.of("audit", "verify", "--db", db.toString());

        assertEquals(SealDropCommand.EXIT_FAILURE, run.exitCode(), run.toString());
        assertTrue(run.out().contains("store: the append-only trigger events_no_delete is missing"), run.out());
        assertTrue(run.out().contains("pc-1: OK, 1 event, sequence 1 to 1"), run.out());
    }

    @Test
    void verifyOneDevice() throws Exception {
        Path db = folder.resolve("audit.db");
        EventChain first = new EventChain("m.jones", "pc-1");
        EventChain second = new EventChain("m.jones", "pc-2");
        deliver(db, List.of(first.next(AuditAction.OPEN, UUID.randomUUID(), T0, null), second.next(AuditAction.OPEN, UUID.randomUUID(), T0, null)));

        CliRun run = CliRun.of("audit", "verify", "--db", db.toString(), "--device", "pc-2");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(!run.out().contains("pc-1"), run.out());
        assertTrue(run.out().contains("1 device checked, 0 with problems."), run.out());
    }

    @Test
    void missingStoreIsUsageError() {
        CliRun run = CliRun.of("audit", "verify", "--db", folder.resolve("missing.db").toString());

        assertEquals(SealDropCommand.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("does not exist"), run.err());
    }

    /** Posts {@code bodies} in one batch to a receiver on 127.0.0.1 that stores them in {@code db}. */
    private static void deliver(Path db, List<String> bodies) throws Exception {
        try (AuditServer server = AuditServer.start(new InetSocketAddress(TestCertificates.loopback(), 0), db,
                Set.of(TOKEN))) {
            StringJoiner batch = new StringJoiner(",", "{\"events\":[", "]}");
            bodies.forEach(batch::add);
            HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve("/v1/events"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(batch.toString(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    private static String eventId(String body) {
        return body.substring("{\"eventId\":\"".length(), "{\"eventId\":\"".length() + 36);
    }
}

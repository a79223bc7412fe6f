package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.ReceiverFixture.OutboxState;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.index.Database;

class AuditSenderTest extends OutboxSetUp {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void deliversBatchToReceiver() throws Exception {
        AuditServer server = receiver(0);
        List<AuditEvent> recorded = recordEvents(5);

        AuditSender sender = sender(server.baseUrl(), ReceiverFixture.TOKEN);

        assertTrue(sender.flush(FLUSH_TIMEOUT));
        assertEquals(0, trail.pendingCount());
        List<JsonNode> stored = server.store().query(EventQuery.all());
        assertEquals(expectedJson(recorded), stored);
    }

    @Test
    void deliversSeveralBatches() throws Exception {
        AuditServer server = receiver(0);
        List<AuditEvent> recorded = recordEvents(250);

        assertTrue(sender(server.baseUrl(), ReceiverFixture.TOKEN).flush(FLUSH_TIMEOUT));

        assertEquals(0, trail.pendingCount());
        assertEquals(expectedJson(recorded), server.store().query(EventQuery.all()));
        assertTrue(server.store().verifyChain(IDENTITY.deviceId()).intact());
    }

    @Test
    void receiverDownKeepsEventsThenDeliversOnce() throws Exception {
        int port = ReceiverFixture.closedPort();
        List<AuditEvent> recorded = recordEvents(3);
        AuditSender sender = sender(URI.create("http://127.0.0.1:" + port), ReceiverFixture.TOKEN);

        assertFalse(sender.flush(FLUSH_TIMEOUT));
        assertFalse(sender.flush(FLUSH_TIMEOUT));

        List<OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(3, rows.size());
        for (OutboxState row : rows) {
            assertEquals(2, row.attempts());
            assertEquals("ConnectException", row.lastError());
            assertNotNull(row.nextAttemptAt());
            assertTrue(WireTime.parse(row.nextAttemptAt()).isAfter(Instant.now().minusSeconds(1)), row.nextAttemptAt());
        }

        AuditServer server = receiver(port);
        assertTrue(sender.flush(FLUSH_TIMEOUT));

        assertEquals(0, trail.pendingCount());
        assertEquals(expectedJson(recorded), server.store().query(EventQuery.all()));
        ChainReport chain = server.store().verifyChain(IDENTITY.deviceId());
        assertEquals(3, chain.eventCount());
        assertTrue(chain.intact(), chain.toString());
    }

    @Test
    void wrongTokenKeepsEvents() throws Exception {
        AuditServer server = receiver(0);
        recordEvents(2);
        String wrongToken = "wrong-token-5d1c8e2a9b7f3e40";
        ListAppender<ILoggingEvent> logs = captureLogs();

        assertFalse(sender(server.baseUrl(), wrongToken).flush(FLUSH_TIMEOUT));

        List<OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(2, rows.size());
        assertEquals("HTTP 401", rows.get(0).lastError());
        assertEquals(1, rows.get(0).attempts());
        assertEquals(List.of(), server.store().query(EventQuery.all()));
        assertTrue(logs.list.stream().anyMatch(line -> line.getFormattedMessage().contains("HTTP 401")),
                "no log line names the status");
        assertTokenNotLogged(logs, wrongToken);
    }

    @Test
    void rejectedBatchKeepsEvents() throws Exception {
        AuditServer server = receiver(0);
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_outbox"
                    + " (event_id, body, created_at) VALUES ('broken', '{\"eventId\":\"broken\"}', ?)")) {
                insert.setString(1, WireTime.format(Instant.now()));
                return insert.executeUpdate();
            }
        });

        assertFalse(sender(server.baseUrl(), ReceiverFixture.TOKEN).flush(FLUSH_TIMEOUT));

        List<OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(1, rows.size());
        assertEquals("HTTP 400", rows.get(0).lastError());
    }

    @Test
    void backgroundThreadDelivers() throws Exception {
        AuditServer server = receiver(0);
        AuditSender sender = sender(server.baseUrl(), ReceiverFixture.TOKEN);
        sender.start();

        AuditEvent event = trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);
        sender.wakeUp();

        // A bound on failure only: delivery normally follows within milliseconds.
        Instant deadline = Instant.now().plusSeconds(30);
        while (trail.pendingCount() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertEquals(0, trail.pendingCount());
        assertEquals(expectedJson(List.of(event)), server.store().query(EventQuery.all()));
    }

    @Test
    void restartDeliversPendingEvents() throws Exception {
        int port = ReceiverFixture.closedPort();
        List<AuditEvent> recorded = new ArrayList<>(recordEvents(3));
        AuditSender first = new AuditSender(database, URI.create("http://127.0.0.1:" + port),
                ReceiverFixture.TOKEN.toCharArray(), MAX_BACKOFF);
        first.start();
        first.close();
        assertEquals(3, trail.pendingCount());

        AuditServer server = receiver(port);
        Database reopened = Database.open(folder.resolve("index.db"));
        AuditTrail trailAfterRestart = new AuditTrail(reopened, IDENTITY, AuditEventJsonTest.testKey(),
                Clock.systemUTC());
        recorded.add(trailAfterRestart.record(AuditAction.LOCK, null, Outcome.SUCCESS, null));
        AuditSender second = new AuditSender(reopened, server.baseUrl(), ReceiverFixture.TOKEN.toCharArray(), MAX_BACKOFF);
        toClose.add(second);

        assertTrue(second.flush(FLUSH_TIMEOUT));

        assertEquals(expectedJson(recorded), server.store().query(EventQuery.all()));
        ChainReport chain = server.store().verifyChain(IDENTITY.deviceId());
        assertEquals(4, chain.eventCount());
        assertTrue(chain.intact(), chain.toString());
    }

    @Test
    void unstartedSenderLeavesOutbox() throws Exception {
        recordEvents(3);
        AuditServer server = receiver(0);

        new AuditSender(database, server.baseUrl(), ReceiverFixture.TOKEN.toCharArray(), MAX_BACKOFF).close();

        assertEquals(3, trail.pendingCount());
        assertEquals(List.of(), server.store().query(EventQuery.all()));
    }

    @Test
    void closedSenderRejectsFlush() throws Exception {
        AuditSender sender = new AuditSender(database, URI.create("http://127.0.0.1:9"), null, MAX_BACKOFF);
        sender.close();

        assertThrows(IllegalStateException.class, () -> sender.flush(FLUSH_TIMEOUT));
        assertThrows(IllegalStateException.class, sender::start);
    }

    @Test
    void eventsUriAppendsPath() {
        assertEquals(URI.create("http://127.0.0.1:8423/v1/events"), AuditEndpoint.eventsUri(URI.create("http://127.0.0.1:8423")));
        assertEquals(URI.create("http://localhost:8423/audit/v1/events"),
                AuditEndpoint.eventsUri(URI.create("http://localhost:8423/audit/")));
    }

    @Test
    void eventsUriRejectsUnsafeUrls() {
        // These checks open no connection, so even a broken check sends nothing to these addresses.
        assertEquals("SD-INSECURE-URL", rejection("http://192.0.2.10:8423"));
        assertEquals("SD-INVALID-URL", rejection("ftp://127.0.0.1/"));
        assertEquals("SD-INVALID-URL", rejection("http://127.0.0.1:8423/?tenant=a"));
        assertEquals("SD-INVALID-URL", rejection("http://user:secret@127.0.0.1:8423"));
    }

    @Test
    void userInfoIsNotEchoed() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> AuditEndpoint.eventsUri(URI.create("http://user:secret@127.0.0.1:8423")));

        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void tokenRequiredBeyondLoopback() {
        // The constructor sends nothing; it fails before a client could be used.
        SealDropException e = assertThrows(SealDropException.class,
                () -> new AuditSender(database, URI.create("https://192.0.2.10"), null, MAX_BACKOFF));

        assertEquals("SD-AUDIT-TOKEN", e.errorCode());
    }

    @Test
    void malformedTokenRejected() {
        SealDropException e = assertThrows(SealDropException.class, () -> new AuditSender(database,
                URI.create("http://127.0.0.1:9"), "abc\r\nX-Injected: 1".toCharArray(), MAX_BACKOFF));

        assertEquals("SD-AUDIT-TOKEN", e.errorCode());
        assertFalse(e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void callerTokenArrayIsCopied() throws Exception {
        AuditServer server = receiver(0);
        recordEvents(1);
        char[] token = ReceiverFixture.TOKEN.toCharArray();
        AuditSender sender = sender(server.baseUrl(), token);

        java.util.Arrays.fill(token, 'x');

        assertTrue(sender.flush(FLUSH_TIMEOUT));
    }

    @Test
    void malformedRejectedListKeepsEvents() throws Exception {
        // The reference receiver always sends a well-formed list, so only a stub can send another shape.
        HttpServer stub = HttpServer.create(new InetSocketAddress(ReceiverFixture.loopback(), 0), 0);
        byte[] answer = "{\"stored\":[],\"duplicates\":[],\"rejected\":[{\"eventId\":7}]}"
                .getBytes(StandardCharsets.UTF_8);
        stub.createContext("/v1/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stub.start();
        toClose.add(() -> stub.stop(0));
        recordEvents(2);

        assertFalse(sender(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()), ReceiverFixture.TOKEN)
                .flush(FLUSH_TIMEOUT));

        List<OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(2, rows.size());
        assertEquals("invalid acknowledgement", rows.get(0).lastError());
        assertEquals(List.of(), AuditRejections.list(database));
    }

    private String rejection(String url) {
        return assertThrows(SealDropException.class, () -> AuditEndpoint.eventsUri(URI.create(url))).errorCode();
    }

    private List<AuditEvent> recordEvents(int count) {
        List<AuditEvent> events = new ArrayList<>();
        UUID document = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            AuditAction action = i % 2 == 0 ? AuditAction.OPEN : AuditAction.VERIFY;
            events.add(trail.record(action, document, Outcome.SUCCESS, null));
        }
        return events;
    }

    private static List<JsonNode> expectedJson(List<AuditEvent> events) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (AuditEvent event : events) {
            nodes.add(MAPPER.readTree(EventSignatures.signedBody(event, AuditEventJsonTest.testKey())));
        }
        return nodes;
    }

    private AuditServer receiver(int port) throws Exception {
        AuditServer server = ReceiverFixture.startReceiver(folder.resolve("receiver-" + port + ".db"), port);
        toClose.add(server);
        return server;
    }

    private AuditSender sender(URI url, String token) {
        return sender(url, token.toCharArray());
    }

    private AuditSender sender(URI url, char[] token) {
        AuditSender sender = new AuditSender(database, url, token, MAX_BACKOFF);
        toClose.add(sender);
        return sender;
    }

    private static void assertTokenNotLogged(ListAppender<ILoggingEvent> logs, String token) {
        for (ILoggingEvent line : logs.list) {
            assertFalse(line.getFormattedMessage().contains(token), line.getFormattedMessage());
            if (line.getThrowableProxy() != null) {
                assertFalse(String.valueOf(line.getThrowableProxy().getMessage()).contains(token));
            }
        }
    }
}

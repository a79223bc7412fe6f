package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.index.Database;
import org.sealdrop.testsupport.FaultProxy;

/**
 * Retries after a receiver stored a batch but answered too late, delivery of one chosen event, and the
 * delivery status that the sender leaves in the index.
 */
class AuditSenderRetryTest {

    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration LATE_ANSWER = Duration.ofSeconds(6);
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    Database database;
    AuditTrail trail;
    AuditServer receiver;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        database = Database.open(folder.resolve("index.db"));
        trail = new AuditTrail(database, AuditSenderTest.IDENTITY, AuditEventJsonTest.testKey(), Clock.systemUTC());
        receiver = ReceiverFixture.startReceiver(folder.resolve("receiver.db"), 0);
        toClose.add(receiver);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void storedBatchRetriedWithoutDuplicate() throws Exception {
        FaultProxy proxy = FaultProxy.inFrontOf(receiver.baseUrl(), LATE_ANSWER);
        toClose.add(proxy);
        proxy.injectOnce(FaultProxy.Fault.DELAY_RESPONSE, "POST /v1/events");
        List<UUID> recorded = recordOpens(3);
        AuditSender sender = sender(proxy.endpoint());

        assertFalse(sender.flush(SHORT_TIMEOUT), "the late answer was taken as an acknowledgement");
        assertEquals(3, trail.pendingCount());
        awaitStored(3);

        assertTrue(sender.flush(FLUSH_TIMEOUT));

        assertEquals(0, trail.pendingCount());
        assertEquals(1, proxy.faultsInjected());
        List<String> stored = receiver.store().query(EventQuery.all()).stream()
                .map(event -> event.get("eventId").asText())
                .toList();
        assertEquals(recorded.stream().map(UUID::toString).toList(), stored);
        assertTrue(receiver.store().verifyChain(AuditSenderTest.IDENTITY.deviceId()).intact());
    }

    @Test
    void awaitDeliverySendsEarlierEventsFirst() throws Exception {
        List<UUID> recorded = recordOpens(3);
        AuditSender sender = sender(receiver.baseUrl());

        assertTrue(sender.awaitDelivery(recorded.get(2), FLUSH_TIMEOUT));

        assertEquals(0, trail.pendingCount());
        assertEquals(3, receiver.store().query(EventQuery.all()).size());
    }

    @Test
    void awaitDeliveryKeepsEventWhenReceiverDown() throws Exception {
        UUID event = recordOpens(1).get(0);
        AuditSender sender = sender(URI.create("http://127.0.0.1:" + ReceiverFixture.closedPort()));

        assertFalse(sender.awaitDelivery(event, SHORT_TIMEOUT));

        List<ReceiverFixture.OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(1, rows.size());
        assertEquals(event.toString(), rows.get(0).eventId());
        assertEquals("ConnectException", rows.get(0).lastError());
    }

    @Test
    void statusRecordsLastDelivery() throws Exception {
        AuditStatus before = trail.status();
        assertEquals(0, before.pendingCount());
        assertTrue(before.lastDelivered().isEmpty());

        Instant start = Instant.now().minusMillis(1);
        recordOpens(2);
        AuditSender down = sender(URI.create("http://127.0.0.1:" + ReceiverFixture.closedPort()));
        assertFalse(down.flush(SHORT_TIMEOUT));
        AuditStatus waiting = trail.status();
        assertEquals(2, waiting.pendingCount());
        assertFalse(waiting.oldestPending().orElseThrow().isBefore(start));
        assertEquals("ConnectException", waiting.lastError().orElseThrow());
        assertTrue(waiting.lastDelivered().isEmpty());

        assertTrue(sender(receiver.baseUrl()).flush(FLUSH_TIMEOUT));

        AuditStatus delivered = trail.status();
        assertEquals(0, delivered.pendingCount());
        assertTrue(delivered.oldestPending().isEmpty());
        assertTrue(delivered.lastError().isEmpty());
        assertFalse(delivered.lastDelivered().orElseThrow().isBefore(start));
    }

    /** Waits until the receiver contains {@code count} events; it stores a batch before it answers. */
    private void awaitStored(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(FLUSH_TIMEOUT);
        while (receiver.store().query(EventQuery.all()).size() < count) {
            assertTrue(Instant.now().isBefore(deadline), "the receiver did not store the first batch");
            Thread.sleep(50);
        }
    }

    private List<UUID> recordOpens(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null).eventId());
        }
        return ids;
    }

    private AuditSender sender(URI url) {
        AuditSender sender = new AuditSender(database, url, ReceiverFixture.TOKEN.toCharArray(), Duration.ofMinutes(5));
        toClose.add(sender);
        return sender;
    }
}

package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealdrop.SealDropException;
import org.sealdrop.testsupport.HostileAuditReceiver;
import org.sealdrop.testsupport.HostileResponse;

/**
 * The sender against {@link HostileAuditReceiver}, a receiver that responds with garbage, partial or
 * missing acknowledgements, endless or stalled bodies, errors and redirects. No response but a real
 * acknowledgement may take an event out of the outbox, every flush ends within its timeout, and the
 * strict audit policy rejects the open.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileReceiverTest extends OutboxSetUp {

    private static final Duration FLUSH = Duration.ofSeconds(1);
    private static final AtomicLong ENDLESS_SENT = new AtomicLong();

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of("garbage with 200", HostileReceiverTest.text(200, "<html>welcome</html>")),
                Arguments.of("empty 200", HostileReceiverTest.text(200, "")),
                Arguments.of("invalid JSON", HostileAuditReceiver.json(200, "{\"stored\":[")),
                Arguments.of("no acknowledgement", HostileAuditReceiver.json(200, "{}")),
                Arguments.of("empty acknowledgement", HostileAuditReceiver.json(200, "{\"stored\":[],\"duplicates\":[]}")),
                Arguments.of("acknowledgement of another id", HostileAuditReceiver.json(200,
                        "{\"stored\":[\"" + UUID.randomUUID() + "\"],\"duplicates\":[]}")),
                Arguments.of("ids of the wrong type", HostileAuditReceiver.json(200, "{\"stored\":{},\"duplicates\":7}")),
                Arguments.of("2 GiB body", HostileResponse.endless(2L << 30, ENDLESS_SENT)),
                Arguments.of("500", HostileAuditReceiver.json(500, "{\"error\":\"internal_error\"}")),
                Arguments.of("401", HostileAuditReceiver.json(401, "{\"error\":\"unauthorized\"}")),
                Arguments.of("403", HostileAuditReceiver.json(403, "{\"error\":\"forbidden\"}")),
                Arguments.of("stall after the head", HostileResponse.stallAfter(new byte[1000], 0)),
                Arguments.of("stall in the body", HostileResponse.stallAfter("{\"stored\":[\"".getBytes(
                        StandardCharsets.UTF_8), 5)),
                Arguments.of("closed mid-response", HostileResponse.withLength(200, "application/json",
                        "{\"stored\":[".getBytes(StandardCharsets.UTF_8), 1000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misbehaviours")
    void misbehaviourKeepsTheEvent(String name, HostileResponse misbehaviour) throws IOException {
        HostileAuditReceiver receiver = receiver(misbehaviour);
        UUID event = recordOpen();
        AuditSender sender = sender(receiver.baseUrl());

        assertFalse(sender.flush(FLUSH), name + " counted as an acknowledgement");
        assertFalse(sender.awaitDelivery(event, FLUSH), name + " counted as an acknowledgement");

        List<ReceiverFixture.OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(1, rows.size());
        assertEquals(event.toString(), rows.get(0).eventId());
        assertTrue(rows.get(0).attempts() >= 1, "the failed attempt is counted");
        assertTrue(rows.get(0).lastError() != null, "the failure is recorded");
        assertFalse(rows.get(0).lastError().isEmpty(), "the failure is named");
        assertTrue(receiver.requestCount() >= 1);
    }

    @Test
    void endlessBodyIsNotRead() throws IOException {
        AtomicLong sent = new AtomicLong();
        HostileAuditReceiver receiver = receiver(HostileResponse.endless(2L << 30, sent));
        recordOpen();

        assertFalse(sender(receiver.baseUrl()).flush(FLUSH));

        assertTrue(sent.get() < 64L * 1024 * 1024, "the sender stopped reading after " + sent.get() + " bytes");
    }

    @Test
    void redirectIsNotFollowed() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket recorder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> recordConnections(recorder, connections), "redirect-recorder");
            accept.setDaemon(true);
            accept.start();
            URI target = URI.create("http://127.0.0.1:" + recorder.getLocalPort() + "/v1/events");
            HostileAuditReceiver receiver = receiver(HostileResponse.redirect(307, target));
            recordOpen();

            assertFalse(sender(receiver.baseUrl()).flush(FLUSH));
        }

        assertEquals(0, connections.get(), "no request followed the redirect");
        assertEquals(1, trail.pendingCount());
    }

    @Test
    void strictPolicyRejectsOpenWhileReceiverMisbehaves() throws IOException {
        for (HostileResponse misbehaviour : List.of(HostileReceiverTest.text(200, "garbage"),
                HostileResponse.stallAfter(new byte[100], 10), HostileAuditReceiver.json(200, "{}"))) {
            HostileAuditReceiver receiver = receiver(misbehaviour);
            AuditSender sender = sender(receiver.baseUrl());
            AuditPolicyGate gate = new AuditPolicyGate(new AuditPolicy(AuditPolicy.Mode.STRICT, 1000,
                    Duration.ofDays(1), FLUSH), database, sender, Clock.systemUTC());
            AuditEvent event = trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);

            SealDropException rejected = assertThrows(SealDropException.class, () -> gate.awaitAcknowledged(event));

            assertEquals(AuditPolicyGate.UNREACHABLE, rejected.errorCode());
            assertTrue(trail.pendingCount() >= 1, "the open event stays in the outbox");
        }
    }

    private HostileAuditReceiver receiver(HostileResponse misbehaviour) throws IOException {
        HostileAuditReceiver receiver = HostileAuditReceiver.answering(misbehaviour);
        toClose.add(receiver);
        return receiver;
    }

    private AuditSender sender(URI url) {
        AuditSender sender = new AuditSender(database, url, ReceiverFixture.TOKEN.toCharArray(), Duration.ofMinutes(5));
        toClose.add(sender);
        return sender;
    }

    private UUID recordOpen() {
        return trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null).eventId();
    }

    private static HostileResponse text(int status, String body) {
        return HostileResponse.of(status, "text/html", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void recordConnections(ServerSocket recorder, AtomicInteger connections) {
        while (!recorder.isClosed()) {
            try (Socket ignored = recorder.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }
}

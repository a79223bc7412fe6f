package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealdrop.SealDropException;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * The queued and strict audit policies of {@code settings.json}, through {@link LocalServices} against
 * S3Proxy and the real audit receiver on 127.0.0.1, with the receiver down, slow, failing, or timing out
 * after it stored the event.
 */
class AuditPolicyTest {

    /** The strict wait of these tests; every fault below holds an answer for longer. */
    static final int STRICT_WAIT_SECONDS = 2;
    static final Duration FAULT_HOLD = Duration.ofSeconds(6);
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
    static final String EVENTS_POST = "POST /v1/events";

    /** How the receiver fails while a document is opened. */
    enum ReceiverFault {
        /** Nothing listens on the audit port. */
        DOWN,
        /** The receiver never sees the request and no answer comes before the connection closes. */
        SLOW,
        /** The receiver answers 500. */
        SERVER_ERROR,
        /** The receiver stores the event, but its answer comes after the client gave up. */
        STORED_THEN_TIMEOUT
    }

    @TempDir
    Path temp;

    TestEnvironment environment;
    LocalServices services;
    FaultProxy proxy;
    Path pdf;
    UUID documentId;

    @BeforeEach
    void uploadDocument() throws IOException {
        environment = TestEnvironment.start(temp);
        services = environment.services();
        pdf = Corpus.pdf("pdflatex-4-pages.pdf");
        documentId = services.documents().upload(pdf, null, TransferListener.NONE).id();
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        environment.close();
    }

    @Test
    void strictOpenWaitsForAcknowledgement() throws Exception {
        applyPolicy(environment.receiver().baseUrl(), Settings.AUDIT_POLICY_STRICT, null);

        try (OpenedDocument opened = services.documents().open(documentId, TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(pdf), opened.content());
            // No flush: strict returned only after the receiver had stored the event.
            assertEquals(1, countEvents("open", "success"));
            assertEquals(0, services.auditTrail().pendingCount());
        }
    }

    @Test
    void strictExportWaitsForAcknowledgement() throws Exception {
        applyPolicy(environment.receiver().baseUrl(), Settings.AUDIT_POLICY_STRICT, null);
        Path target = temp.resolve("copy.pdf");

        services.documents().export(documentId, target, TransferListener.NONE);

        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(target));
        assertEquals(1, countEvents("export", "success"));
    }

    @Test
    void strictOpenRetriesWithinTheWait() throws Exception {
        proxy = FaultProxy.inFrontOf(environment.receiver().baseUrl(), FAULT_HOLD);
        proxy.inject(FaultProxy.Fault.INTERNAL_ERROR, EVENTS_POST, 1, 2);
        applyPolicy(proxy.endpoint(), Settings.AUDIT_POLICY_STRICT, null);

        // The first two sends fail at once; the open still succeeds because the wait goes on retrying.
        try (OpenedDocument opened = services.documents().open(documentId, TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(pdf), opened.content());
            assertEquals(1, countEvents("open", "success"));
        }
    }

    @ParameterizedTest
    @EnumSource(ReceiverFault.class)
    void strictRejectsOpenWithoutAcknowledgement(ReceiverFault fault) throws Exception {
        applyPolicy(faultyAuditUrl(fault), Settings.AUDIT_POLICY_STRICT, null);

        SealDropException rejected = assertThrows(SealDropException.class,
                () -> services.documents().open(documentId, TransferListener.NONE));

        assertEquals("SD-AUDIT-UNREACHABLE", rejected.errorCode());
        assertFalse(services.auditTrail().pendingCount() == 0, "the open event left the outbox");
        if (fault == ReceiverFault.STORED_THEN_TIMEOUT) {
            awaitCondition(() -> countEvents("open", "success") == 1, "the receiver never stored the open event");
        }
        assertDeliveredOnceAfterRecovery();
        assertEquals(1, countEvents("open", "success"));
        assertEquals(1, countEvents("open", "failure"));
    }

    @ParameterizedTest
    @EnumSource(ReceiverFault.class)
    void strictRejectsExportAndLeavesNoFile(ReceiverFault fault) throws Exception {
        applyPolicy(faultyAuditUrl(fault), Settings.AUDIT_POLICY_STRICT, null);
        Path target = temp.resolve("out").resolve("copy.pdf");
        Files.createDirectories(target.getParent());

        SealDropException rejected = assertThrows(SealDropException.class,
                () -> services.documents().export(documentId, target, TransferListener.NONE));

        assertEquals("SD-AUDIT-UNREACHABLE", rejected.errorCode());
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(), files.toList(), "a decrypted copy or temporary file was left behind");
        }
        assertDeliveredOnceAfterRecovery();
        assertEquals(1, countEvents("export", "success"));
        assertEquals(1, countEvents("export", "failure"));
    }

    @ParameterizedTest
    @EnumSource(ReceiverFault.class)
    void queuedOpensWhileReceiverFails(ReceiverFault fault) throws Exception {
        applyPolicy(faultyAuditUrl(fault), Settings.AUDIT_POLICY_QUEUED, null);

        for (int i = 0; i < 3; i++) {
            try (OpenedDocument opened = services.documents().open(documentId, TransferListener.NONE)) {
                assertArrayEquals(Files.readAllBytes(pdf), opened.content());
            }
        }

        assertDeliveredOnceAfterRecovery();
        assertEquals(3, countEvents("open", "success"));
    }

    @Test
    void queuedRejectsOpenAndExportBeyondBacklog() throws Exception {
        applyPolicy(URI.create("http://127.0.0.1:" + closedPort()), Settings.AUDIT_POLICY_QUEUED, 3);
        for (int i = 0; i < 3; i++) {
            services.documents().open(documentId, TransferListener.NONE).close();
        }
        assertEquals(3, services.auditTrail().pendingCount());

        SealDropException openRejected = assertThrows(SealDropException.class,
                () -> services.documents().open(documentId, TransferListener.NONE));
        Path target = temp.resolve("copy.pdf");
        SealDropException exportRejected = assertThrows(SealDropException.class,
                () -> services.documents().export(documentId, target, TransferListener.NONE));

        assertEquals("SD-AUDIT-BACKLOG", openRejected.errorCode());
        assertTrue(openRejected.getMessage().contains("unreachable"), openRejected.getMessage());
        assertTrue(openRejected.getMessage().contains("call IT"), openRejected.getMessage());
        assertEquals("SD-AUDIT-BACKLOG", exportRejected.errorCode());
        assertFalse(Files.exists(target), "a rejected export wrote the file");
    }

    @Test
    void queuedBacklogNeverBlocksUpload() throws Exception {
        applyPolicy(URI.create("http://127.0.0.1:" + closedPort()), Settings.AUDIT_POLICY_QUEUED, 1);
        services.documents().open(documentId, TransferListener.NONE).close();
        assertThrows(SealDropException.class, () -> services.documents().open(documentId, TransferListener.NONE));

        DocumentSummary added = services.documents().upload(Corpus.pdf("pdflatex-4-pages.pdf"), null,
                TransferListener.NONE);

        assertDeliveredOnceAfterRecovery();
        assertEquals(1, environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("upload"))
                .filter(event -> event.get("documentId").asText().equals(added.id().toString()))
                .count());
    }

    @Test
    void queuedOpensAgainOnceDelivered() throws Exception {
        applyPolicy(URI.create("http://127.0.0.1:" + closedPort()), Settings.AUDIT_POLICY_QUEUED, 1);
        services.documents().open(documentId, TransferListener.NONE).close();
        assertThrows(SealDropException.class, () -> services.documents().open(documentId, TransferListener.NONE));

        applyPolicy(environment.receiver().baseUrl(), Settings.AUDIT_POLICY_QUEUED, 1);
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));

        try (OpenedDocument opened = services.documents().open(documentId, TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(pdf), opened.content());
        }
    }

    /** Points the services at the receiver directly, flushes, and checks each event arrived once in one chain. */
    private void assertDeliveredOnceAfterRecovery() {
        Settings current = services.settings().orElseThrow();
        services.reconfigure(AuditSettings.with(current, environment.receiver().baseUrl(), current.auditPolicy(),
                current.auditMaxPendingEvents(), current.auditMaxPendingHours(), current.auditStrictWaitSeconds()));
        assertTrue(services.flushAudit(FLUSH_TIMEOUT), "events still pending after the receiver recovered");

        List<JsonNode> received = environment.receivedEvents();
        Map<String, Long> copies = received.stream()
                .collect(Collectors.groupingBy(event -> event.get("eventId").asText(), Collectors.counting()));
        copies.forEach((eventId, count) -> assertEquals(1L, count, "copies of event " + eventId));
        String deviceId = received.get(0).get("deviceId").asText();
        ChainReport chain = environment.receiver().store().verifyChain(deviceId);
        assertTrue(chain.intact(), chain.toString());
        assertEquals(received.size(), chain.eventCount());
    }

    private URI faultyAuditUrl(ReceiverFault fault) throws IOException {
        if (fault == ReceiverFault.DOWN) {
            return URI.create("http://127.0.0.1:" + closedPort());
        }
        proxy = FaultProxy.inFrontOf(environment.receiver().baseUrl(), FAULT_HOLD);
        FaultProxy.Fault injected = switch (fault) {
            case SLOW -> FaultProxy.Fault.STALL;
            case SERVER_ERROR -> FaultProxy.Fault.INTERNAL_ERROR;
            case STORED_THEN_TIMEOUT -> FaultProxy.Fault.DELAY_RESPONSE;
            case DOWN -> throw new IllegalStateException();
        };
        proxy.inject(injected, EVENTS_POST, 1, Integer.MAX_VALUE);
        return proxy.endpoint();
    }

    private void applyPolicy(URI auditUrl, String policy, Integer maxPendingEvents) {
        services.reconfigure(AuditSettings.with(services.settings().orElseThrow(), auditUrl, policy, maxPendingEvents,
                null, STRICT_WAIT_SECONDS));
    }

    private long countEvents(String action, String outcome) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .filter(event -> event.get("documentId").asText().equals(documentId.toString()))
                .count();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String failure)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(FLUSH_TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), failure);
            Thread.sleep(100);
        }
    }
}

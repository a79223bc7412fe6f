package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditRejections;
import org.sealdrop.audit.AuditStatus;
import org.sealdrop.audit.RejectedEvent;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.config.Settings;
import org.sealdrop.index.Database;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.ReceivedRejections;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * A home folder whose signing key was replaced after the receiver pinned its device id, against S3Proxy
 * and the real receiver on 127.0.0.1: its events are rejected with {@code key_mismatch}, leave the
 * outbox for the rejected events, show in {@code audit status}, and block opening under both policies
 * until IT clears them. No event is lost: each is stored at the receiver or kept as rejected on both sides.
 */
class RejectedAuditTest {

    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
    static final int STRICT_WAIT_SECONDS = 10;

    @TempDir
    Path temp;

    TestEnvironment environment;
    LocalServices services;
    Path pdf;
    UUID documentId;
    String deviceId;

    @BeforeEach
    void pinThenReplaceKey() throws IOException {
        environment = TestEnvironment.start(temp);
        LocalServices pinned = environment.services();
        pdf = Corpus.pdf("pdflatex-4-pages.pdf");
        documentId = pinned.documents().upload(pdf, null, TransferListener.NONE).id();
        assertTrue(pinned.flushAudit(FLUSH_TIMEOUT));
        deviceId = environment.receivedEvents().get(0).get("deviceId").asText();

        services = ForeignSigningKey.restartWithForeignKey(environment, pinned, temp.resolve("other-computer"));
        assertTrue(services.flushAudit(FLUSH_TIMEOUT), "the rejected unlock event stayed in the outbox");
    }

    @AfterEach
    void stop() {
        services.close();
        environment.close();
    }

    @Test
    void replacedKeyEventsLeaveOutbox() throws Exception {
        AuditStatus status = services.documents().auditStatus();

        assertEquals(0, status.pendingCount());
        assertEquals(1, status.rejectedCount());
        assertEquals(Optional.of("key_mismatch"), status.latestRejection());
        List<RejectedEvent> rejected = AuditRejections.list(index());
        assertEquals(1, rejected.size());
        assertEquals("unlock", action(rejected.get(0)));
        assertEquals("key_mismatch", rejected.get(0).error());
        assertEquals(Optional.empty(), rejected.get(0).clearedAt());
        assertNoEventLost();
    }

    @Test
    void auditStatusPrintsRejectionsAndFix() {
        CliRun status = CliRun.inHome(environment.home(), "audit", "status");

        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("pending events: 0\n"), status.toString());
        assertTrue(status.out().contains("rejected events: 1 (latest key_mismatch)\n"), status.toString());
        assertTrue(status.out().contains("the receiver rejected 1 audit events of this computer (key_mismatch):"
                + " this computer's signing key differs from the one the receiver pinned; IT must check the"
                + " device id and key, see AUDIT.md"), status.toString());
        assertTrue(status.out().contains("--clear-rejections"), status.toString());
    }

    @Test
    void queuedRefusesOpenUntilCleared() throws Exception {
        applyPolicy(Settings.AUDIT_POLICY_QUEUED, 1);
        Path target = temp.resolve("copy.pdf");

        SealDropException openRefused = assertThrows(SealDropException.class,
                () -> services.documents().open(documentId, TransferListener.NONE));
        SealDropException exportRefused = assertThrows(SealDropException.class,
                () -> services.documents().export(documentId, target, TransferListener.NONE));

        assertEquals("SD-AUDIT-REJECTED", openRefused.errorCode());
        assertTrue(openRefused.getMessage().contains("key_mismatch"), openRefused.getMessage());
        assertTrue(openRefused.getMessage().contains("--clear-rejections"), openRefused.getMessage());
        assertEquals("SD-AUDIT-REJECTED", exportRefused.errorCode());
        assertFalse(Files.exists(target), "a refused export wrote the file");

        // The failure events of both attempts are rejected too; three rejected events, and none pending.
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(3, services.documents().auditStatus().rejectedCount());

        // IT puts the pinned key back, then clears; the clearing is an audit event the receiver accepts.
        services = ForeignSigningKey.restorePinnedKey(environment, services, temp.resolve("other-computer"));
        CliRun clear = CliRun.inHome(environment.home(), "audit", "status", "--clear-rejections");
        assertEquals(0, clear.exitCode(), clear.toString());
        assertTrue(clear.out().contains("cleared rejections: 3\n"), clear.toString());
        assertTrue(clear.out().contains("rejected events: 0\n"), clear.toString());
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertTrue(environment.receivedEvents().stream()
                .anyMatch(event -> event.get("action").asText().equals("clear_rejections")), "no clear_rejections event");

        // Three rejected events exceed the backlog limit of 1, but they are not pending.
        try (OpenedDocument opened = services.documents().open(documentId, TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(pdf), opened.content());
        }
        assertEquals(3, AuditRejections.list(index()).stream().filter(event -> event.clearedAt().isPresent()).count());
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertNoEventLost();
    }

    @Test
    void strictRefusesOpenWhoseEventWasRejected() throws Exception {
        AuditRejections.clear(index(), java.time.Instant.now());
        applyPolicy(Settings.AUDIT_POLICY_STRICT, null);

        SealDropException refused = assertThrows(SealDropException.class,
                () -> services.documents().open(documentId, TransferListener.NONE));

        assertEquals("SD-AUDIT-REJECTED", refused.errorCode());
        assertTrue(refused.getMessage().contains(documentId.toString()), refused.getMessage());
        RejectedEvent openEvent = AuditRejections.list(index()).stream()
                .filter(event -> action(event).equals("open"))
                .filter(event -> outcome(event).equals("success"))
                .findFirst().orElseThrow();
        assertEquals("key_mismatch", openEvent.error());

        // The next attempt stops before decrypting, because the rejection is not cleared.
        Path target = temp.resolve("strict-copy.pdf");
        SealDropException exportRefused = assertThrows(SealDropException.class,
                () -> services.documents().export(documentId, target, TransferListener.NONE));
        assertEquals("SD-AUDIT-REJECTED", exportRefused.errorCode());
        assertFalse(Files.exists(target), "a refused export wrote the file");
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertNoEventLost();
    }

    /**
     * Checks that each sequence number of the device's chain is stored at the receiver or rejected, never
     * both, that each local rejected body is the one the receiver kept, and that the outbox is empty.
     */
    private void assertNoEventLost() throws Exception {
        Set<Long> stored = new HashSet<>();
        for (JsonNode event : environment.receivedEvents()) {
            if (event.get("deviceId").asText().equals(deviceId)) {
                stored.add(event.get("sequence").asLong());
            }
        }
        List<RejectedEvent> rejected = AuditRejections.list(index());
        Map<String, List<String>> receiverCopies = ReceivedRejections.bodiesByEventId(environment.receiverDatabase());
        for (RejectedEvent event : rejected) {
            assertFalse(stored.contains(event.sequence()), "sequence " + event.sequence() + " stored and rejected");
            assertEquals(List.of(event.body()), receiverCopies.get(event.eventId()), "receiver copy of " + event.eventId());
        }
        assertEquals(rejected.size(), receiverCopies.size());

        long lastSequence = lastSequence();
        for (long sequence = 1; sequence <= lastSequence; sequence++) {
            long current = sequence;
            boolean kept = stored.contains(current) || rejected.stream().anyMatch(event -> event.sequence() == current);
            assertTrue(kept, "sequence " + sequence + " is neither stored nor rejected");
        }
        assertEquals(0, services.auditTrail().pendingCount());

        ChainReport chain = environment.receiver().store().verifyChain(deviceId);
        assertEquals(rejected.size(), chain.rejectedEvents().size(), chain.toString());
    }

    private long lastSequence() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + environment.home().indexFile());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT last_sequence FROM audit_chain")) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    private Database index() {
        return Database.open(environment.home().indexFile());
    }

    private void applyPolicy(String policy, Integer maxPendingEvents) {
        services.reconfigure(AuditSettings.with(services.settings().orElseThrow(), environment.receiver().baseUrl(),
                policy, maxPendingEvents, null, STRICT_WAIT_SECONDS));
    }

    private static String action(RejectedEvent event) {
        return field(event, "action");
    }

    private static String outcome(RejectedEvent event) {
        return field(event, "outcome");
    }

    private static String field(RejectedEvent event, String name) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.body()).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError("body of " + event.eventId() + " is not JSON", e);
        }
    }
}

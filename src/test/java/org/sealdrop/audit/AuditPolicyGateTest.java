package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.index.Database;

/** The backlog limits of the queued policy and the strict policy without a sender, on a real index. */
class AuditPolicyGateTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;

    Database database;

    @BeforeEach
    void openIndex() {
        database = Database.open(folder.resolve("index.db"));
    }

    @Test
    void queuedPassesBelowEventLimit() {
        record(2, NOW);

        assertDoesNotThrow(() -> queued(3, Duration.ofHours(24)).checkBacklog(AuditAction.OPEN));
    }

    @Test
    void queuedRejectsAtEventLimit() {
        record(3, NOW);
        AuditPolicyGate gate = queued(3, Duration.ofHours(24));

        SealDropException open = assertThrows(SealDropException.class, () -> gate.checkBacklog(AuditAction.OPEN));
        SealDropException export = assertThrows(SealDropException.class, () -> gate.checkBacklog(AuditAction.EXPORT));

        assertEquals(AuditPolicyGate.BACKLOG, open.errorCode());
        assertEquals(AuditPolicyGate.BACKLOG, export.errorCode());
        assertTrue(open.getMessage().contains("3 audit events waiting"), open.getMessage());
    }

    @Test
    void queuedRejectsAtAgeLimit() {
        record(1, NOW.minus(Duration.ofHours(24)));

        SealDropException rejected = assertThrows(SealDropException.class,
                () -> queued(1000, Duration.ofHours(24)).checkBacklog(AuditAction.OPEN));

        assertEquals(AuditPolicyGate.BACKLOG, rejected.errorCode());
        assertTrue(rejected.getMessage().contains("the oldest for 24 h"), rejected.getMessage());
    }

    @Test
    void queuedPassesJustBelowAgeLimit() {
        record(1, NOW.minus(Duration.ofHours(24)).plusSeconds(1));

        assertDoesNotThrow(() -> queued(1000, Duration.ofHours(24)).checkBacklog(AuditAction.OPEN));
    }

    @Test
    void backlogNeverBlocksOtherActions() {
        record(5, NOW.minus(Duration.ofDays(3)));
        AuditPolicyGate gate = queued(1, Duration.ofHours(1));

        for (AuditAction action : AuditAction.values()) {
            if (action != AuditAction.OPEN && action != AuditAction.EXPORT && action != AuditAction.PRINT) {
                assertDoesNotThrow(() -> gate.checkBacklog(action), action.wireName());
            }
        }
    }

    @Test
    void backlogBlocksPrint() {
        record(5, NOW.minus(Duration.ofDays(3)));

        SealDropException rejected = assertThrows(SealDropException.class,
                () -> queued(1, Duration.ofHours(1)).checkBacklog(AuditAction.PRINT));

        assertEquals(AuditPolicyGate.BACKLOG, rejected.errorCode());
    }

    @Test
    void strictIgnoresBacklog() {
        record(5, NOW.minus(Duration.ofDays(3)));
        AuditPolicyGate gate = new AuditPolicyGate(strict(), database, null, CLOCK);

        assertDoesNotThrow(() -> gate.checkBacklog(AuditAction.OPEN));
    }

    @Test
    void strictWithoutSenderRejects() {
        AuditEvent event = new AuditTrail(database, AuditSenderTest.IDENTITY, AuditEventJsonTest.testKey(), CLOCK)
                .record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);
        AuditPolicyGate gate = new AuditPolicyGate(strict(), database, null, CLOCK);

        SealDropException rejected = assertThrows(SealDropException.class, () -> gate.awaitAcknowledged(event));

        assertEquals(AuditPolicyGate.UNREACHABLE, rejected.errorCode());
        assertEquals(1, ReceiverFixture.outbox(database).size());
    }

    @Test
    void policyRejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> new AuditPolicy(AuditPolicy.Mode.QUEUED, 0,
                Duration.ofHours(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new AuditPolicy(AuditPolicy.Mode.QUEUED, 1,
                Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new AuditPolicy(AuditPolicy.Mode.STRICT, 1,
                Duration.ofHours(1), Duration.ofSeconds(-1)));
    }

    private void record(int count, Instant at) {
        AuditTrail trail = new AuditTrail(database, AuditSenderTest.IDENTITY, AuditEventJsonTest.testKey(), Clock.fixed(at, ZoneOffset.UTC));
        for (int i = 0; i < count; i++) {
            trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);
        }
    }

    private AuditPolicyGate queued(long maxPendingEvents, Duration maxPendingAge) {
        return new AuditPolicyGate(new AuditPolicy(AuditPolicy.Mode.QUEUED, maxPendingEvents, maxPendingAge,
                Duration.ofSeconds(10)), database, null, CLOCK);
    }

    private static AuditPolicy strict() {
        return new AuditPolicy(AuditPolicy.Mode.STRICT, 1, Duration.ofHours(1), Duration.ofSeconds(1));
    }
}

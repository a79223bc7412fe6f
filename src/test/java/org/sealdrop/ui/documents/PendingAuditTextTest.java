package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealdrop.audit.AuditStatus;

class PendingAuditTextTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void emptyOutboxSaysAllSent() {
        assertEquals("All audit events sent", PendingAuditText.of(status(0, null), NOW));
    }

    @Test
    void countAndAgeInMinutes() {
        assertEquals("3 audit events waiting, oldest 12 min",
                PendingAuditText.of(status(3, Duration.ofMinutes(12).plusSeconds(40)), NOW));
    }

    @Test
    void oneEventUnderAMinute() {
        assertEquals("1 audit event waiting, oldest under 1 min",
                PendingAuditText.of(status(1, Duration.ofSeconds(59)), NOW));
    }

    @Test
    void ageInHours() {
        assertEquals("1,200 audit events waiting, oldest 26 h",
                PendingAuditText.of(status(1200, Duration.ofHours(26).plusMinutes(59)), NOW));
    }

    @Test
    void countWithoutTimeShowsNoAge() {
        assertEquals("2 audit events waiting", PendingAuditText.of(status(2, null), NOW));
    }

    @Test
    void rejectedEventsOutrankPending() {
        AuditStatus status = new AuditStatus(2, Optional.of(NOW.minusSeconds(30)), Optional.empty(), Optional.empty(),
                3, Optional.of("key_mismatch"));

        assertEquals("Warning: the audit receiver rejected 3 audit events of this computer (key_mismatch);"
                + " opening is blocked, call IT", PendingAuditText.of(status, NOW));
    }

    private static AuditStatus status(long pending, Duration age) {
        return new AuditStatus(pending, Optional.ofNullable(age).map(NOW::minus), Optional.empty(), Optional.empty());
    }
}

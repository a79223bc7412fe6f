package org.sealdrop.ui.documents;

import java.time.Duration;
import java.time.Instant;
import org.sealdrop.audit.AuditStatus;
import org.sealdrop.ui.Messages;

/**
 * The status bar's line about audit events, such as "3 audit events waiting, oldest 12 min", or a
 * warning when the receiver rejected events of this computer.
 */
final class PendingAuditText {

    private PendingAuditText() {
    }

    static String of(AuditStatus status, Instant now) {
        // Rejected events block opening until IT clears them, so they outrank the pending count.
        if (status.rejectedCount() > 0) {
            return Messages.text("status.auditRejected", status.rejectedCount(),
                    status.latestRejection().orElse("?"));
        }
        if (status.pendingCount() == 0) {
            return Messages.text("status.pendingAudit.none");
        }
        if (status.oldestPending().isEmpty()) {
            return Messages.text("status.pendingAudit.countOnly", status.pendingCount());
        }
        return Messages.text("status.pendingAudit", status.pendingCount(), age(status.oldestPendingAge(now)));
    }

    private static String age(Duration age) {
        if (age.toHours() >= 1) {
            return Messages.text("status.age.hours", age.toHours());
        }
        if (age.toMinutes() >= 1) {
            return Messages.text("status.age.minutes", age.toMinutes());
        }
        return Messages.text("status.age.underMinute");
    }
}

package org.sealdrop.cli;

import org.sealdrop.audit.AuditTrail;

/** The line a command prints when audit events are still queued at its end. */
final class UndeliveredAudit {

    private UndeliveredAudit() {
    }

    /**
     * Describes the queued events and, when the receiver rejected them, the reason and the fix, because
     * a rejected batch is not sent again by later runs until the settings change.
     */
    static String describe(AuditTrail trail) {
        String count = "sealdrop: " + trail.pendingCount() + " audit events could not be delivered yet";
        String error = trail.lastDeliveryError().orElse("");
        if (error.equals("HTTP 401") || error.equals("HTTP 403")) {
            return count + " because the audit receiver rejected the token (" + error
                    + "); they stay queued until `sealdrop init` is run again with the right --audit-token-file.";
        }
        if (error.startsWith("HTTP 4")) {
            return count + " because the audit receiver rejected them (" + error
                    + "); they stay queued, so tell IT to check the receiver's log.";
        }
        return count + (error.isEmpty() ? "" : " (" + error + ")")
                + "; they stay queued and the next SealDrop run sends them.";
    }
}

package org.sealdrop.audit;

import java.util.Locale;
import org.sealdrop.SealDropException;

/** The kind of access, or attempt, that an event records. On the wire each action is its name in lower_snake_case. */
public enum AuditAction {
    UPLOAD, OPEN, EXPORT, VERIFY, DELETE, UNLOCK, UNLOCK_FAILED, LOCK, INTEGRITY_FAILURE;

    /** Returns the name used in events on the wire, such as {@code unlock_failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the action with the wire name {@code wireName}.
     *
     * @throws SealDropException with code {@code SD-AUDIT-INVALID} for an unknown name
     */
    public static AuditAction fromWireName(String wireName) {
        for (AuditAction action : values()) {
            if (action.wireName().equals(wireName)) {
                return action;
            }
        }
        throw new SealDropException("SD-AUDIT-INVALID", "The audit action '" + wireName
                + "' is unknown; use one of the lower_snake_case names of AuditAction.");
    }
}

package org.sealdrop.audit;

import java.util.Locale;
import org.sealdrop.SealDropException;

/** The kind of access, or attempt, that an event records. On the wire each action is its name in lower_snake_case. */
public enum AuditAction {
    UPLOAD, OPEN, EXPORT,
    /** A decrypted document was sent to a printer. */
    PRINT,
    VERIFY, DELETE, UNLOCK, UNLOCK_FAILED,
    /** The vault keys were wiped from memory. The reason {@code auto-lock} marks an automatic lock after idle time. */
    LOCK,
    INTEGRITY_FAILURE,
    /** A new vault key version, or the re-wrap of the documents under it. */
    ROTATE,
    /** The passphrase was replaced with the help of the recovery key. */
    RECOVER,
    /** The passphrase was replaced with the help of the old passphrase. */
    CHANGE_PASSPHRASE,
    /** A vault key version that no document uses any more was removed from the key file. */
    RETIRE_KEY,
    /** The recovery key was replaced by a new one. */
    REPLACE_RECOVERY_KEY,
    CLEAR_REJECTIONS;

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

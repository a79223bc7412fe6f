package org.sealdrop.app;

/**
 * The cause of a lock, recorded as the reason of the lock audit event. The reasons are fixed ASCII
 * words, so no caller can put document names or other PHI into the event.
 */
public enum LockReason {

    /** The user pressed Lock, or a command-line session ended; the event carries no reason. */
    REQUEST(null),
    /** No mouse or keyboard input reached any SealDrop window for the auto-lock time. */
    IDLE("auto-lock"),
    /** The window was closed and the application quits. */
    QUIT("quit");

    private final String auditReason;

    LockReason(String auditReason) {
        this.auditReason = auditReason;
    }

    /** Returns the reason field of the lock audit event, or {@code null} for none. */
    public String auditReason() {
        return auditReason;
    }
}

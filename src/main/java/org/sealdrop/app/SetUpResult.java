package org.sealdrop.app;

import java.util.Arrays;

/**
 * The outcome of creating or joining a vault. A new vault comes with its recovery key in typed form,
 * which SealDrop stores nowhere: show it once, tell the user to keep it offline, then {@link #close()}
 * this result to wipe it.
 */
public final class SetUpResult implements AutoCloseable {

    private final boolean created;
    private final char[] recoveryKey;

    SetUpResult(boolean created, char[] recoveryKey) {
        this.created = created;
        this.recoveryKey = recoveryKey;
    }

    /** {@code true} when a new vault was created, {@code false} when an existing one was joined. */
    public boolean created() {
        return created;
    }

    public boolean hasRecoveryKey() {
        return recoveryKey != null;
    }

    /**
     * Returns the live array of the recovery key's typed form (13 groups of 5 characters), not a copy.
     *
     * @throws IllegalStateException when the vault was joined, so no recovery key was made
     */
    public char[] recoveryKey() {
        if (recoveryKey == null) {
            throw new IllegalStateException("A joined vault has no new recovery key; only a created one does.");
        }
        return recoveryKey;
    }

    /** Overwrites the recovery key with zeros. */
    @Override
    public void close() {
        if (recoveryKey != null) {
            Arrays.fill(recoveryKey, '\0');
        }
    }
}

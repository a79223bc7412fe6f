package org.sealdrop.vault;

import java.util.Arrays;
import org.sealdrop.SealDropException;

/**
 * Decides whether a key file from the bucket may replace this computer's copy. Others can write to the
 * bucket, so a file there must belong to the same vault and must not end at an older version than the
 * local copy. A replayed old file would make new documents use a key that a rotation replaced. The
 * unlock that follows checks its wraps and MAC.
 */
public final class KeyFileUpdates {

    private KeyFileUpdates() {
    }

    /** Returns whether {@code bucket} differs from {@code local} and may replace it. */
    public static boolean isSuccessor(KeyFile local, KeyFile bucket) {
        return local.vaultId().equals(bucket.vaultId())
                && bucket.current().keyVersion() >= local.current().keyVersion()
                && !Arrays.equals(local.toJson(), bucket.toJson());
    }

    /**
     * Checks that {@code bucket} belongs to the vault of {@code local} and is not older.
     *
     * @throws SealDropException {@code SD-VAULT-MISMATCH} or {@code SD-KEYFILE-ROLLBACK}
     */
    public static void requireSuccessor(KeyFile local, KeyFile bucket) {
        if (!local.vaultId().equals(bucket.vaultId())) {
            throw new SealDropException("SD-VAULT-MISMATCH", "The bucket contains the key file of vault " + bucket.vaultId()
                    + " but this computer belongs to vault " + local.vaultId()
                    + "; check the bucket and prefix in the settings and tell IT.");
        }
        if (bucket.current().keyVersion() < local.current().keyVersion()) {
            throw new SealDropException("SD-KEYFILE-ROLLBACK", "The bucket's key file ends at key version "
                    + bucket.current().keyVersion() + " but this computer already has version " + local.current().keyVersion()
                    + ", so the bucket's file was replaced by an older one; restore it from a backup and tell IT.");
        }
    }
}

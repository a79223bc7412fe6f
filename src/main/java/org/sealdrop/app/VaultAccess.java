package org.sealdrop.app;

import java.time.Duration;
import org.sealdrop.config.Settings;

/**
 * Creating, joining, unlocking and locking the vault of this home folder.
 *
 * <p>Methods that talk to the bucket or run Argon2id block; the window calls them off the JavaFX
 * application thread. Passphrase arrays are wiped by the implementation before it returns.
 */
public interface VaultAccess {

    /** Auto-lock time while no settings exist or they cannot be read. */
    Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(Settings.DEFAULT_AUTO_LOCK_MINUTES);

    VaultState state();

    /**
     * Creates a vault in the bucket, or joins the one already there when the bucket holds a key file,
     * then leaves it unlocked. Records an unlock (or failed unlock) audit event.
     *
     * @return {@code true} when a new vault was created, {@code false} when an existing one was joined
     */
    default boolean setUp(VaultSetup setup, char[] passphrase) {
        return setUp(setup, passphrase, true);
    }

    /**
     * Like {@link #setUp(VaultSetup, char[])}, but with {@code mayCreate} false it only joins: when the
     * bucket has no vault under the prefix it fails with {@code SD-NO-VAULT} and creates nothing, so a
     * mistyped bucket or prefix cannot start a second vault.
     */
    boolean setUp(VaultSetup setup, char[] passphrase, boolean mayCreate);

    /** Unlocks with the passphrase; throws {@code WrongPassphraseException} and records a failed unlock. */
    void unlock(char[] passphrase);

    /** Locks for {@link LockReason#REQUEST}, as the Lock button and the command line do. */
    default void lock() {
        lock(LockReason.REQUEST);
    }

    /**
     * Wipes every vault key version from memory and records a lock audit event with
     * {@code reason}. Does nothing, and records nothing, when the vault is already locked.
     *
     * <p>Uploads that already wrapped their document key keep running and finish, because they no
     * longer need the vault key; any later use of the vault key fails with {@code SD-VAULT-LOCKED}.
     */
    void lock(LockReason reason);

    /**
     * Idle time after which the window locks the vault, from {@code autoLockMinutes} in
     * {@code settings.json}. {@link Duration#ZERO} means auto-lock is off. Returns
     * {@link #DEFAULT_AUTO_LOCK} while no settings exist. Reads only settings already in memory.
     */
    default Duration autoLockAfter() {
        return DEFAULT_AUTO_LOCK;
    }

    /** Bucket, prefix and endpoint of the vault, for the status bar; contains no PHI. */
    String describe();
}

package org.sealdrop.app;

/**
 * Creating, joining, unlocking and locking the vault of this home folder.
 *
 * <p>Methods that talk to the bucket or run Argon2id block; the window calls them off the JavaFX
 * application thread. Passphrase arrays are wiped by the implementation before it returns.
 */
public interface VaultAccess {

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

    /** Wipes the vault key from memory. Safe to call when already locked. */
    void lock();

    /** Bucket, prefix and endpoint of the vault, for the status bar; contains no PHI. */
    String describe();
}

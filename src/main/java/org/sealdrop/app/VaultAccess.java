package org.sealdrop.app;

import java.time.Duration;
import org.sealdrop.config.Settings;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.RotationReport;

/**
 * Creating, joining, unlocking and locking the vault of this home folder.
 *
 * <p>Methods that talk to the bucket or run Argon2id block; the window calls them off the JavaFX
 * application thread. Passphrase arrays are wiped by the implementation before it returns.
 */
public interface VaultAccess {

    /** Auto-lock time while no settings exist or they cannot be read. */
    Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(Settings.DEFAULT_AUTO_LOCK_MINUTES);

    /** Minimum length of a new passphrase in characters; {@code sealdrop init} and the wizard apply the same rule. */
    int MIN_PASSPHRASE_LENGTH = org.sealdrop.vault.VaultKeyFiles.MIN_PASSPHRASE_LENGTH;

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
     *
     * <p>A vault created here gets a recovery key that is never shown. Callers that create vaults for
     * people use {@link #setUpVault} instead, which returns it.
     */
    boolean setUp(VaultSetup setup, char[] passphrase, boolean mayCreate);

    /**
     * Same as {@link #setUp(VaultSetup, char[], boolean)}, and returns the recovery key of a created
     * vault so that it can be shown once. The caller closes the result.
     */
    default SetUpResult setUpVault(VaultSetup setup, char[] passphrase, boolean mayCreate) {
        return new SetUpResult(setUp(setup, passphrase, mayCreate), null);
    }

    /**
     * Like {@link #setUpVault(VaultSetup, char[], boolean)} with secrets typed in the first-run wizard:
     * typed S3 keys are used by this process only (nothing stores them), and a typed audit token is
     * saved owner-only in the home folder and named as the set-up's token file. Empty credentials keep
     * this computer's own.
     */
    default SetUpResult setUpVault(VaultSetup setup, SetupCredentials credentials, char[] passphrase,
            boolean mayCreate) {
        return setUpVault(setup, passphrase, mayCreate);
    }

    /**
     * Checks that the storage of {@code setup} is reachable and that the credentials may use its bucket,
     * with one HEAD request on the bucket and no retry. Saves nothing.
     *
     * @throws org.sealdrop.SealDropException {@code SD-S3-UNREACHABLE}, {@code SD-S3-ACCESS-DENIED},
     *     {@code SD-S3-NO-BUCKET}, {@code SD-S3-NO-CREDENTIALS}, {@code SD-S3-TLS}, {@code SD-S3-TIMEOUT},
     *     {@code SD-INSECURE-URL} or the code of another failure
     */
    default void testStorage(VaultSetup setup, SetupCredentials credentials) {
        throw new UnsupportedOperationException("This vault cannot test a storage connection.");
    }

    /**
     * Checks that the audit receiver of {@code setup} responds and accepts the token, with one status
     * request that writes no event. Saves nothing.
     *
     * @throws org.sealdrop.SealDropException {@code SD-AUDIT-UNREACHABLE}, {@code SD-AUDIT-TOKEN},
     *     {@code SD-AUDIT-REFUSED}, {@code SD-AUDIT-TLS} or {@code SD-INSECURE-URL}
     */
    default void testAuditReceiver(VaultSetup setup, SetupCredentials credentials) {
        throw new UnsupportedOperationException("This vault cannot test an audit receiver.");
    }

    /**
     * Adds a new vault key version and re-wraps the key of every object in the bucket under it,
     * without moving any content. When an earlier rotation did not finish, resumes it instead. Leaves
     * the vault unlocked with the new version. Records a rotate audit event.
     *
     * @param passphrase the vault passphrase, needed to wrap the new version; wiped before returning
     * @return what happened to the objects; when {@link RotationReport#failures()} is not empty the
     *     rotation stays unfinished and a later call resumes it
     * @throws org.sealdrop.vault.WrongPassphraseException when the passphrase is wrong
     */
    default RotationReport rotate(char[] passphrase, KeyRotation.Progress progress) {
        throw new UnsupportedOperationException("This vault cannot rotate its key.");
    }

    /**
     * Removes vault key version {@code version} from the key file once no object in the bucket uses it.
     * Records a retire-key audit event.
     *
     * @throws org.sealdrop.SealDropException {@code SD-KEY-IN-USE} with the number of objects that still
     *     use it, {@code SD-KEY-VERSION-CURRENT} for the newest version
     */
    default RotationReport retireKeyVersion(char[] passphrase, int version, KeyRotation.Progress progress) {
        throw new UnsupportedOperationException("This vault cannot retire key versions.");
    }

    /**
     * Wraps the vault key versions under a new passphrase; documents are not touched. Leaves the vault
     * unlocked. Records a change-passphrase audit event.
     *
     * @throws org.sealdrop.vault.WrongPassphraseException when {@code currentPassphrase} is wrong
     */
    default void changePassphrase(char[] currentPassphrase, char[] newPassphrase) {
        throw new UnsupportedOperationException("This vault cannot change its passphrase.");
    }

    /**
     * Unlocks with the recovery key (typed form) and sets a new passphrase. Leaves the vault unlocked.
     * Records a recover audit event.
     *
     * @throws org.sealdrop.vault.InvalidRecoveryKeyException when the typed key has a typo
     * @throws org.sealdrop.SealDropException {@code SD-WRONG-RECOVERY-KEY} when it belongs to another vault
     */
    default void recover(char[] recoveryKey, char[] newPassphrase) {
        throw new UnsupportedOperationException("This vault cannot be recovered.");
    }

    /**
     * Replaces the recovery key with a new one and returns its typed form in a fresh array that the
     * caller shows once and wipes. The old recovery key no longer opens the key file in the bucket,
     * but copies of the old key file, such as backups, still open with it.
     *
     * @throws org.sealdrop.vault.WrongPassphraseException when the passphrase is wrong
     */
    default char[] replaceRecoveryKey(char[] passphrase) {
        throw new UnsupportedOperationException("This vault cannot replace its recovery key.");
    }

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

    /** Returns the settings of this computer for the Settings screen; empty where the vault has none, as in test doubles. */
    default java.util.Optional<SettingsAccess> settingsAccess() {
        return java.util.Optional.empty();
    }

    /** Bucket, prefix and endpoint of the vault, for the status bar; contains no PHI. */
    String describe();

    /**
     * Returns a notice from the last unlock that the user should see, such as a passphrase changed on
     * another computer that this computer does not know yet; empty when there is none.
     */
    default java.util.Optional<String> unlockNotice() {
        return java.util.Optional.empty();
    }
}

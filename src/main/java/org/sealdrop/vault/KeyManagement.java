package org.sealdrop.vault;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotation, retirement, passphrase change and recovery for one vault. Each operation starts from the
 * key file in the bucket, which every computer of the vault reads as the authority. It writes its
 * result to the bucket first and to the home folder second, so a failure between the two leaves the
 * bucket ahead, and the next operation or unlock catches up.
 *
 * <p>Every method returns unlocked keys that the caller owns and closes (or keeps as the vault's keys).
 */
public final class KeyManagement {

    /** Key of the vault key file relative to the vault prefix. */
    public static final String KEY_FILE_OBJECT = "vault/keyfile.json";

    private static final Logger LOG = LoggerFactory.getLogger(KeyManagement.class);

    private final ObjectStore store;
    private final Path localKeyFile;
    private final VaultKeyFiles keyFiles;
    private final KeyFileChanges changes;
    private final KeyRotation rotation;

    public KeyManagement(ObjectStore store, Path localKeyFile, VaultKeyFiles keyFiles, KeyRotation rotation) {
        this.store = store;
        this.localKeyFile = localKeyFile;
        this.keyFiles = keyFiles;
        this.changes = new KeyFileChanges(keyFiles);
        this.rotation = rotation;
    }

    /**
     * Adds a vault key version (or resumes the rotation an earlier run left unfinished) and re-wraps
     * every object of the bucket under it. The rotation is marked finished in the key file only when
     * no object failed.
     *
     * @throws WrongPassphraseException when the passphrase does not unlock the bucket's key file
     */
    public Rotated rotate(char[] passphrase, KeyRotation.Progress progress) {
        KeyFile file = authoritativeKeyFile();
        KeyFile working;
        VaultKeys keys;
        if (file.rewrapPending()) {
            keys = keyFiles.unlock(file, passphrase);
            working = file;
            LOG.info("Resuming the rotation of vault {} to key version {}", file.vaultId(), keys.currentVersion());
        } else {
            KeyFileChanges.Changed added = changes.addVersion(file, passphrase);
            keys = added.keys();
            working = added.keyFile();
        }
        try {
            if (!file.rewrapPending()) {
                save(working);
                LOG.info("Vault {} has the new key version {}", file.vaultId(), keys.currentVersion());
            }
            RotationReport report = rotation.rewrapAll(keys, progress);
            if (report.failures().isEmpty()) {
                save(changes.finishRewrap(working, keys));
            }
            return new Rotated(keys, report);
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    /**
     * Removes key version {@code version} after a scan of every object showed that none uses it.
     *
     * @throws SealDropException {@code SD-KEY-IN-USE} when objects still use it or could not be read,
     *     {@code SD-KEY-VERSION} or {@code SD-KEY-VERSION-CURRENT} for a version that cannot be retired
     */
    public Rotated retire(char[] passphrase, int version, KeyRotation.Progress progress) {
        KeyFile file = authoritativeKeyFile();
        VaultKeys keys = keyFiles.unlock(file, passphrase);
        try {
            KeyFile retired = changes.withoutVersion(file, keys, version);
            RotationReport report = rotation.scan(keys, progress);
            int using = report.objectsUsing(version);
            if (using > 0 || !report.failures().isEmpty()) {
                throw new SealDropException("SD-KEY-IN-USE", using + " objects still use vault key version " + version
                        + (report.failures().isEmpty() ? "" : " and " + report.failures().size() + " could not be read")
                        + "; run `sealdrop vault rotate` until it reports no failures, then retire the version.");
            }
            save(retired);
            return new Rotated(keys, report);
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    /**
     * Wraps every version under {@code newPassphrase}.
     *
     * @throws WrongPassphraseException when {@code currentPassphrase} is wrong
     */
    public VaultKeys changePassphrase(char[] currentPassphrase, char[] newPassphrase) {
        KeyFile file = authoritativeKeyFile();
        VaultKeys keys = keyFiles.unlock(file, currentPassphrase);
        return rewrapForPassphrase(file, keys, newPassphrase);
    }

    /**
     * Unlocks with the recovery key and wraps every version under {@code newPassphrase}.
     *
     * @throws SealDropException {@code SD-WRONG-RECOVERY-KEY} or {@code SD-NO-RECOVERY-KEY}
     */
    public VaultKeys recover(RecoveryKey recoveryKey, char[] newPassphrase) {
        KeyFile file = authoritativeKeyFile();
        VaultKeys keys = keyFiles.unlockWithRecoveryKey(file, recoveryKey);
        return rewrapForPassphrase(file, keys, newPassphrase);
    }

    /**
     * Replaces the recovery key; the returned one is shown once and closed by the caller.
     *
     * @throws WrongPassphraseException when the passphrase is wrong
     */
    public RecoveryKey replaceRecoveryKey(char[] passphrase) {
        KeyFile file = authoritativeKeyFile();
        try (VaultKeys keys = keyFiles.unlock(file, passphrase)) {
            KeyFileChanges.Recovery replaced = changes.replaceRecoveryKey(file, keys);
            try {
                save(replaced.keyFile());
                return replaced.recoveryKey();
            } catch (RuntimeException e) {
                replaced.recoveryKey().close();
                throw e;
            }
        }
    }

    /**
     * Returns the bucket's key file, after checking it against this computer's copy: the same vault,
     * and no older newest version (a replayed old file would make new documents use a retired key).
     */
    public KeyFile authoritativeKeyFile() {
        String objectKey = store.key(KEY_FILE_OBJECT);
        byte[] json = store.getSmall(objectKey).orElseThrow(() -> new SealDropException("SD-NO-VAULT",
                "The bucket " + store.settings().bucket() + " has no vault key file at " + objectKey
                        + "; check the bucket and prefix in the settings."));
        KeyFile bucket = KeyFile.parse(json, "the bucket " + store.settings().bucket());
        Optional<KeyFile> local = KeyFileStore.read(localKeyFile);
        if (local.isPresent()) {
            KeyFileUpdates.requireSuccessor(local.get(), bucket);
        }
        return bucket;
    }

    private VaultKeys rewrapForPassphrase(KeyFile file, VaultKeys keys, char[] newPassphrase) {
        try {
            save(changes.changePassphrase(file, keys, newPassphrase));
            return keys;
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    /** Writes {@code file} to the bucket, then to the home folder. */
    private void save(KeyFile file) {
        byte[] json = file.toJson();
        store.putSmall(store.key(KEY_FILE_OBJECT), json, Map.of());
        KeyFileStore.write(localKeyFile, json);
    }

    /** The keys after a rotation or retirement, owned by the caller, and what the walk over the objects found. */
    public record Rotated(VaultKeys keys, RotationReport report) {
    }
}

package org.sealdrop.vault;

import java.util.ArrayList;
import java.util.List;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * Changes to an unlocked key file: a new vault key version, a new passphrase, a new recovery key, the
 * end of a rotation and the removal of a retired version. Each returns a new signed file and leaves
 * its input unchanged; the caller writes the result to the bucket and then to the home folder.
 */
public final class KeyFileChanges {

    private final VaultKeyFiles keyFiles;

    public KeyFileChanges(VaultKeyFiles keyFiles) {
        this.keyFiles = keyFiles;
    }

    /**
     * Adds vault key version {@code newest + 1}, wrapped under the same passphrase key and for the same
     * recovery key, and marks the file as rotating ({@link KeyFile#rewrapPending()}). The passphrase is
     * needed because the passphrase key is never kept in memory.
     *
     * @return the new file and its unlocked keys (every version), which the caller owns
     * @throws WrongPassphraseException when the passphrase does not unlock {@code file}
     */
    public Changed addVersion(KeyFile file, char[] passphrase) {
        try (SecretKeyBytes passphraseKey = keyFiles.deriveKey(file.passphrase(), passphrase);
                VaultKeys previous = keyFiles.unlock(file, passphraseKey)) {
            int version = file.current().keyVersion() + 1;
            SecretKeyBytes newKey = SecretKeyBytes.random(keyFiles.random());
            VaultKeys keys = previous.copyWith(version, newKey);
            try {
                byte[] passphraseWrap = KeyWrapping.wrap(passphraseKey, newKey,
                        VaultKeys.keyFileAad(file.vaultId(), version), keyFiles.random());
                byte[] recoveryWrap = file.recovery() == null ? null
                        : RecoveryWrapping.wrap(file.recovery().publicKey(), newKey, file.vaultId(), version);
                List<WrappedVaultKey> entries = new ArrayList<>(file.keys());
                entries.add(new WrappedVaultKey(version, keyFiles.clock().instant(), passphraseWrap, recoveryWrap));
                KeyFile changed = file.with(file.passphrase(), file.recovery(), entries, true);
                return new Changed(KeyFileMac.sign(changed, newKey), keys);
            } catch (RuntimeException e) {
                keys.close();
                throw e;
            }
        }
    }

    /**
     * Wraps every version under a key derived from {@code newPassphrase}, with a fresh salt and the
     * current Argon2id settings. The recovery wraps stay as they are.
     *
     * @param keys the unlocked keys of {@code file}
     * @throws SealDropException {@code SD-PASSPHRASE-SHORT} when the new passphrase is too short
     */
    public KeyFile changePassphrase(KeyFile file, VaultKeys keys, char[] newPassphrase) {
        VaultKeyFiles.requireLength(newPassphrase);
        requireKeysOf(file, keys);
        PassphraseSlot slot = PassphraseSlot.fresh(keyFiles.argon2(), keyFiles.random());
        List<WrappedVaultKey> entries = new ArrayList<>();
        try (SecretKeyBytes passphraseKey = keyFiles.deriveKey(slot, newPassphrase)) {
            for (WrappedVaultKey entry : file.keys()) {
                byte[] wrap = KeyWrapping.wrap(passphraseKey, keys.version(entry.keyVersion()),
                        VaultKeys.keyFileAad(file.vaultId(), entry.keyVersion()), keyFiles.random());
                entries.add(new WrappedVaultKey(entry.keyVersion(), entry.createdAt(), wrap, entry.recoveryWrap()));
            }
        }
        return KeyFileMac.sign(file.with(slot, file.recovery(), entries, file.rewrapPending()), keys.current());
    }

    /**
     * Replaces the recovery key: every version is wrapped for a new one, and the old one opens nothing
     * in the returned file. The caller shows the new recovery key once and closes it.
     */
    public Recovery replaceRecoveryKey(KeyFile file, VaultKeys keys) {
        requireKeysOf(file, keys);
        RecoveryKey recoveryKey = RecoveryKey.generate(keyFiles.random());
        try {
            RecoverySlot recovery = new RecoverySlot(RecoveryWrapping.KEM, RecoveryWrapping.publicKey(recoveryKey));
            List<WrappedVaultKey> entries = new ArrayList<>();
            for (WrappedVaultKey entry : file.keys()) {
                byte[] wrap = RecoveryWrapping.wrap(recovery.publicKey(), keys.version(entry.keyVersion()),
                        file.vaultId(), entry.keyVersion());
                entries.add(new WrappedVaultKey(entry.keyVersion(), entry.createdAt(), entry.passphraseWrap(), wrap));
            }
            KeyFile changed = file.with(file.passphrase(), recovery, entries, file.rewrapPending());
            return new Recovery(KeyFileMac.sign(changed, keys.current()), recoveryKey);
        } catch (RuntimeException e) {
            recoveryKey.close();
            throw e;
        }
    }

    /** Clears {@link KeyFile#rewrapPending()} once every object uses the newest version. */
    public KeyFile finishRewrap(KeyFile file, VaultKeys keys) {
        requireKeysOf(file, keys);
        return KeyFileMac.sign(file.with(file.passphrase(), file.recovery(), file.keys(), false), keys.current());
    }

    /**
     * Removes key version {@code version}. The caller has checked that no object uses it any more.
     *
     * @throws SealDropException {@code SD-KEY-VERSION} when the file has no such version, or
     *     {@code SD-KEY-VERSION-CURRENT} when it is the newest one
     */
    public KeyFile withoutVersion(KeyFile file, VaultKeys keys, int version) {
        requireKeysOf(file, keys);
        if (!file.hasVersion(version)) {
            throw new SealDropException("SD-KEY-VERSION", "The vault has no key version " + version
                    + "; run `sealdrop vault status` to list its versions.");
        }
        if (file.current().keyVersion() == version) {
            throw new SealDropException("SD-KEY-VERSION-CURRENT", "Key version " + version
                    + " is the newest one and wraps new documents; run `sealdrop vault rotate` first, then retire it.");
        }
        List<WrappedVaultKey> entries = new ArrayList<>(file.keys());
        entries.removeIf(entry -> entry.keyVersion() == version);
        return KeyFileMac.sign(file.with(file.passphrase(), file.recovery(), entries, file.rewrapPending()), keys.current());
    }

    private static void requireKeysOf(KeyFile file, VaultKeys keys) {
        if (!file.vaultId().equals(keys.vaultId()) || file.current().keyVersion() != keys.currentVersion()) {
            throw new IllegalArgumentException("The unlocked keys do not belong to this key file.");
        }
    }

    /** A changed key file and its unlocked keys, which the caller owns. */
    public record Changed(KeyFile keyFile, VaultKeys keys) {
    }

    /** A key file with a new recovery key: show it once, then close it. */
    public record Recovery(KeyFile keyFile, RecoveryKey recoveryKey) {
    }
}

package org.sealdrop.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.PassphraseKdf;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * Creates key files and unlocks them with the passphrase or the recovery key. Only this class and
 * {@link KeyFileChanges} handle a passphrase-derived key, and they zero each one as soon as the wraps
 * are done.
 */
public final class VaultKeyFiles {

    /** Shortest passphrase accepted when a vault is created or its passphrase changed. */
    public static final int MIN_PASSPHRASE_LENGTH = 10;

    /**
     * Held while Argon2id runs, so concurrent unlocks in one JVM take turns and never need the memory
     * of two derivations at once. An unlock waits for the one before it instead of failing for memory.
     */
    private static final Object ARGON2_MEMORY = new Object();

    private final SecureRandom random;
    private final Clock clock;
    private final Argon2Settings argon2;

    public VaultKeyFiles(SecureRandom random, Clock clock, Argon2Settings argon2) {
        this.random = random;
        this.clock = clock;
        this.argon2 = argon2;
    }

    /**
     * Creates a vault: a random vault key (version 1) wrapped under {@code passphrase} and for a new
     * recovery key. The caller shows the recovery key once and closes it.
     *
     * @throws SealDropException {@code SD-PASSPHRASE-SHORT} when the passphrase is too short
     */
    public Created create(char[] passphrase) {
        requireLength(passphrase);
        UUID vaultId = UUID.randomUUID();
        Instant now = clock.instant();
        PassphraseSlot slot = PassphraseSlot.fresh(argon2, random);
        SecretKeyBytes vaultKey = SecretKeyBytes.random(random);
        RecoveryKey recoveryKey = RecoveryKey.generate(random);
        try {
            RecoverySlot recovery = new RecoverySlot(RecoveryWrapping.KEM, RecoveryWrapping.publicKey(recoveryKey));
            byte[] passphraseWrap;
            try (SecretKeyBytes passphraseKey = deriveKey(slot, passphrase)) {
                passphraseWrap = KeyWrapping.wrap(passphraseKey, vaultKey, VaultKeys.keyFileAad(vaultId, 1), random);
            }
            WrappedVaultKey entry = new WrappedVaultKey(1, now, passphraseWrap,
                    RecoveryWrapping.wrap(recovery.publicKey(), vaultKey, vaultId, 1));
            KeyFile unsigned = new KeyFile(KeyFile.FORMAT, KeyFile.CURRENT_VERSION, vaultId, now, slot, recovery,
                    List.of(entry), false, null);
            return new Created(KeyFileMac.sign(unsigned, vaultKey), new VaultKeys(vaultId, Map.of(1, vaultKey)), recoveryKey);
        } catch (RuntimeException e) {
            vaultKey.close();
            recoveryKey.close();
            throw e;
        }
    }

    /**
     * Unwraps every key version of {@code file} with the passphrase and checks the file's MAC.
     *
     * @throws WrongPassphraseException when the passphrase does not unwrap the first version
     * @throws SealDropException {@code SD-KEYFILE-TAMPERED} when a later version or the MAC does not verify
     */
    public VaultKeys unlock(KeyFile file, char[] passphrase) {
        try (SecretKeyBytes passphraseKey = deriveKey(file.passphrase(), passphrase)) {
            return unlock(file, passphraseKey);
        }
    }

    /**
     * Unwraps every key version of {@code file} with the recovery key and checks the file's MAC.
     *
     * @throws SealDropException {@code SD-NO-RECOVERY-KEY} when the vault has none,
     *     {@code SD-WRONG-RECOVERY-KEY} when the recovery key belongs to another vault, or
     *     {@code SD-KEYFILE-TAMPERED} when a wrap or the MAC does not verify
     */
    public VaultKeys unlockWithRecoveryKey(KeyFile file, RecoveryKey recoveryKey) {
        if (file.recovery() == null) {
            throw new SealDropException("SD-NO-RECOVERY-KEY", "The vault " + file.vaultId()
                    + " was created without a recovery key; unlock it with the passphrase instead.");
        }
        if (!Arrays.equals(RecoveryWrapping.publicKey(recoveryKey), file.recovery().publicKey())) {
            throw new SealDropException("SD-WRONG-RECOVERY-KEY", "The recovery key does not belong to the vault "
                    + file.vaultId() + "; check that the printout is the one made for this vault's bucket and prefix.");
        }
        Map<Integer, SecretKeyBytes> keys = new HashMap<>();
        for (WrappedVaultKey entry : file.keys()) {
            SecretKeyBytes key = RecoveryWrapping.unwrap(recoveryKey, entry.recoveryWrap(), file.vaultId(), entry.keyVersion());
            if (key == null) {
                keys.values().forEach(SecretKeyBytes::close);
                throw KeyFile.tampered("key version " + entry.keyVersion() + " does not unwrap with the recovery key");
            }
            keys.put(entry.keyVersion(), key);
        }
        return checkedKeys(file, keys);
    }

    /** Runs Argon2id for {@code slot}; one derivation at a time per JVM (see {@link #ARGON2_MEMORY}). */
    SecretKeyBytes deriveKey(PassphraseSlot slot, char[] passphrase) {
        synchronized (ARGON2_MEMORY) {
            return PassphraseKdf.deriveKey(passphrase, slot.argon2());
        }
    }

    VaultKeys unlock(KeyFile file, SecretKeyBytes passphraseKey) {
        Map<Integer, SecretKeyBytes> keys = new HashMap<>();
        for (WrappedVaultKey entry : file.keys()) {
            try {
                keys.put(entry.keyVersion(), KeyWrapping.unwrap(passphraseKey, entry.passphraseWrap(),
                        VaultKeys.keyFileAad(file.vaultId(), entry.keyVersion())));
            } catch (IntegrityException e) {
                boolean first = keys.isEmpty();
                keys.values().forEach(SecretKeyBytes::close);
                if (first) {
                    throw new WrongPassphraseException();
                }
                throw KeyFile.tampered("key version " + entry.keyVersion()
                        + " does not unwrap with the passphrase that unwraps the versions before it");
            }
        }
        return checkedKeys(file, keys);
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
    }

    Argon2Settings argon2() {
        return argon2;
    }

    static void requireLength(char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new SealDropException("SD-PASSPHRASE-SHORT", "The passphrase has " + passphrase.length
                    + " characters; choose one of at least " + MIN_PASSPHRASE_LENGTH + " characters.");
        }
    }

    private static VaultKeys checkedKeys(KeyFile file, Map<Integer, SecretKeyBytes> keys) {
        VaultKeys unlocked = new VaultKeys(file.vaultId(), keys);
        try {
            KeyFileMac.verify(file, unlocked.current());
            return unlocked;
        } catch (RuntimeException e) {
            unlocked.close();
            throw e;
        }
    }

    /**
     * A new key file, its unlocked keys and its recovery key, which exists nowhere else: show it once,
     * then close it.
     */
    public record Created(KeyFile keyFile, VaultKeys keys, RecoveryKey recoveryKey) {
    }
}

package org.sealdrop.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sealdrop.crypto.Argon2Parameters;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.PassphraseKdf;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * Creates key files and unlocks them. Only this class handles a passphrase-derived key, and it zeroes
 * each one as soon as the wrap or unwrap is done.
 */
public final class VaultKeyFiles {

    /** Shortest passphrase accepted when a vault is created. */
    public static final int MIN_PASSPHRASE_LENGTH = 10;

    private final SecureRandom random;
    private final Clock clock;
    private final Argon2Settings argon2;

    public VaultKeyFiles(SecureRandom random, Clock clock, Argon2Settings argon2) {
        this.random = random;
        this.clock = clock;
        this.argon2 = argon2;
    }

    /** Creates a vault: a random vault key (version 1) wrapped under {@code passphrase}. */
    public Created create(char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new org.sealdrop.SealDropException("SD-PASSPHRASE-SHORT", "The passphrase has " + passphrase.length
                    + " characters; choose one of at least " + MIN_PASSPHRASE_LENGTH + " characters.");
        }
        UUID vaultId = UUID.randomUUID();
        SecretKeyBytes vaultKey = SecretKeyBytes.random(random);
        Argon2Parameters parameters = argon2.newParameters(random);
        byte[] wrapped;
        try (SecretKeyBytes kek = PassphraseKdf.deriveKey(passphrase, parameters)) {
            wrapped = KeyWrapping.wrap(kek, vaultKey, VaultKeys.keyFileAad(vaultId, 1), random);
        }
        WrappedVaultKey entry = new WrappedVaultKey(1, "argon2id", parameters.memoryKiB(), parameters.iterations(),
                parameters.parallelism(), parameters.salt(), wrapped);
        KeyFile file = new KeyFile(KeyFile.FORMAT, 1, vaultId, clock.instant(), List.of(entry));
        return new Created(file, new VaultKeys(vaultId, Map.of(1, vaultKey)));
    }

    /** Unwraps every key version of {@code file}; throws {@link WrongPassphraseException} when the passphrase is wrong. */
    public VaultKeys unlock(KeyFile file, char[] passphrase) {
        Map<Integer, SecretKeyBytes> keys = new HashMap<>();
        try {
            for (WrappedVaultKey entry : file.keys()) {
                try (SecretKeyBytes kek = PassphraseKdf.deriveKey(passphrase, entry.argon2())) {
                    keys.put(entry.keyVersion(),
                            KeyWrapping.unwrap(kek, entry.wrappedKey(), VaultKeys.keyFileAad(file.vaultId(), entry.keyVersion())));
                }
            }
            return new VaultKeys(file.vaultId(), keys);
        } catch (IntegrityException e) {
            keys.values().forEach(SecretKeyBytes::close);
            throw new WrongPassphraseException();
        }
    }

    /** A new key file and its unlocked keys. */
    public record Created(KeyFile keyFile, VaultKeys keys) {
    }
}

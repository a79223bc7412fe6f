package org.sealdrop.vault;

import java.security.SecureRandom;
import org.sealdrop.crypto.Argon2Parameters;

/**
 * The passphrase key derivation of a key file: Argon2id with these costs and salt. Every vault key
 * version is wrapped under the one derived key, so an unlock runs Argon2id once however many versions
 * the file has.
 *
 * @param kdf always {@code "argon2id"}
 * @param memoryKiB Argon2id memory in KiB
 * @param iterations Argon2id passes
 * @param parallelism Argon2id lanes
 * @param salt random salt, 16 bytes when SealDrop writes it
 */
public record PassphraseSlot(String kdf, int memoryKiB, int iterations, int parallelism, byte[] salt) {

    static final String ARGON2ID = "argon2id";

    /** The weakest Argon2id memory accepted from a file, so a tampered file cannot make guessing cheap. */
    static final int MIN_MEMORY_KIB = 19 * 1024;
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    static final int MIN_SALT_LENGTH = 16;

    /** Returns a slot with the costs of {@code settings} and a fresh 16-byte salt. */
    static PassphraseSlot fresh(Argon2Settings settings, SecureRandom random) {
        byte[] salt = new byte[MIN_SALT_LENGTH];
        random.nextBytes(salt);
        return new PassphraseSlot(ARGON2ID, settings.memoryKiB(), settings.iterations(), settings.parallelism(), salt);
    }

    Argon2Parameters argon2() {
        return new Argon2Parameters(memoryKiB, iterations, parallelism, salt);
    }

    void validate(String source) {
        if (!ARGON2ID.equals(kdf)) {
            throw KeyFile.invalid(source, "its passphrase uses the unknown key derivation " + kdf);
        }
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw KeyFile.invalid(source, "its Argon2id parameters are outside the accepted range (at least "
                    + MIN_MEMORY_KIB / 1024 + " MiB)");
        }
        if (salt == null || salt.length < MIN_SALT_LENGTH) {
            throw KeyFile.invalid(source, "its Argon2id salt is missing or shorter than " + MIN_SALT_LENGTH + " bytes");
        }
    }
}

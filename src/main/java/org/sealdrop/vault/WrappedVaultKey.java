package org.sealdrop.vault;

import org.sealdrop.crypto.Argon2Parameters;

/**
 * One version of the vault key, wrapped under a passphrase-derived key.
 *
 * @param keyVersion version number, from 1; document keys name the version that wraps them
 * @param kdf {@code "argon2id"}
 * @param memoryKiB Argon2id memory in KiB
 * @param iterations Argon2id passes
 * @param parallelism Argon2id lanes
 * @param salt Argon2id salt (16 bytes)
 * @param wrappedKey the vault key wrapped by {@code KeyWrapping.wrap}, associated data from {@link VaultKeys#keyFileAad}
 */
public record WrappedVaultKey(int keyVersion, String kdf, int memoryKiB, int iterations, int parallelism,
        byte[] salt, byte[] wrappedKey) {

    /** The weakest Argon2id setting accepted from a file, so a tampered file cannot make guessing cheap. */
    static final int MIN_MEMORY_KIB = 19 * 1024;

    public Argon2Parameters argon2() {
        return new Argon2Parameters(memoryKiB, iterations, parallelism, salt);
    }

    void validate(String source) {
        if (!"argon2id".equals(kdf)) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " uses the unknown KDF " + kdf);
        }
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > 4 * 1024 * 1024 || iterations < 1 || iterations > 64
                || parallelism < 1 || parallelism > 16) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " has Argon2id parameters outside the accepted range");
        }
        if (salt == null || salt.length < 16 || wrappedKey == null) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " lacks its salt or wrapped key");
        }
    }
}

package org.sealdrop.vault;

import java.time.Instant;
import org.sealdrop.crypto.KeyWrapping;

/**
 * One version of the vault key, wrapped for the passphrase and, when the vault has a recovery key,
 * for the recovery key.
 *
 * @param keyVersion version number, from 1; a wrapped document key names the version that wraps it
 * @param createdAt when the version was created
 * @param passphraseWrap the vault key wrapped by {@code KeyWrapping.wrap} under the passphrase key,
 *     with associated data {@link VaultKeys#keyFileAad}
 * @param recoveryWrap the vault key wrapped by {@link RecoveryWrapping#wrap}, or {@code null} when the
 *     vault has no recovery key
 */
public record WrappedVaultKey(int keyVersion, Instant createdAt, byte[] passphraseWrap, byte[] recoveryWrap) {

    void validate(String source, boolean recoveryExpected) {
        if (keyVersion < 1) {
            throw KeyFile.invalid(source, "it lists the invalid key version " + keyVersion);
        }
        if (createdAt == null) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " has no creation time");
        }
        if (passphraseWrap == null || passphraseWrap.length != KeyWrapping.WRAPPED_KEY_LENGTH) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " lacks its passphrase wrap");
        }
        if (recoveryExpected && (recoveryWrap == null || recoveryWrap.length != RecoveryWrapping.WRAP_LENGTH)) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " lacks its recovery wrap");
        }
        if (!recoveryExpected && recoveryWrap != null) {
            throw KeyFile.invalid(source, "key version " + keyVersion + " has a recovery wrap but the file has no recovery key");
        }
    }
}

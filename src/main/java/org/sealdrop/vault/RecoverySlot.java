package org.sealdrop.vault;

/**
 * The public half of the vault's recovery key, which lets an unlocked device wrap new vault key
 * versions for the recovery key (see {@link RecoveryWrapping}).
 *
 * @param kem always {@value RecoveryWrapping#KEM}
 * @param publicKey X25519 public key, 32 bytes
 */
public record RecoverySlot(String kem, byte[] publicKey) {

    void validate(String source) {
        if (!RecoveryWrapping.KEM.equals(kem)) {
            throw KeyFile.invalid(source, "its recovery key uses the unknown scheme " + kem);
        }
        if (publicKey == null || publicKey.length != RecoveryWrapping.PUBLIC_KEY_LENGTH) {
            throw KeyFile.invalid(source, "its recovery public key is missing or not "
                    + RecoveryWrapping.PUBLIC_KEY_LENGTH + " bytes long");
        }
    }
}

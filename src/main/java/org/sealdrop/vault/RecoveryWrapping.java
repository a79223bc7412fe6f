package org.sealdrop.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * Wraps vault key versions for the recovery key with HPKE (RFC 9180) in base mode:
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM. The recovery key is the input keying
 * material of HPKE's {@code DeriveKeyPair}; the key file keeps only the public key.
 *
 * <p>A public key lets any unlocked device wrap a new vault key version for the recovery key without
 * holding it, and a device that only ever held vault keys learns nothing that opens later recovery
 * wraps, so rotation still locks out a former holder of the vault key.
 *
 * <p>NOTE: Bouncy Castle keeps the derived X25519 private key in parameter objects that cannot be
 * wiped; they stay on the heap until collected.
 */
final class RecoveryWrapping {

    /** Name of this construction in the key file. */
    static final String KEM = "hpke-x25519-sha256-aes256gcm";

    /** {@code 0x01 | encapsulated key (32) | AES-256-GCM ciphertext of the vault key and tag (48)}. */
    static final int WRAP_LENGTH = 1 + 32 + SecretKeyBytes.LENGTH + 16;

    static final int PUBLIC_KEY_LENGTH = 32;

    private static final byte[] INFO = "SealDrop recovery wrap v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD_LABEL = "SealDrop recovery wrap v1".getBytes(StandardCharsets.US_ASCII);

    private RecoveryWrapping() {
    }

    /** Returns the 32-byte X25519 public key that belongs to {@code recoveryKey}. */
    static byte[] publicKey(RecoveryKey recoveryKey) {
        HPKE hpke = hpke();
        return hpke.serializePublicKey(hpke.deriveKeyPair(recoveryKey.bytes()).getPublic());
    }

    /** Wraps vault key {@code keyVersion} for the holder of the recovery key that owns {@code publicKey}. */
    static byte[] wrap(byte[] publicKey, SecretKeyBytes vaultKey, UUID vaultId, int keyVersion) {
        HPKE hpke = hpke();
        byte[][] sealed;
        try {
            sealed = hpke.seal(hpke.deserializePublicKey(publicKey), INFO, aad(vaultId, keyVersion), vaultKey.bytes(),
                    null, null, null);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE could not seal a 32-byte key.", e);
        }
        byte[] ciphertext = sealed[0];
        byte[] encapsulated = sealed[1];
        return ByteBuffer.allocate(WRAP_LENGTH).put((byte) 1).put(encapsulated).put(ciphertext).array();
    }

    /**
     * Unwraps vault key {@code keyVersion} with the recovery key. Returns {@code null} when the wrap is
     * malformed or does not open, so that the caller reports it in its own words.
     */
    static SecretKeyBytes unwrap(RecoveryKey recoveryKey, byte[] wrap, UUID vaultId, int keyVersion) {
        if (wrap == null || wrap.length != WRAP_LENGTH || wrap[0] != 1) {
            return null;
        }
        HPKE hpke = hpke();
        AsymmetricCipherKeyPair pair = hpke.deriveKeyPair(recoveryKey.bytes());
        byte[] encapsulated = Arrays.copyOfRange(wrap, 1, 33);
        byte[] ciphertext = Arrays.copyOfRange(wrap, 33, WRAP_LENGTH);
        byte[] key = null;
        try {
            key = hpke.open(encapsulated, pair, INFO, aad(vaultId, keyVersion), ciphertext, null, null, null);
            return SecretKeyBytes.copyOf(key);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            return null;
        } catch (IllegalStateException e) {
            // Bouncy Castle's X25519 agreement raises this for a low-order encapsulated key, whose
            // shared secret is all zeros. Anyone who can write the key file can plant one.
            return null;
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static byte[] aad(UUID vaultId, int keyVersion) {
        return ByteBuffer.allocate(AAD_LABEL.length + 16 + 4)
                .put(AAD_LABEL)
                .putLong(vaultId.getMostSignificantBits())
                .putLong(vaultId.getLeastSignificantBits())
                .putInt(keyVersion)
                .array();
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}

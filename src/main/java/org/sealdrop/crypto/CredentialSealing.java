package org.sealdrop.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;

/**
 * Encrypts a small secret, such as S3 access keys typed on this computer, under one vault key version.
 * The AES-256-GCM key is derived with HKDF-SHA-256 from the vault key, with the info label
 * {@value #LABEL} followed by the vault id. The associated data is the vault id and the key version, so
 * a sealed value cannot be moved to another vault or version unnoticed. The sealed form is a random
 * 12-byte nonce followed by the ciphertext and the 16-byte tag.
 */
public final class CredentialSealing {

    /** HKDF info label, distinct from every document and key file label. */
    public static final String LABEL = "sealdrop s3 credentials v1";

    private CredentialSealing() {
    }

    /** Encrypts {@code plaintext} under {@code vaultKey}. The caller wipes the plaintext. */
    public static byte[] seal(SecretKeyBytes vaultKey, UUID vaultId, int keyVersion, byte[] plaintext,
            SecureRandom random) {
        byte[] nonce = new byte[ObjectFormat.NONCE_SIZE];
        random.nextBytes(nonce);
        try (SecretKeyBytes key = Hkdf.deriveKey(vaultKey, new byte[0], LABEL, vaultId)) {
            byte[] ciphertext = AesGcm.encrypt(key, nonce, associatedData(vaultId, keyVersion), plaintext);
            return ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
        }
    }

    /**
     * Decrypts a value from {@link #seal}. The caller wipes the returned plaintext.
     *
     * @throws IntegrityException when the value is truncated, altered, or sealed under another key,
     *     vault or version
     */
    public static byte[] open(SecretKeyBytes vaultKey, UUID vaultId, int keyVersion, byte[] sealed) {
        if (sealed.length < ObjectFormat.NONCE_SIZE + ObjectFormat.TAG_SIZE) {
            throw new IntegrityException("The sealed credentials of vault " + vaultId
                    + " are truncated; delete them and type the keys again.");
        }
        byte[] nonce = Arrays.copyOf(sealed, ObjectFormat.NONCE_SIZE);
        byte[] ciphertext = Arrays.copyOfRange(sealed, ObjectFormat.NONCE_SIZE, sealed.length);
        try (SecretKeyBytes key = Hkdf.deriveKey(vaultKey, new byte[0], LABEL, vaultId)) {
            return AesGcm.decrypt(key, nonce, associatedData(vaultId, keyVersion), ciphertext);
        } catch (AEADBadTagException e) {
            throw new IntegrityException("The sealed credentials of vault " + vaultId + " key version " + keyVersion
                    + " failed verification, so they were altered or belong elsewhere; delete them and type the keys again.", e);
        }
    }

    private static byte[] associatedData(UUID vaultId, int keyVersion) {
        byte[] label = LABEL.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(label.length + 16 + Integer.BYTES).put(label).put(Uuids.toBytes(vaultId))
                .putInt(keyVersion).array();
    }
}

package org.sealdrop.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;

/**
 * Encrypts the path of a source file for an unfinished upload, so that the index can resume the
 * upload without storing the path (often a patient's name) in clear.
 *
 * <p>Key = HKDF-SHA-256 of the document key with an empty salt and the info "SealDrop v1 source
 * path key" followed by the 16 document id bytes, so it is independent of the object's keys. The
 * output is a random 12-byte nonce followed by the AES-256-GCM ciphertext and tag, with the 16 id
 * bytes as associated data, so a value copied to another document's row does not decrypt.
 */
public final class SourcePathCipher {

    static final String PATH_KEY_LABEL = "SealDrop v1 source path key";

    private SourcePathCipher() {
    }

    /** Encrypts {@code path} (UTF-8) for document {@code documentId}. The document key is only read. */
    public static byte[] encrypt(SecretKeyBytes documentKey, UUID documentId, String path, SecureRandom random) {
        Objects.requireNonNull(path, "path");
        byte[] nonce = new byte[ObjectFormat.NONCE_SIZE];
        random.nextBytes(nonce);
        byte[] plaintext = path.getBytes(StandardCharsets.UTF_8);
        try (SecretKeyBytes key = Hkdf.deriveKey(documentKey, new byte[0], PATH_KEY_LABEL, documentId)) {
            byte[] ciphertext = AesGcm.encrypt(key, nonce, Uuids.toBytes(documentId), plaintext);
            byte[] sealed = Arrays.copyOf(nonce, nonce.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, sealed, nonce.length, ciphertext.length);
            return sealed;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts a value of {@link #encrypt}.
     *
     * @throws IntegrityException when the value was not encrypted for this document key and id
     */
    public static String decrypt(SecretKeyBytes documentKey, UUID documentId, byte[] sealed) {
        if (sealed.length < ObjectFormat.NONCE_SIZE + ObjectFormat.TAG_SIZE) {
            throw IntegrityException.forDocument(documentId, "its stored source path is too short");
        }
        byte[] nonce = Arrays.copyOf(sealed, ObjectFormat.NONCE_SIZE);
        byte[] ciphertext = Arrays.copyOfRange(sealed, ObjectFormat.NONCE_SIZE, sealed.length);
        try (SecretKeyBytes key = Hkdf.deriveKey(documentKey, new byte[0], PATH_KEY_LABEL, documentId)) {
            byte[] plaintext = AesGcm.decrypt(key, nonce, Uuids.toBytes(documentId), ciphertext);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw IntegrityException.forDocument(documentId, "its stored source path does not verify", e);
        }
    }
}

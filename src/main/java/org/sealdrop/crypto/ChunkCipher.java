package org.sealdrop.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the chunks of one object (docs/FORMAT.md, "Chunks").
 *
 * <p>Nonce = nonce prefix (7 bytes) || uint32 big-endian chunk index || 0x01 on the last chunk, else
 * 0x00. Associated data = SHA-256 of the complete header. The index and the flag make reordered,
 * duplicated and truncated chunk sequences fail, and the header hash makes a chunk fail under any
 * other header, as in the STREAM construction. One instance reuses one {@link Cipher}, so it is not
 * thread-safe; parallel callers create one each.
 */
final class ChunkCipher {

    private final SecretKeySpec key;
    private final byte[] noncePrefix;
    private final byte[] associatedData;
    private final Cipher cipher = AesGcm.newCipher();

    ChunkCipher(SecretKeyBytes chunkKey, byte[] noncePrefix, byte[] headerSha256) {
        this.key = AesGcm.keySpec(chunkKey);
        this.noncePrefix = noncePrefix.clone();
        this.associatedData = headerSha256.clone();
    }

    static byte[] nonce(byte[] noncePrefix, long chunkIndex, boolean lastChunk) {
        return ByteBuffer.allocate(ObjectFormat.NONCE_SIZE)
                .put(noncePrefix)
                .putInt((int) chunkIndex)
                .put(lastChunk ? (byte) 1 : (byte) 0)
                .array();
    }

    /** Encrypts {@code length} bytes into {@code out} at 0 and returns the ciphertext length (length + tag). */
    int encrypt(long chunkIndex, boolean lastChunk, byte[] in, int offset, int length, byte[] out) {
        try {
            init(Cipher.ENCRYPT_MODE, chunkIndex, lastChunk);
            return cipher.doFinal(in, offset, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption of a chunk failed.", e);
        }
    }

    /**
     * Decrypts ciphertext-with-tag into {@code out} at 0 and returns the plaintext length.
     *
     * @throws AEADBadTagException when the tag does not verify; {@code out} must then be discarded
     */
    int decrypt(long chunkIndex, boolean lastChunk, byte[] in, int offset, int length, byte[] out)
            throws AEADBadTagException {
        try {
            init(Cipher.DECRYPT_MODE, chunkIndex, lastChunk);
            return cipher.doFinal(in, offset, length, out, 0);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption of a chunk failed.", e);
        }
    }

    private void init(int mode, long chunkIndex, boolean lastChunk)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        byte[] nonce = nonce(noncePrefix, chunkIndex, lastChunk);
        cipher.init(mode, key, new GCMParameterSpec(AesGcm.TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
    }
}

package org.sealdrop.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-shot AES-256-GCM with a 12-byte nonce and a 16-byte tag, through the JDK provider.
 *
 * <p>NOTE: {@link SecretKeySpec} and the provider's expanded key schedule keep copies of the key that
 * the JDK 17 API cannot wipe; they stay on the heap until collected.
 */
final class AesGcm {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int TAG_BITS = ObjectFormat.TAG_SIZE * Byte.SIZE;

    private AesGcm() {
    }

    /** Returns a cipher for {@link #TRANSFORMATION}, which every Java 17 runtime must provide. */
    static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("This Java runtime lacks " + TRANSFORMATION + "; install a complete JDK 17.", e);
        }
    }

    static SecretKeySpec keySpec(SecretKeyBytes key) {
        return new SecretKeySpec(key.bytes(), "AES");
    }

    /** Returns ciphertext followed by the tag. */
    static byte[] encrypt(SecretKeyBytes key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        Cipher cipher = newCipher();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, keySpec(key), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(plaintext);
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("AES-256-GCM rejected a 32-byte key or a 12-byte nonce.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed.", e);
        }
    }

    /**
     * Returns the plaintext of ciphertext-with-tag.
     *
     * @throws AEADBadTagException when the tag does not verify; no plaintext is returned then
     */
    static byte[] decrypt(SecretKeyBytes key, byte[] nonce, byte[] associatedData, byte[] ciphertext)
            throws AEADBadTagException {
        Cipher cipher = newCipher();
        try {
            cipher.init(Cipher.DECRYPT_MODE, keySpec(key), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("AES-256-GCM rejected a 32-byte key or a 12-byte nonce.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed.", e);
        }
    }
}

package org.sealdrop.crypto.independent.format;

import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF-SHA-256, SHA-256 and AES-256-GCM through Bouncy Castle's lightweight API, so the independent
 * reader shares no cipher code with the production classes, which use the JDK's {@code Cipher}.
 */
final class BcPrimitives {

    private static final int TAG_BITS = FormatV1.TAG_SIZE * 8;

    private BcPrimitives() {
    }

    /** Returns {@code length} bytes of HKDF-SHA-256 (RFC 5869) output. */
    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] output = new byte[length];
        generator.generateBytes(output, 0, length);
        return output;
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(bytes, offset, length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    /** Returns the ciphertext of {@code plaintext[offset, offset + length)} followed by its 16-byte tag. */
    static byte[] encrypt(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext, int offset, int length) {
        GCMModeCipher gcm = cipher(true, key, nonce, associatedData);
        byte[] ciphertext = new byte[gcm.getOutputSize(length)];
        int written = gcm.processBytes(plaintext, offset, length, ciphertext, 0);
        try {
            gcm.doFinal(ciphertext, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail on a tag", e);
        }
        return ciphertext;
    }

    /**
     * Decrypts {@code ciphertext[offset, offset + length)}, tag included, into {@code plaintext} and returns
     * the plaintext length. Bouncy Castle writes plaintext into the output before it has checked the tag,
     * so on a tag failure this method overwrites the output with zeros before it throws.
     *
     * @throws ObjectRejectedException ({@link ObjectRejectedException.Kind#INTEGRITY}) when the tag fails or
     *         the input is shorter than a tag
     */
    static int decrypt(byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertext, int offset, int length,
            byte[] plaintext, String what) {
        if (length < FormatV1.TAG_SIZE) {
            throw ObjectRejectedException.integrity(what + " is shorter than a GCM tag");
        }
        GCMModeCipher gcm = cipher(false, key, nonce, associatedData);
        int written = 0;
        try {
            written = gcm.processBytes(ciphertext, offset, length, plaintext, 0);
            written += gcm.doFinal(plaintext, written);
            return written;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(plaintext, (byte) 0);
            throw new ObjectRejectedException(ObjectRejectedException.Kind.INTEGRITY,
                    what + " failed GCM authentication", e);
        }
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
        return gcm;
    }
}

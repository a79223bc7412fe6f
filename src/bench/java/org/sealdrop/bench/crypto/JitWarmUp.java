package org.sealdrop.bench.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Brings the JDK's AES-GCM and SHA-256 code to its compiled, intrinsic form before a benchmark's
 * own warm-up starts, as in an app that has already encrypted a few documents.
 *
 * <p>HotSpot compiles the provider's GCM methods with C2, and so uses the AES and GHASH
 * instructions, only after some thousands of calls. With 64 KiB records that took more than 10 s
 * on the 2-core build machine under load, measured with a plain loop on JDK 17.0.15, longer than a
 * benchmark's warm-up. 8 KiB records reach the same methods with eight times as many calls per
 * byte, so they got there in about 3 s. Every library measured here uses the JDK provider, so
 * the head start is the same for all.
 */
final class JitWarmUp {

    private static final int RECORD_SIZE = 8 * 1024;
    private static final int CALLS = 6_000;

    private JitWarmUp() {
    }

    /** Encrypts, decrypts and hashes {@link #CALLS} records of 8 KiB each. */
    static void run() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] plaintext = new byte[RECORD_SIZE];
        byte[] ciphertext = new byte[RECORD_SIZE + 16];
        byte[] decrypted = new byte[RECORD_SIZE];
        byte[] nonce = new byte[12];

        for (int call = 0; call < CALLS; call++) {
            ByteBuffer.wrap(nonce, 4, 8).putLong(call);
            GCMParameterSpec parameters = new GCMParameterSpec(128, nonce);
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters);
            cipher.doFinal(plaintext, 0, RECORD_SIZE, ciphertext, 0);
            cipher.init(Cipher.DECRYPT_MODE, key, parameters);
            cipher.doFinal(ciphertext, 0, ciphertext.length, decrypted, 0);
            sha256.update(decrypted);
        }
        sha256.digest();
    }
}

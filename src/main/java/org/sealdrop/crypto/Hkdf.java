package org.sealdrop.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA-256 (RFC 5869) through Bouncy Castle's {@code HKDFBytesGenerator}.
 *
 * <p>NOTE: Bouncy Castle copies the input key material into its parameter object and HMAC state, and
 * neither can be wiped from here. The copies become garbage when this method returns.
 */
public final class Hkdf {

    private Hkdf() {
    }

    /**
     * Derives {@code length} bytes with extract-then-expand.
     *
     * @param salt HKDF salt; an empty array means the RFC 5869 default of zeros
     * @throws IllegalArgumentException if {@code length} is not 1 to 8160 (255 * 32) bytes
     */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        Objects.requireNonNull(inputKeyMaterial, "inputKeyMaterial");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(info, "info");
        if (length < 1 || length > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA-256 output must be 1 to 8160 bytes, but "
                    + length + " bytes were requested.");
        }

        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(inputKeyMaterial, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    /** Derives a 32-byte key from {@code key}; info is the ASCII {@code label} followed by the 16 id bytes. */
    public static SecretKeyBytes deriveKey(SecretKeyBytes key, byte[] salt, String label, UUID documentId) {
        byte[] derived = derive(key.bytes(), salt, info(label, documentId), SecretKeyBytes.LENGTH);
        try {
            return SecretKeyBytes.copyOf(derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Returns the ASCII bytes of {@code label} followed by the big-endian 16 bytes of {@code documentId}. */
    static byte[] info(String label, UUID documentId) {
        byte[] ascii = label.getBytes(StandardCharsets.US_ASCII);
        byte[] id = Uuids.toBytes(documentId);
        byte[] info = new byte[ascii.length + id.length];
        System.arraycopy(ascii, 0, info, 0, ascii.length);
        System.arraycopy(id, 0, info, ascii.length, id.length);
        return info;
    }
}

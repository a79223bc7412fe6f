package org.sealdrop.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * Derives a 256-bit key from a passphrase with Argon2id version 1.3 (RFC 9106) through Bouncy Castle's
 * {@code Argon2BytesGenerator}, with no secret and no associated data.
 *
 * <p>The passphrase is encoded as UTF-8 without Unicode normalization, so the same characters typed as
 * composed and decomposed forms give different keys. The caller's {@code char[]} is not wiped here;
 * the UTF-8 copy made for Argon2 is.
 */
public final class PassphraseKdf {

    private PassphraseKdf() {
    }

    /**
     * Runs Argon2id, which allocates {@code memoryKiB} of heap while it runs.
     *
     * @throws IllegalArgumentException when the passphrase contains an unpaired surrogate, which
     *         has no UTF-8 encoding
     */
    public static SecretKeyBytes deriveKey(char[] passphrase, Argon2Parameters parameters) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(parameters, "parameters");

        org.bouncycastle.crypto.params.Argon2Parameters argon2 =
                new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                        .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(parameters.memoryKiB())
                        .withIterations(parameters.iterations())
                        .withParallelism(parameters.parallelism())
                        .withSalt(parameters.salt())
                        .build();

        byte[] password = utf8(passphrase);
        byte[] key = new byte[SecretKeyBytes.LENGTH];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon2);
            generator.generateBytes(password, key);
            return SecretKeyBytes.copyOf(key);
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Encodes without going through a String, so every copy can be wiped. */
    private static byte[] utf8(char[] passphrase) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded = null;
        try {
            encoded = encoder.encode(CharBuffer.wrap(passphrase));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The passphrase contains an unpaired surrogate character; "
                    + "type it again without that character.");
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}

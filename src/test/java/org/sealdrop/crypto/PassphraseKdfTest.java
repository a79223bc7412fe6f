package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassphraseKdfTest {

    private static final byte[] SALT = "somesalt".getBytes(StandardCharsets.US_ASCII);

    private static byte[] derive(String passphrase, Argon2Parameters parameters) {
        try (SecretKeyBytes key = PassphraseKdf.deriveKey(passphrase.toCharArray(), parameters)) {
            return key.bytes().clone();
        }
    }

    /** Argon2id v1.3 test vectors of the reference implementation (phc-winner-argon2, src/test.c). */
    @ParameterizedTest(name = "m={0} KiB, t={1}, p={2}")
    @CsvSource({
        "256, 2, 1, 9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe",
        "256, 2, 2, 6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037",
    })
    void referenceVectorsMatch(int memoryKiB, int iterations, int parallelism, String expectedHex) {
        byte[] key = derive("password", new Argon2Parameters(memoryKiB, iterations, parallelism, SALT));
        assertEquals(expectedHex, HexFormat.of().formatHex(key));
    }

    @Test
    void samePassphraseAndParametersGiveSameKey() {
        Argon2Parameters parameters = new Argon2Parameters(64, 1, 1, TestObjects.randomBytes(16));
        assertArrayEquals(derive("correct horse", parameters), derive("correct horse", parameters));
    }

    @Test
    void differentSaltGivesDifferentKey() {
        byte[] first = derive("correct horse", new Argon2Parameters(64, 1, 1, TestObjects.randomBytes(16)));
        byte[] second = derive("correct horse", new Argon2Parameters(64, 1, 1, TestObjects.randomBytes(16)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void differentPassphraseGivesDifferentKey() {
        Argon2Parameters parameters = new Argon2Parameters(64, 1, 1, TestObjects.randomBytes(16));
        assertFalse(Arrays.equals(derive("correct horse", parameters), derive("correct horsf", parameters)));
    }

    @Test
    void passphraseIsEncodedAsUtf8() {
        Argon2Parameters parameters = new Argon2Parameters(64, 1, 1, SALT);
        org.bouncycastle.crypto.params.Argon2Parameters overBytes =
                new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                        .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(64).withIterations(1).withParallelism(1).withSalt(SALT).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(overBytes);
        byte[] expected = new byte[32];
        generator.generateBytes("pässwörd €".getBytes(StandardCharsets.UTF_8), expected);

        assertArrayEquals(expected, derive("pässwörd €", parameters));
    }

    @Test
    void unpairedSurrogateIsRejected() {
        Argon2Parameters parameters = new Argon2Parameters(64, 1, 1, SALT);
        assertThrows(IllegalArgumentException.class,
                () -> PassphraseKdf.deriveKey(new char[] {'a', '\uD800'}, parameters));
    }

    @Test
    void callersPassphraseIsLeftIntact() {
        char[] passphrase = "correct horse".toCharArray();
        PassphraseKdf.deriveKey(passphrase, new Argon2Parameters(64, 1, 1, SALT)).close();
        assertArrayEquals("correct horse".toCharArray(), passphrase);
    }

    @Test
    void defaultsAreSixtyFourMibThreePasses() {
        Argon2Parameters defaults = Argon2Parameters.defaults(TestObjects.RANDOM);
        assertEquals(65536, defaults.memoryKiB());
        assertEquals(3, defaults.iterations());
        assertEquals(1, defaults.parallelism());
        assertEquals(16, defaults.salt().length);

        byte[] key = derive("correct horse battery staple", defaults);
        assertEquals(32, key.length);
        assertArrayEquals(key, derive("correct horse battery staple", defaults));
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2Parameters(7, 1, 1, SALT));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Parameters(64, 0, 1, SALT));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Parameters(64, 1, 0, SALT));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Parameters(64, 1, 1, new byte[7]));
        assertThrows(IllegalArgumentException.class,
                () -> new Argon2Parameters(Argon2Parameters.MAX_MEMORY_KIB + 1, 1, 1, SALT));
    }
}

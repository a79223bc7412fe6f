package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 5869, appendix A.1 (test case 1, SHA-256). */
    @Test
    void rfc5869TestCaseOneMatches() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(Hkdf.derive(ikm, salt, info, 42)));
    }

    @Test
    void infoIsLabelThenDocumentId() {
        byte[] info = Hkdf.info("ab", java.util.UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        assertEquals("616200112233445566778899aabbccddeeff", HEX.formatHex(info));
    }

    @Test
    void outputLengthIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(new byte[32], new byte[0], new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(new byte[32], new byte[0], new byte[0], 8161));
    }
}

package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The typed form of the recovery key: its layout, its alphabet, and the typos its checks catch. */
class RecoveryKeyTest {

    private static final String LAYOUT = "([0-9A-HJKMNP-TV-Z]{5}-){12}[0-9A-HJKMNP-TV-Z]{5}";

    private final SecureRandom random = new SecureRandom();

    @Test
    void formatHasThirteenGroupsOfFive() {
        try (RecoveryKey key = RecoveryKey.generate(random)) {
            String typed = new String(key.format());
            assertTrue(typed.matches(LAYOUT), typed);
            assertEquals(77, typed.length());
        }
    }

    @Test
    void parseReturnsTheFormattedKey() {
        for (int i = 0; i < 200; i++) {
            try (RecoveryKey key = RecoveryKey.generate(random); RecoveryKey parsed = RecoveryKey.parse(key.format())) {
                assertArrayEquals(key.bytes(), parsed.bytes());
            }
        }
    }

    @Test
    void knownKeyHasFixedTypedForm() {
        // Reproduce with the encoding rules of docs/FORMAT.md, "Recovery key"; the same pair is listed there.
        byte[] bytes = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        char[] typed = RecoveryKeyCodec.encode(bytes);
        assertEquals(FormatDocument.recoveryKeyVector(), new String(typed));
        assertArrayEquals(bytes, RecoveryKeyCodec.decode(typed));
    }

    @Test
    void lowerCaseSpacesAndLookAlikesAreAccepted() {
        try (RecoveryKey key = RecoveryKey.generate(random)) {
            String typed = new String(key.format());
            String sloppy = typed.toLowerCase(Locale.ROOT).replace('-', ' ').replace("0", "o").replace("1", "l");
            try (RecoveryKey parsed = RecoveryKey.parse(sloppy.toCharArray())) {
                assertArrayEquals(key.bytes(), parsed.bytes());
            }
            try (RecoveryKey parsed = RecoveryKey.parse(typed.replace("-", "").toCharArray())) {
                assertArrayEquals(key.bytes(), parsed.bytes());
            }
        }
    }

    @Test
    void everySingleTypoIsCaught() {
        char[] typed = RecoveryKeyCodec.encode(randomKey());
        int checked = 0;
        for (int position = 0; position < typed.length; position++) {
            if (typed[position] == '-') {
                continue;
            }
            for (char replacement : RecoveryKeyCodec.ALPHABET.toCharArray()) {
                if (replacement == typed[position]) {
                    continue;
                }
                char[] typo = typed.clone();
                typo[position] = replacement;
                assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(typo),
                        "typo at position " + position);
                checked++;
            }
        }
        assertEquals(65 * 31, checked);
    }

    @Test
    void everySwapOfNeighboursIsCaught() {
        for (int round = 0; round < 20; round++) {
            String compact = new String(RecoveryKeyCodec.encode(randomKey())).replace("-", "");
            for (int i = 0; i + 1 < compact.length(); i++) {
                if (compact.charAt(i) == compact.charAt(i + 1)) {
                    continue;
                }
                char[] swapped = compact.toCharArray();
                swapped[i] = compact.charAt(i + 1);
                swapped[i + 1] = compact.charAt(i);
                assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(swapped),
                        "swap at position " + i);
            }
        }
    }

    @Test
    void groupsInTheWrongOrderAreCaught() {
        String[] groups = new String(RecoveryKeyCodec.encode(randomKey())).split("-");
        String first = groups[0];
        groups[0] = groups[1];
        groups[1] = first;
        char[] reordered = String.join("-", groups).toCharArray();
        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(reordered));
        assertTrue(e.getMessage().startsWith("Groups 1, 2 "), e.getMessage());
    }

    @Test
    void swapAcrossHyphenNamesBothGroups() {
        char[] typed = RecoveryKeyCodec.encode(randomKey());
        int hyphen = new String(typed).indexOf('-');
        while (typed[hyphen - 1] == typed[hyphen + 1]) {
            typed = RecoveryKeyCodec.encode(randomKey());
        }
        char before = typed[hyphen - 1];
        typed[hyphen - 1] = typed[hyphen + 1];
        typed[hyphen + 1] = before;
        char[] swapped = typed;
        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(swapped));
        assertTrue(e.getMessage().startsWith("Groups 1, 2 "), e.getMessage());
    }

    @Test
    void typoMessageNamesTheGroupButNoCharacter() {
        String typed = new String(RecoveryKeyCodec.encode(randomKey()));
        char[] typo = typed.toCharArray();
        typo[8] = typo[8] == 'X' ? 'Y' : 'X';

        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(typo));

        assertEquals("SD-RECOVERY-KEY-TYPO", e.errorCode());
        assertTrue(e.getMessage().contains("Group 2 of the recovery key has a typo"), e.getMessage());
        for (String group : typed.split("-")) {
            assertFalse(e.getMessage().contains(group), "the message must not quote the key");
        }
    }

    @Test
    void letterOutsideTheAlphabetIsNamedByPosition() {
        char[] typed = RecoveryKeyCodec.encode(randomKey());
        typed[3] = 'U';
        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(typed));
        assertTrue(e.getMessage().startsWith("Character 4 of the recovery key"), e.getMessage());
    }

    @Test
    void missingGroupIsReportedAsWrongLength() {
        String typed = new String(RecoveryKeyCodec.encode(randomKey()));
        char[] shortened = typed.substring(6).toCharArray();
        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class, () -> RecoveryKeyCodec.decode(shortened));
        assertTrue(e.getMessage().contains("has 60 characters"), e.getMessage());
    }

    @Test
    void unusedBitsMustBeZero() {
        // The last data character carries one key bit and four zero bits: G (16) is allowed, H (17) is not.
        String typed = new String(RecoveryKeyCodec.encode(new byte[32]));
        int last = typed.length() - 2;
        char[] nonZeroPadding = typed.toCharArray();
        nonZeroPadding[last] = 'H';
        int[] data = {0, 0, 0, 17};
        nonZeroPadding[last + 1] = RecoveryKeyCodec.ALPHABET.charAt(RecoveryKeyCodec.checkValue(12, data));

        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class,
                () -> RecoveryKeyCodec.decode(nonZeroPadding));
        assertTrue(e.getMessage().contains("unused bits"), e.getMessage());
    }

    @Test
    void closedKeyIsZeroed() {
        RecoveryKey key = RecoveryKey.generate(random);
        byte[] live = key.bytes();
        key.close();
        assertArrayEquals(new byte[32], live);
        assertThrows(IllegalStateException.class, key::bytes);
        assertEquals("RecoveryKey[destroyed]", key.toString());
    }

    private byte[] randomKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }
}

package org.sealdrop.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The typed form of a recovery key (docs/FORMAT.md, "Recovery key"): 13 groups of 5 Crockford base32
 * characters separated by hyphens. Each group is 4 data characters and 1 check character, so the 52
 * data characters carry the 256 key bits (MSB first) plus 4 zero bits.
 *
 * <p>The check character of group {@code g} (0 to 12) makes
 * {@code (g + 1) + a^1 c1 + a^2 c2 + a^3 c3 + a^4 c4 + a^5 check = 0} in GF(32), where {@code a} is a
 * root of {@code x^5 + x^2 + 1} and {@code c1..c4} are the data values. Because the powers
 * {@code a^1..a^5} are distinct and non-zero, any single wrong character and any swap of two different
 * characters inside a group break the equation. The group number makes a group typed at the wrong
 * position fail as well.
 *
 * <p>Decoding follows Crockford: case is ignored, {@code O} reads as 0, {@code I} and {@code L} as 1,
 * and hyphens and spaces are skipped. Error messages name positions and groups, never characters,
 * because every character is part of the secret.
 */
final class RecoveryKeyCodec {

    static final int GROUPS = 13;
    static final int DATA_PER_GROUP = 4;
    static final int GROUP_LENGTH = DATA_PER_GROUP + 1;
    static final int KEY_BYTES = 32;

    /** Crockford's base32 alphabet: digits and letters without I, L, O and U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final int FIELD_POLYNOMIAL = 0b100101;  // x^5 + x^2 + 1, primitive over GF(2)
    private static final int[] EXP = new int[62];
    private static final int[] LOG = new int[32];

    static {
        int value = 1;
        for (int i = 0; i < 31; i++) {
            EXP[i] = value;
            EXP[i + 31] = value;
            LOG[value] = i;
            value <<= 1;
            if ((value & 0b100000) != 0) {
                value ^= FIELD_POLYNOMIAL;
            }
        }
    }

    private RecoveryKeyCodec() {
    }

    /** Encodes 32 key bytes into a fresh array of 13 hyphen-separated groups (77 characters), which the caller wipes. */
    static char[] encode(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A recovery key has " + KEY_BYTES + " bytes, not " + key.length + ".");
        }
        int[] values = new int[GROUPS * DATA_PER_GROUP];
        char[] text = new char[GROUPS * GROUP_LENGTH + GROUPS - 1];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = fiveBits(key, i * 5);
            }
            int position = 0;
            for (int group = 0; group < GROUPS; group++) {
                if (group > 0) {
                    text[position++] = '-';
                }
                int[] data = Arrays.copyOfRange(values, group * DATA_PER_GROUP, (group + 1) * DATA_PER_GROUP);
                for (int value : data) {
                    text[position++] = ALPHABET.charAt(value);
                }
                text[position++] = ALPHABET.charAt(checkValue(group, data));
                Arrays.fill(data, 0);
            }
            return text;
        } finally {
            Arrays.fill(values, 0);
        }
    }

    /**
     * Decodes a typed recovery key into a fresh 32-byte array, which the caller wipes. The typed
     * characters are not changed.
     *
     * @throws InvalidRecoveryKeyException when a character is outside the alphabet, the length is
     *     wrong, or a group fails its check (a typo)
     */
    static byte[] decode(char[] typed) {
        int[] values = new int[GROUPS * GROUP_LENGTH];
        int count = 0;
        try {
            for (int i = 0; i < typed.length; i++) {
                char c = typed[i];
                if (c == '-' || c == ' ' || c == '\t') {
                    continue;
                }
                int value = valueOf(c);
                if (value < 0) {
                    throw new InvalidRecoveryKeyException("Character " + (i + 1)
                            + " of the recovery key is not a recovery key character (0-9 and A-Z without U);"
                            + " compare it with the printout and type it again.");
                }
                if (count < values.length) {
                    values[count] = value;
                }
                count++;
            }
            if (count != values.length) {
                throw new InvalidRecoveryKeyException("The recovery key has " + count + " characters without hyphens"
                        + " instead of " + values.length + "; type all " + GROUPS + " groups of " + GROUP_LENGTH
                        + " characters.");
            }
            List<Integer> badGroups = new ArrayList<>();
            for (int group = 0; group < GROUPS; group++) {
                if (syndrome(group, values, group * GROUP_LENGTH) != 0) {
                    badGroups.add(group + 1);
                }
            }
            if (badGroups.size() == 1) {
                throw new InvalidRecoveryKeyException("Group " + badGroups.get(0) + " of the recovery key has a typo"
                        + " (its check character does not match); compare that group with the printout.");
            }
            if (!badGroups.isEmpty()) {
                throw new InvalidRecoveryKeyException("Groups " + badGroups.toString().replaceAll("[\\[\\]]", "")
                        + " of the recovery key have typos"
                        + " (their check characters do not match); compare those groups with the printout.");
            }
            return toBytes(values);
        } finally {
            Arrays.fill(values, 0);
        }
    }

    /** Returns the check value that makes the syndrome of {@code data} in group {@code group} zero. */
    static int checkValue(int group, int[] data) {
        int sum = group + 1;
        for (int i = 0; i < DATA_PER_GROUP; i++) {
            sum ^= multiply(EXP[i + 1], data[i]);
        }
        // a^5 * check = sum, so check = sum * a^-5 = sum * a^26.
        return multiply(sum, EXP[31 - GROUP_LENGTH]);
    }

    private static int syndrome(int group, int[] values, int offset) {
        int sum = group + 1;
        for (int i = 0; i < GROUP_LENGTH; i++) {
            sum ^= multiply(EXP[i + 1], values[offset + i]);
        }
        return sum;
    }

    private static int multiply(int x, int y) {
        if (x == 0 || y == 0) {
            return 0;
        }
        return EXP[LOG[x] + LOG[y]];
    }

    private static int valueOf(char c) {
        char upper = Character.toUpperCase(c);
        if (upper == 'O') {
            return 0;
        }
        if (upper == 'I' || upper == 'L') {
            return 1;
        }
        return upper < 128 ? ALPHABET.indexOf(upper) : -1;
    }

    /** Returns the 5 bits of {@code key} starting at bit {@code bit} (MSB first), with zeros past the end. */
    private static int fiveBits(byte[] key, int bit) {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            int index = bit + i;
            int b = index < KEY_BYTES * 8 ? (key[index / 8] >> (7 - index % 8)) & 1 : 0;
            value = (value << 1) | b;
        }
        return value;
    }

    private static byte[] toBytes(int[] values) {
        byte[] key = new byte[KEY_BYTES];
        int bit = 0;
        for (int group = 0; group < GROUPS; group++) {
            for (int i = 0; i < DATA_PER_GROUP; i++) {
                int value = values[group * GROUP_LENGTH + i];
                for (int j = 4; j >= 0; j--, bit++) {
                    int b = (value >> j) & 1;
                    if (bit < KEY_BYTES * 8) {
                        key[bit / 8] |= (byte) (b << (7 - bit % 8));
                    } else if (b != 0) {
                        Arrays.fill(key, (byte) 0);
                        throw new InvalidRecoveryKeyException("The last group of the recovery key has a typo"
                                + " (its unused bits are not zero); compare that group with the printout.");
                    }
                }
            }
        }
        return key;
    }
}

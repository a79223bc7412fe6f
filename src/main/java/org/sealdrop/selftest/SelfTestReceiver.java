package org.sealdrop.selftest;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets for the receivers that the self-test starts; they live only as long as the check. */
final class SelfTestReceiver {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfTestReceiver() {
    }

    /** Returns a random bearer token of 64 hex digits, which the receiver's token syntax accepts. */
    static String newToken() {
        return HexFormat.of().formatHex(randomBytes(32));
    }

    /** Returns a random key store password; the caller zeroes it. */
    static char[] newPassword() {
        return newToken().toCharArray();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

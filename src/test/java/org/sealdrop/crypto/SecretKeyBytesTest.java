package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretKeyBytesTest {

    @Test
    void closeZeroesTheLiveArray() {
        SecretKeyBytes key = SecretKeyBytes.random(new CounterRandom());
        byte[] live = key.bytes();
        assertEquals(1, live[1]);

        key.close();
        assertTrue(key.isDestroyed());
        assertArrayEquals(new byte[32], live);
        assertThrows(IllegalStateException.class, key::bytes);
        key.close();
    }

    @Test
    void copyOfCopiesAndChecksLength() {
        byte[] source = new byte[32];
        source[0] = 9;
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(source)) {
            assertNotSame(source, key.bytes());
            source[0] = 0;
            assertEquals(9, key.bytes()[0]);
            assertFalse(key.isDestroyed());
        }
        assertThrows(IllegalArgumentException.class, () -> SecretKeyBytes.copyOf(new byte[16]));
    }

    @Test
    void toStringHidesKey() {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(new byte[32])) {
            assertEquals("SecretKeyBytes[live]", key.toString());
        }
    }
}

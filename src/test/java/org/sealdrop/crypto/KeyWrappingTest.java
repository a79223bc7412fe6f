package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyWrappingTest {

    private final SecretKeyBytes vaultKey = SecretKeyBytes.random(TestObjects.RANDOM);
    private final SecretKeyBytes documentKey = SecretKeyBytes.random(TestObjects.RANDOM);
    private final UUID documentId = UUID.randomUUID();

    @Nested
    class DocumentKeys {

        private final byte[] wrapped = KeyWrapping.wrapDocumentKey(vaultKey, 7, documentId, documentKey, TestObjects.RANDOM);

        @Test
        void roundTripRestoresKey() {
            assertEquals(KeyWrapping.WRAPPED_DOCUMENT_KEY_LENGTH, wrapped.length);
            assertEquals(65, wrapped.length);
            assertEquals(7, KeyWrapping.vaultKeyVersionOf(wrapped));
            try (SecretKeyBytes unwrapped = KeyWrapping.unwrapDocumentKey(vaultKey, documentId, wrapped)) {
                assertArrayEquals(documentKey.bytes(), unwrapped.bytes());
            }
        }

        @Test
        void wrongVaultKeyFails() {
            try (SecretKeyBytes other = SecretKeyBytes.random(TestObjects.RANDOM)) {
                assertThrows(IntegrityException.class, () -> KeyWrapping.unwrapDocumentKey(other, documentId, wrapped));
            }
        }

        @Test
        void wrongDocumentIdFails() {
            assertThrows(IntegrityException.class,
                    () -> KeyWrapping.unwrapDocumentKey(vaultKey, UUID.randomUUID(), wrapped));
        }

        @Test
        void everyFlippedBitFails() {
            for (int position = 0; position < wrapped.length; position++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] altered = wrapped.clone();
                    altered[position] ^= (byte) (1 << bit);
                    assertThrows(IntegrityException.class,
                            () -> KeyWrapping.unwrapDocumentKey(vaultKey, documentId, altered),
                            "byte " + position + " bit " + bit);
                }
            }
        }

        @Test
        void relabelledVersionFails() {
            byte[] altered = wrapped.clone();
            altered[4] = 8;
            assertEquals(8, KeyWrapping.vaultKeyVersionOf(altered));
            assertThrows(IntegrityException.class, () -> KeyWrapping.unwrapDocumentKey(vaultKey, documentId, altered));
        }

        @Test
        void malformedInputFails() {
            assertThrows(IntegrityException.class, () -> KeyWrapping.vaultKeyVersionOf(new byte[64]));
            byte[] newer = wrapped.clone();
            newer[0] = 2;
            UnsupportedFormatException failure = assertThrows(UnsupportedFormatException.class,
                    () -> KeyWrapping.vaultKeyVersionOf(newer));
            assertEquals(UnsupportedFormatException.CODE, failure.errorCode());
        }
    }

    @Nested
    class GenericWrap {

        private final byte[] associatedData = "key file v1".getBytes(StandardCharsets.US_ASCII);
        private final byte[] wrapped = KeyWrapping.wrap(vaultKey, documentKey, associatedData, TestObjects.RANDOM);

        @Test
        void roundTripRestoresKey() {
            assertEquals(KeyWrapping.WRAPPED_KEY_LENGTH, wrapped.length);
            try (SecretKeyBytes unwrapped = KeyWrapping.unwrap(vaultKey, wrapped, associatedData)) {
                assertArrayEquals(documentKey.bytes(), unwrapped.bytes());
            }
        }

        @Test
        void wrongKeyOrAssociatedDataFails() {
            try (SecretKeyBytes other = SecretKeyBytes.random(TestObjects.RANDOM)) {
                assertThrows(IntegrityException.class, () -> KeyWrapping.unwrap(other, wrapped, associatedData));
            }
            assertThrows(IntegrityException.class,
                    () -> KeyWrapping.unwrap(vaultKey, wrapped, "key file v2".getBytes(StandardCharsets.US_ASCII)));
        }

        @Test
        void flippedBitFails() {
            for (int position = 1; position < wrapped.length; position++) {
                byte[] altered = wrapped.clone();
                altered[position] ^= 0x10;
                assertThrows(IntegrityException.class, () -> KeyWrapping.unwrap(vaultKey, altered, associatedData),
                        "byte " + position);
            }
        }
    }
}

package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptStreamTest {

    private static final int CHUNK = ObjectFormat.CHUNK_SIZE;

    /** Encrypts {@code actual} bytes while the metadata declares {@code declared}; returns what came out before the failure. */
    private static SourceChangedException encryptExpectingFailure(int declared, int actual, ByteArrayOutputStream out) {
        byte[] hashed = TestObjects.pattern(declared);
        byte[] changed = TestObjects.pattern(actual);
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM);
                ObjectEncryptor encryptor = ObjectEncryptor.create(UUID.randomUUID(), key,
                        TestObjects.metadataFor(hashed), TestObjects.RANDOM)) {
            InputStream object = encryptor.encrypt(new ByteArrayInputStream(changed), declared);
            SourceChangedException failure = assertThrows(SourceChangedException.class, () -> {
                byte[] buffer = new byte[1000];
                int n;
                while ((n = object.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                }
            });
            assertThrows(SourceChangedException.class, object::read, "the failure repeats");
            return failure;
        }
    }

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(ints = {1, CHUNK, CHUNK + 1, 3 * CHUNK})
    void shorterSourceRaisesSourceChanged(int declared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SourceChangedException failure = encryptExpectingFailure(declared, declared - 1, out);

        assertEquals("SD-SOURCE-CHANGED", failure.errorCode());
        assertTrue(failure.getMessage().contains("ended after " + (declared - 1)), failure.getMessage());
        assertTrue(out.size() < ObjectFormat.ciphertextLength(ObjectFormat.MIN_HEADER_LENGTH, declared),
                "the object is incomplete");
    }

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(ints = {0, 1, CHUNK, CHUNK + 1, 3 * CHUNK})
    void longerSourceRaisesSourceChangedBeforeLastChunk(int declared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SourceChangedException failure = encryptExpectingFailure(declared, declared + 1, out);

        assertEquals("SD-SOURCE-CHANGED", failure.errorCode());
        assertTrue(failure.getMessage().contains("more than the " + declared), failure.getMessage());
        int chunksBeforeLast = ObjectFormat.chunkCount(declared) - 1;
        assertEquals(ObjectFormat.MIN_HEADER_LENGTH + (long) chunksBeforeLast * ObjectFormat.CIPHERTEXT_CHUNK_SIZE,
                out.size(), "header and every chunk but the last came out");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, CHUNK, 3 * CHUNK - 1})
    void sameLengthChangeRaisesSourceChangedBeforeLastChunk(int length) {
        byte[] hashed = TestObjects.pattern(length);
        byte[] changed = hashed.clone();
        changed[0] ^= 1;
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM);
                ObjectEncryptor encryptor = ObjectEncryptor.create(UUID.randomUUID(), key,
                        TestObjects.metadataFor(hashed), TestObjects.RANDOM)) {
            InputStream object = encryptor.encrypt(new ByteArrayInputStream(changed), length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SourceChangedException failure = assertThrows(SourceChangedException.class, () -> {
                byte[] buffer = new byte[1000];
                int n;
                while ((n = object.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                }
            });
            assertTrue(failure.getMessage().contains("SHA-256"), failure.getMessage());
            int chunksBeforeLast = ObjectFormat.chunkCount(length) - 1;
            assertEquals(encryptor.header().length + (long) chunksBeforeLast * ObjectFormat.CIPHERTEXT_CHUNK_SIZE,
                    out.size(), "the last chunk was not emitted");
        }
    }

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(ints = {0, 5})
    void declaredLengthMustMatchMetadata(int declared) {
        byte[] plaintext = TestObjects.pattern(10);
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM);
                ObjectEncryptor encryptor = ObjectEncryptor.create(UUID.randomUUID(), key,
                        TestObjects.metadataFor(plaintext), TestObjects.RANDOM)) {
            assertThrows(IllegalArgumentException.class,
                    () -> encryptor.encrypt(new ByteArrayInputStream(plaintext), declared));
            assertThrows(IllegalArgumentException.class,
                    () -> encryptor.encryptChunk(0, plaintext, 0, 9));
            assertThrows(IllegalArgumentException.class,
                    () -> encryptor.encryptChunks(new ByteArrayInputStream(plaintext), 0, 2));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 3 * CHUNK - 1})
    void closeClosesPlaintextSource(int length) throws Exception {
        byte[] plaintext = TestObjects.pattern(length);
        boolean[] closed = {false};
        InputStream source = new ByteArrayInputStream(plaintext) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM);
                ObjectEncryptor encryptor = ObjectEncryptor.create(UUID.randomUUID(), key,
                        TestObjects.metadataFor(plaintext), TestObjects.RANDOM)) {
            InputStream object = encryptor.encrypt(source, length);
            object.read(new byte[10]);
            object.close();
            assertTrue(closed[0], "closing the object stream closes the plaintext source");
        }
    }
}

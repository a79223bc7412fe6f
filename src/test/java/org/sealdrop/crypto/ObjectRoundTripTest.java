package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectRoundTripTest {

    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = ObjectFormat.CHUNK_SIZE;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK - 1, 3 * CHUNK, 3 * CHUNK + 1,
            5 * MIB - 1, 5 * MIB, 5 * MIB + 1})
    void roundTripRestoresPlaintextAndMetadata(int length) throws IOException {
        byte[] plaintext = TestObjects.randomBytes(length);
        TestObjects.Sealed sealed = TestObjects.seal(plaintext);

        assertEquals(ObjectFormat.ciphertextLength(sealed.headerLength(), length), sealed.object().length,
                "object length follows the ciphertext length formula");

        try (SecretKeyBytes key = sealed.key()) {
            InputStream in = new ByteArrayInputStream(sealed.object());
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(sealed.documentId(), key, in);
                    InputStream decrypted = decryptor.decrypt(in)) {
                assertEquals(TestObjects.metadataFor(plaintext), decryptor.metadata());
                assertEquals(sealed.headerLength(), decryptor.headerLength());
                assertEquals(ObjectFormat.chunkCount(length), decryptor.chunkCount());
                assertArrayEquals(plaintext, decrypted.readAllBytes());
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, CHUNK, 3 * CHUNK + 1})
    void singleByteReadsRoundTrip(int length) throws IOException {
        byte[] plaintext = TestObjects.randomBytes(length);
        TestObjects.Sealed sealed = TestObjects.seal(plaintext);

        try (SecretKeyBytes key = sealed.key()) {
            InputStream in = new ByteArrayInputStream(sealed.object());
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(sealed.documentId(), key, in);
                    InputStream decrypted = decryptor.decrypt(in)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int b;
                while ((b = decrypted.read()) != -1) {
                    out.write(b);
                }
                assertArrayEquals(plaintext, out.toByteArray());
                assertEquals(-1, decrypted.read(new byte[10], 0, 10), "end of stream stays at the end");
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, CHUNK, CHUNK + 1, 3 * CHUNK - 1, 7 * CHUNK + 5})
    void chunksDecryptOneByOne(int length) {
        byte[] plaintext = TestObjects.randomBytes(length);
        TestObjects.Sealed sealed = TestObjects.seal(plaintext);

        try (SecretKeyBytes key = sealed.key();
                ObjectDecryptor decryptor = ObjectDecryptor.open(sealed.documentId(), key,
                        new ByteArrayInputStream(sealed.header()))) {
            for (int i = decryptor.chunkCount() - 1; i >= 0; i--) {
                int start = i * CHUNK;
                int end = Math.min(start + CHUNK, length);
                assertArrayEquals(Arrays.copyOfRange(plaintext, start, end), decryptor.decryptChunk(i, sealed.chunk(i)),
                        "chunk " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, CHUNK, 5 * CHUNK + 3})
    void partsAndSingleChunksMatchTheWholeStream(int length) throws IOException {
        byte[] plaintext = TestObjects.randomBytes(length);
        UUID documentId = UUID.randomUUID();

        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM);
                ObjectEncryptor encryptor = ObjectEncryptor.create(documentId, key,
                        TestObjects.metadataFor(plaintext), TestObjects.RANDOM)) {
            byte[] whole = encryptor.encrypt(new ByteArrayInputStream(plaintext), length).readAllBytes();

            // Parts of two chunks each, as a multipart upload would cut them.
            ByteArrayOutputStream parts = new ByteArrayOutputStream();
            parts.write(encryptor.header());
            for (long first = 0; first < encryptor.chunkCount(); first += 2) {
                long count = Math.min(2, encryptor.chunkCount() - first);
                int from = (int) (first * CHUNK);
                InputStream part = new ByteArrayInputStream(plaintext, from, length - from);
                parts.write(encryptor.encryptChunks(part, first, count).readAllBytes());
            }
            assertArrayEquals(whole, parts.toByteArray(), "parts concatenate to the whole object");

            ByteArrayOutputStream single = new ByteArrayOutputStream();
            single.write(encryptor.header());
            for (int i = 0; i < encryptor.chunkCount(); i++) {
                int from = i * CHUNK;
                int chunkLength = ObjectFormat.chunkPlaintextLength(length, i);
                single.write(encryptor.encryptChunk(i, plaintext, from, chunkLength));
            }
            assertArrayEquals(whole, single.toByteArray(), "single chunks concatenate to the whole object");
        }
    }
}

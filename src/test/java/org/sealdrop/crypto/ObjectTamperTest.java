package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every change to a three-chunk object must end in an {@link IntegrityException}, and the bytes a
 * reader got before it must be exactly the whole chunks that precede the failing one.
 */
class ObjectTamperTest {

    private static final int CHUNK = ObjectFormat.CHUNK_SIZE;
    private static final int CT_CHUNK = ObjectFormat.CIPHERTEXT_CHUNK_SIZE;

    /** Last chunk shorter than the others. */
    private final TestObjects.Sealed partial = TestObjects.seal(TestObjects.pattern(3 * CHUNK - 100));
    /** Last chunk exactly 64 KiB, so every chunk has the same length. */
    private final TestObjects.Sealed full = TestObjects.seal(TestObjects.pattern(3 * CHUNK));

    /** Reads the altered object and checks the failure and the bytes released before it. */
    private static IntegrityException assertFailsAfter(TestObjects.Sealed sealed, byte[] altered, int verifiedChunks) {
        return assertFailsAfter(sealed.documentId(), sealed.documentKey(), sealed.plaintext(), altered, verifiedChunks);
    }

    private static IntegrityException assertFailsAfter(UUID expectedId, byte[] key, byte[] plaintext, byte[] altered,
            int verifiedChunks) {
        TestObjects.Outcome outcome = TestObjects.readUntilFailure(expectedId, key, altered);
        IntegrityException failure = assertInstanceOf(IntegrityException.class, outcome.failure(),
                "reading the altered object raises IntegrityException");
        assertArrayEquals(Arrays.copyOf(plaintext, verifiedChunks * CHUNK), outcome.released(),
                "only the " + verifiedChunks + " whole chunks before the failing one were released");
        return failure;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] flipBit(byte[] object, int position) {
        byte[] altered = object.clone();
        altered[position] ^= 0x04;
        return altered;
    }

    @Test
    void untouchedObjectsDecrypt() {
        for (TestObjects.Sealed sealed : new TestObjects.Sealed[] {partial, full}) {
            TestObjects.Outcome outcome = TestObjects.readUntilFailure(sealed.documentId(), sealed.documentKey(),
                    sealed.object());
            assertNull(outcome.failure());
            assertArrayEquals(sealed.plaintext(), outcome.released());
        }
    }

    @Nested
    class Truncation {

        @Test
        void truncationAtEveryChunkBoundaryFails() {
            for (TestObjects.Sealed sealed : new TestObjects.Sealed[] {partial, full}) {
                for (int kept = 0; kept < 3; kept++) {
                    int end = (int) ObjectFormat.chunkOffset(sealed.headerLength(), kept);
                    // A full chunk followed by the end is read as the last chunk and fails on its flag.
                    assertFailsAfter(sealed, Arrays.copyOf(sealed.object(), end), Math.max(0, kept - 1));
                }
            }
        }

        @Test
        void droppedLastChunkFails() {
            byte[] altered = concat(full.header(), full.chunk(0), full.chunk(1));
            IntegrityException failure = assertFailsAfter(full, altered, 1);
            assertTrue(failure.getMessage().contains("chunk 1 does not verify as the last chunk"), failure.getMessage());
        }

        @Test
        void truncationAtSampledLengthsFails() {
            TestObjects.Sealed sealed = partial;
            int length = sealed.object().length;
            int header = sealed.headerLength();
            for (int end = header; end < length; end += (end - header) % CT_CHUNK < 40 ? 1 : 997) {
                int body = end - header;
                int complete = body / CT_CHUNK;
                int remainder = body % CT_CHUNK;
                int verified = remainder == 0 ? Math.max(0, complete - 1) : complete;
                assertFailsAfter(sealed, Arrays.copyOf(sealed.object(), end), verified);
            }
            for (int cut = 1; cut <= 40; cut++) {
                assertFailsAfter(sealed, Arrays.copyOf(sealed.object(), length - cut), 2);
            }
        }

        @Test
        void truncationInsideHeaderFailsAtOpen() {
            for (int end = 0; end < partial.headerLength(); end += 7) {
                assertFailsAfter(partial, Arrays.copyOf(partial.object(), end), 0);
            }
        }
    }

    @Nested
    class Reordering {

        @Test
        void swappedChunksFail() {
            assertFailsAfter(partial, concat(partial.header(), partial.chunk(1), partial.chunk(0), partial.chunk(2)), 0);
            assertFailsAfter(full, concat(full.header(), full.chunk(0), full.chunk(2), full.chunk(1)), 1);
        }

        @Test
        void duplicatedChunksFail() {
            assertFailsAfter(partial, concat(partial.header(), partial.chunk(0), partial.chunk(0), partial.chunk(1),
                    partial.chunk(2)), 1);
            assertFailsAfter(partial, concat(partial.header(), partial.chunk(0), partial.chunk(1), partial.chunk(1),
                    partial.chunk(2)), 2);
            assertFailsAfter(full, concat(full.object(), full.chunk(2)), 2);
        }

        @Test
        void appendedBytesFail() {
            for (TestObjects.Sealed sealed : new TestObjects.Sealed[] {partial, full}) {
                assertFailsAfter(sealed, concat(sealed.object(), new byte[] {0}), 2);
                assertFailsAfter(sealed, concat(sealed.object(), new byte[ObjectFormat.TAG_SIZE]), 2);
            }
        }
    }

    @Nested
    class BitFlips {

        @Test
        void everyHeaderByteIsAuthenticated() {
            for (int position = 0; position < partial.headerLength(); position++) {
                assertFailsAfter(partial, flipBit(partial.object(), position), 0);
            }
        }

        @Test
        void namedHeaderFieldsFailBeforeAnyChunk() {
            int[] positions = {ObjectFormat.DOCUMENT_ID_OFFSET + 3, ObjectFormat.SALT_OFFSET,
                ObjectFormat.NONCE_PREFIX_OFFSET + 6, ObjectFormat.COMMITMENT_OFFSET + 31,
                ObjectFormat.METADATA_NONCE_OFFSET, ObjectFormat.METADATA_OFFSET + 1, partial.headerLength() - 1};
            for (int position : positions) {
                assertFailsAfter(partial, flipBit(partial.object(), position), 0);
            }
        }

        @Test
        void bodyBitFlipFailsAtItsChunk() {
            int header = partial.headerLength();
            assertFailsAfter(partial, flipBit(partial.object(), header), 0);
            assertFailsAfter(partial, flipBit(partial.object(), header + CT_CHUNK + 1000), 1);
            assertFailsAfter(partial, flipBit(partial.object(), header + 2 * CT_CHUNK), 2);
        }

        @Test
        void tagBitFlipFailsAtItsChunk() {
            int header = partial.headerLength();
            assertFailsAfter(partial, flipBit(partial.object(), header + CT_CHUNK - 1), 0);
            assertFailsAfter(partial, flipBit(partial.object(), header + 2 * CT_CHUNK - ObjectFormat.TAG_SIZE), 1);
            assertFailsAfter(partial, flipBit(partial.object(), partial.object().length - 1), 2);
        }
    }

    @Nested
    class WrongKeyOrDocument {

        @Test
        void anotherDocumentsKeyFailsAtCommitment() {
            byte[] otherKey = TestObjects.randomBytes(32);
            IntegrityException failure = assertFailsAfter(partial.documentId(), otherKey, partial.plaintext(),
                    partial.object(), 0);
            assertTrue(failure.getMessage().contains("key commitment"), failure.getMessage());
        }

        @Test
        void unexpectedDocumentIdFailsAtOpen() {
            UUID other = UUID.randomUUID();
            IntegrityException failure = assertFailsAfter(other, partial.documentKey(), partial.plaintext(),
                    partial.object(), 0);
            assertTrue(failure.getMessage().contains("names document " + partial.documentId()), failure.getMessage());
        }

        @Test
        void rewrittenDocumentIdFailsAtCommitment() {
            UUID other = UUID.randomUUID();
            byte[] altered = partial.object().clone();
            ByteBuffer.wrap(altered).putLong(ObjectFormat.DOCUMENT_ID_OFFSET, other.getMostSignificantBits())
                    .putLong(ObjectFormat.DOCUMENT_ID_OFFSET + 8, other.getLeastSignificantBits());
            IntegrityException failure = assertFailsAfter(other, partial.documentKey(), partial.plaintext(), altered, 0);
            assertTrue(failure.getMessage().contains("key commitment"), failure.getMessage());
        }

        @Test
        void chunkSplicedFromAnotherObjectFails() {
            // Same document id and key, so only the salt, nonce prefix and header hash differ.
            TestObjects.Sealed twin = TestObjects.seal(partial.documentId(), partial.documentKey(), partial.plaintext());
            assertFailsAfter(partial, concat(partial.header(), partial.chunk(0), twin.chunk(1), partial.chunk(2)), 1);
            assertFailsAfter(partial, concat(partial.header(), twin.chunks()), 0);
            assertFailsAfter(partial, concat(twin.header(), partial.chunks()), 0);
        }

        @Test
        void singleChunkFromWrongIndexFails() {
            try (SecretKeyBytes key = full.key();
                    ObjectDecryptor decryptor = ObjectDecryptor.open(full.documentId(), key,
                            new ByteArrayInputStream(full.header()))) {
                IntegrityException failure = assertInstanceOf(IntegrityException.class,
                        assertThrows(RuntimeException.class,
                                () -> decryptor.decryptChunk(2, full.chunk(1))));
                assertEquals(IntegrityException.CODE, failure.errorCode());
            }
        }
    }

    @Test
    void chunksDisagreeingWithMetadataSizeFail() {
        // Chunks for a two-chunk document under a header whose metadata declares three chunks.
        ObjectHeader header = ObjectHeader.parse(partial.header());
        byte[] plaintext = partial.plaintext();
        try (SecretKeyBytes documentKey = partial.key();
                ObjectKeys keys = ObjectKeys.derive(documentKey, header.salt(), partial.documentId())) {
            ChunkCipher cipher = new ChunkCipher(keys.chunkKey(), header.noncePrefix(), header.sha256());
            byte[] first = new byte[CT_CHUNK];
            byte[] second = new byte[CT_CHUNK];
            cipher.encrypt(0, false, plaintext, 0, CHUNK, first);
            cipher.encrypt(1, true, plaintext, CHUNK, CHUNK, second);

            IntegrityException failure = assertFailsAfter(partial, concat(partial.header(), first, second), 1);
            assertTrue(failure.getMessage().contains("metadata declares"), failure.getMessage());
        }
    }

    @Test
    void hashMismatchFailsAtLastChunk() throws IOException {
        // Written from parts, which skip the hash check, as if the file changed between the two passes.
        byte[] hashed = partial.plaintext();
        byte[] changed = hashed.clone();
        changed[CHUNK + 7] ^= 1;
        try (SecretKeyBytes key = partial.key();
                ObjectEncryptor encryptor = ObjectEncryptor.create(partial.documentId(), key,
                        TestObjects.metadataFor(hashed), TestObjects.RANDOM)) {
            byte[] object = concat(encryptor.header(),
                    encryptor.encryptChunks(new ByteArrayInputStream(changed), 0, 2).readAllBytes(),
                    encryptor.encryptChunks(new ByteArrayInputStream(changed, 2 * CHUNK, CHUNK), 2, 1).readAllBytes());

            IntegrityException failure = assertFailsAfter(partial.documentId(), partial.documentKey(), changed, object, 2);
            assertTrue(failure.getMessage().contains("SHA-256"), failure.getMessage());
        }
    }

    @Test
    void failureRepeatsOnLaterReads() throws Exception {
        byte[] altered = flipBit(partial.object(), partial.headerLength() + 5);
        try (SecretKeyBytes key = partial.key()) {
            ByteArrayInputStream in = new ByteArrayInputStream(altered);
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(partial.documentId(), key, in);
                    InputStream plaintext = decryptor.decrypt(in)) {
                byte[] buffer = new byte[CHUNK];
                assertThrows(IntegrityException.class, () -> plaintext.read(buffer));
                assertThrows(IntegrityException.class, () -> plaintext.read(buffer));
                assertThrows(IntegrityException.class, plaintext::read);
                assertArrayEquals(new byte[CHUNK], buffer, "nothing was copied into the caller's buffer");
            }
        }
    }
}

package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Chunks decrypted one at a time, as a ranged reader does: each verifies alone at its own index, and
 * a chunk moved, taken from another object, cut short or flipped fails with {@link IntegrityException}.
 */
class ChunkDecrypterTest {

    private static final int CHUNK = ObjectFormat.CHUNK_SIZE;

    /** Four chunks, the last one shorter than the others. */
    private final TestObjects.Sealed sealed = TestObjects.seal(TestObjects.pattern(3 * CHUNK + 1000));

    private static ChunkDecrypter decrypterOf(TestObjects.Sealed sealed) {
        try (SecretKeyBytes key = sealed.key();
                ObjectDecryptor decryptor = ObjectDecryptor.open(sealed.documentId(), key,
                        new ByteArrayInputStream(sealed.header()))) {
            return decryptor.chunkDecrypter();
        }
    }

    private static byte[] decrypt(ChunkDecrypter decrypter, int index, byte[] ciphertext) {
        byte[] plaintext = new byte[CHUNK];
        int length = decrypter.decryptChunk(index, ciphertext, 0, ciphertext.length, plaintext);
        return Arrays.copyOf(plaintext, length);
    }

    @Test
    void everyChunkDecryptsAloneInAnyOrder() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            assertEquals(4, decrypter.chunkCount());
            for (int index = decrypter.chunkCount() - 1; index >= 0; index--) {
                int start = index * CHUNK;
                int end = Math.min(start + CHUNK, sealed.plaintext().length);
                assertArrayEquals(Arrays.copyOfRange(sealed.plaintext(), start, end),
                        decrypt(decrypter, index, sealed.chunk(index)), "chunk " + index);
            }
        }
    }

    @Test
    void offsetsAndLengthsMatchTheObject() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            for (int index = 0; index < decrypter.chunkCount(); index++) {
                int offset = (int) decrypter.chunkOffset(index);
                byte[] range = Arrays.copyOfRange(sealed.object(), offset, offset + decrypter.chunkCiphertextLength(index));
                assertArrayEquals(sealed.chunk(index), range, "chunk " + index);
            }
            int last = decrypter.chunkCount() - 1;
            assertEquals(sealed.object().length, decrypter.chunkOffset(last) + decrypter.chunkCiphertextLength(last));
            assertEquals(1000, decrypter.chunkPlaintextLength(last));
        }
    }

    @Test
    void chunkAtAnotherIndexFails() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            assertThrows(IntegrityException.class, () -> decrypt(decrypter, 2, sealed.chunk(1)));
            assertThrows(IntegrityException.class, () -> decrypt(decrypter, 0, sealed.chunk(1)));
        }
    }

    @Test
    void middleChunkFailsAsLastChunk() {
        // An object of three full chunks: its chunk 2 is the last chunk; the four-chunk object's chunk 2 is not.
        TestObjects.Sealed longer = TestObjects.seal(sealed.documentId(), sealed.documentKey(), TestObjects.pattern(3 * CHUNK));
        try (ChunkDecrypter decrypter = decrypterOf(longer)) {
            assertEquals(3, decrypter.chunkCount());
            byte[] plaintext = new byte[CHUNK];
            IntegrityException failure = assertThrows(IntegrityException.class,
                    () -> decrypter.decryptChunk(2, sealed.chunk(2), 0, CHUNK + ObjectFormat.TAG_SIZE, plaintext));
            assertTrue(failure.getMessage().contains("last chunk"), failure.getMessage());
            assertArrayEquals(new byte[CHUNK], plaintext, "the failed chunk's buffer is zeroed");
        }
    }

    @Test
    void chunkOfAnotherObjectFails() {
        // Same document id, key and plaintext: only the salt and nonce prefix in the header differ.
        TestObjects.Sealed twin = TestObjects.seal(sealed.documentId(), sealed.documentKey(), sealed.plaintext());
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            for (int index = 0; index < 4; index++) {
                int chunk = index;
                assertThrows(IntegrityException.class, () -> decrypt(decrypter, chunk, twin.chunk(chunk)), "chunk " + index);
            }
        }
    }

    @Test
    void truncatedLastChunkFails() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            byte[] last = sealed.chunk(3);
            for (int cut = 1; cut <= last.length; cut++) {
                byte[] shorter = Arrays.copyOf(last, last.length - cut);
                assertThrows(IntegrityException.class, () -> decrypt(decrypter, 3, shorter), "cut by " + cut);
            }
        }
    }

    @Test
    void flippedBitFailsAnywhereInAChunk() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            byte[] chunk = sealed.chunk(1);
            for (int position = 0; position < chunk.length; position += 997) {
                for (int bit = 0; bit < 8; bit += 3) {
                    byte[] altered = chunk.clone();
                    altered[position] ^= (byte) (1 << bit);
                    assertThrows(IntegrityException.class, () -> decrypt(decrypter, 1, altered),
                            "byte " + position);
                }
            }
            byte[] tagFlipped = chunk.clone();
            tagFlipped[chunk.length - 1] ^= 0x01;
            assertThrows(IntegrityException.class, () -> decrypt(decrypter, 1, tagFlipped), "last tag byte");
        }
    }

    @Test
    void emptyDocumentHasOneEmptyLastChunk() {
        TestObjects.Sealed empty = TestObjects.seal(new byte[0]);
        try (ChunkDecrypter decrypter = decrypterOf(empty)) {
            assertEquals(1, decrypter.chunkCount());
            assertArrayEquals(new byte[0], decrypt(decrypter, 0, empty.chunk(0)));
        }
    }

    @Test
    void closedDecrypterRejectsChunks() {
        ChunkDecrypter decrypter = decrypterOf(sealed);
        decrypter.close();
        assertThrows(IllegalStateException.class, () -> decrypt(decrypter, 0, sealed.chunk(0)));
    }

    @Test
    void indexOutsideDocumentIsRejected() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            assertThrows(IllegalArgumentException.class, () -> decrypter.chunkOffset(4));
            assertThrows(IllegalArgumentException.class, () -> decrypt(decrypter, -1, sealed.chunk(0)));
        }
    }

    @Test
    void documentIdComesFromTheHeader() {
        try (ChunkDecrypter decrypter = decrypterOf(sealed)) {
            assertEquals(sealed.documentId(), decrypter.documentId());
        }
    }
}

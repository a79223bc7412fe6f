package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectFormatTest {

    private static final int HEADER = ObjectFormat.MIN_HEADER_LENGTH;

    @ParameterizedTest(name = "{0} bytes -> {1} chunks")
    @CsvSource({"0, 1", "1, 1", "65535, 1", "65536, 1", "65537, 2", "131072, 2", "131073, 3",
        "5242880, 80", "5242881, 81"})
    void chunkCountCoversEveryByte(long length, int chunks) {
        assertEquals(chunks, ObjectFormat.chunkCount(length));
    }

    @Test
    void chunkCountRejectsImpossibleLengths() {
        assertThrows(IllegalArgumentException.class, () -> ObjectFormat.chunkCount(-1));
        assertThrows(IllegalArgumentException.class, () -> ObjectFormat.chunkCount(ObjectFormat.MAX_PLAINTEXT_LENGTH + 1));
        assertEquals(Integer.MAX_VALUE, ObjectFormat.chunkCount(ObjectFormat.MAX_PLAINTEXT_LENGTH));
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0, 16", "1, 17", "65536, 65552", "65537, 65569", "196608, 196656"})
    void ciphertextLengthAddsOneTagPerChunk(long length, long bodyLength) {
        assertEquals(HEADER + bodyLength, ObjectFormat.ciphertextLength(HEADER, length));
    }

    @Test
    void chunkOffsetsStepByCiphertextChunk() {
        assertEquals(HEADER, ObjectFormat.chunkOffset(HEADER, 0));
        assertEquals(HEADER + 65552L, ObjectFormat.chunkOffset(HEADER, 1));
        assertEquals(HEADER + 65552L * 1000, ObjectFormat.chunkOffset(HEADER, 1000));
        assertThrows(IllegalArgumentException.class, () -> ObjectFormat.chunkOffset(HEADER, -1));
        assertThrows(IllegalArgumentException.class, () -> ObjectFormat.chunkOffset(10, 0));
    }

    @Test
    void chunkPlaintextLengthOfLastChunk() {
        assertEquals(0, ObjectFormat.chunkPlaintextLength(0, 0));
        assertEquals(65536, ObjectFormat.chunkPlaintextLength(65536, 0));
        assertEquals(65536, ObjectFormat.chunkPlaintextLength(65537, 0));
        assertEquals(1, ObjectFormat.chunkPlaintextLength(65537, 1));
        assertThrows(IllegalArgumentException.class, () -> ObjectFormat.chunkPlaintextLength(65537, 2));
        assertEquals(2, ObjectFormat.chunkIndexOf(131072));
    }

    @Test
    void headerOffsetsMatchTheirDerivation() {
        assertEquals(4, ObjectFormat.VERSION_OFFSET);
        assertEquals(5, ObjectFormat.SUITE_OFFSET);
        assertEquals(6, ObjectFormat.HEADER_LENGTH_OFFSET);
        assertEquals(10, ObjectFormat.DOCUMENT_ID_OFFSET);
        assertEquals(26, ObjectFormat.SALT_OFFSET);
        assertEquals(58, ObjectFormat.NONCE_PREFIX_OFFSET);
        assertEquals(65, ObjectFormat.COMMITMENT_OFFSET);
        assertEquals(97, ObjectFormat.METADATA_NONCE_OFFSET);
        assertEquals(109, ObjectFormat.METADATA_LENGTH_OFFSET);
        assertEquals(113, ObjectFormat.METADATA_OFFSET);
        assertEquals(7, ObjectFormat.NONCE_PREFIX_SIZE);
        assertEquals(385, ObjectFormat.MIN_HEADER_LENGTH);
        assertEquals(65280, ObjectFormat.MAX_METADATA_PLAINTEXT_LENGTH);
    }
}

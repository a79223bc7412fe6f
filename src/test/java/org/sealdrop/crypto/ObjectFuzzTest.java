package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.sealdrop.fuzz.ByteMutations;

/**
 * Fuzzes the object reader: header parsing, {@link ObjectDecryptor} and {@link ChunkDecrypter}. Every
 * input must either decrypt to a plaintext that matches its authenticated metadata or end in an
 * {@link IntegrityException} (which includes {@link UnsupportedFormatException}), and a reader may
 * only have received whole chunks that verified before the failure. A changed valid object must fail.
 *
 * <p>The objects come from the production encryptor under a fixed document key and a counter as
 * the random source, so a finding reproduces byte for byte. Regression mode runs the inputs in
 * {@code src/test/resources/org/sealdrop/crypto/ObjectFuzzTestInputs/}; the fuzz campaign
 * ({@code fuzz.FuzzCampaignTest}) fuzzes each method in its own JVM.
 */
class ObjectFuzzTest {

    private static final byte[] DOCUMENT_KEY =
            HexFormat.of().parseHex("404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");
    private static final UUID DOCUMENT_ID = UUID.fromString("00000000-0000-4000-8000-00000000f022");

    /** A one-chunk object and a two-chunk object whose last chunk is short. */
    private static final TestObjects.Sealed[] OBJECTS = {
        sealFixed(TestObjects.pattern(300)),
        sealFixed(TestObjects.pattern(ObjectFormat.CHUNK_SIZE + 100)),
    };

    private static TestObjects.Sealed sealFixed(byte[] plaintext) {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(DOCUMENT_KEY);
                ObjectEncryptor encryptor = ObjectEncryptor.create(DOCUMENT_ID, key,
                        TestObjects.metadataFor(plaintext), new CounterRandom());
                InputStream object = encryptor.encrypt(new ByteArrayInputStream(plaintext), plaintext.length)) {
            return new TestObjects.Sealed(DOCUMENT_ID, DOCUMENT_KEY, plaintext, object.readAllBytes(),
                    encryptor.header().length);
        } catch (IOException e) {
            throw new IllegalStateException("Sealing a fixed test object failed.", e);
        }
    }

    /**
     * Reads arbitrary bytes as a whole object: parses them as a header (from a stream and from an
     * array), then opens and decrypts them under the fixed key with the document id the header names.
     * The fixed key is the one of the test vectors in docs/FORMAT.md, which are this target's seeds.
     */
    @FuzzTest
    void objectBytes(byte[] object) throws IOException {
        try {
            ObjectHeader.parse(object);
        } catch (IntegrityException expected) {
            // Includes UnsupportedFormatException.
        }

        InputStream in = new ByteArrayInputStream(object);
        ObjectHeader header;
        try {
            header = ObjectHeader.parse(in);
        } catch (IntegrityException expected) {
            return;
        }
        assertEquals(header.length(), header.encode().length, "a parsed header encodes to its declared length");
        assertArrayEquals(Arrays.copyOf(object, header.length()), header.encode(),
                "a parsed header encodes to the bytes it was parsed from");

        // The seeds are the documented vectors, made under the same key, so some inputs do verify.
        Read read = readAll(header.documentId(), object);
        if (read.failed()) {
            assertEquals(0, read.released().length % ObjectFormat.CHUNK_SIZE,
                    "only whole chunks are released before a failure");
        } else {
            assertEquals(read.metadata().size(), read.released().length, "the plaintext has the declared size");
            assertEquals(read.metadata().sha256Hex(), TestObjects.sha256Hex(read.released()),
                    "the plaintext has the declared SHA-256");
        }
    }

    /**
     * Reads one of the fixed objects with fuzzed changes: flipped, overwritten, inserted or removed
     * bytes and a cut. The whole-object reader and the ranged chunk reader must fail on any change, and before the
     * failure release only whole chunks that verified.
     */
    @FuzzTest
    void mutatedObject(FuzzedDataProvider data) throws IOException {
        TestObjects.Sealed sealed = OBJECTS[data.consumeInt(0, OBJECTS.length - 1)];
        byte[] altered = ByteMutations.apply(sealed.object(), data);
        boolean changed = !Arrays.equals(altered, sealed.object());

        Read read = readAll(sealed.documentId(), altered);
        byte[] released = read.released();
        if (!changed) {
            assertFalse(read.failed(), "the unchanged object decrypts");
            assertArrayEquals(sealed.plaintext(), released, "the unchanged object decrypts to its plaintext");
        } else {
            assertTrue(read.failed(), "a changed object fails");
            assertEquals(0, released.length % ObjectFormat.CHUNK_SIZE, "only whole chunks are released before a failure");
            assertArrayEquals(Arrays.copyOf(sealed.plaintext(), released.length), released,
                    "the released chunks are the original plaintext");
        }

        readChunks(sealed, altered);
    }

    /**
     * What a reader got from an object, whether the read ended in an {@link IntegrityException}, and
     * the metadata when the header verified.
     */
    private record Read(byte[] released, boolean failed, DocumentMetadata metadata) {
    }

    /**
     * Opens {@code object} under the fixed key and reads it to the end, keeping what was released before
     * an {@link IntegrityException}. Any other exception propagates and fails the fuzz test.
     */
    private static Read readAll(UUID documentId, byte[] object) throws IOException {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        DocumentMetadata metadata = null;
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(DOCUMENT_KEY)) {
            InputStream in = new ByteArrayInputStream(object);
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(documentId, key, in);
                    InputStream plaintext = decryptor.decrypt(in)) {
                metadata = decryptor.metadata();
                byte[] buffer = new byte[8191];
                for (int n = plaintext.read(buffer); n != -1; n = plaintext.read(buffer)) {
                    released.write(buffer, 0, n);
                }
            }
        } catch (IntegrityException expected) {
            return new Read(released.toByteArray(), true, metadata);
        }
        return new Read(released.toByteArray(), false, metadata);
    }

    /**
     * Reads {@code altered} the way a ranged reader does: header first, then each chunk on its own at
     * its offset. A chunk may decrypt only when its bytes are the original chunk's.
     */
    private static void readChunks(TestObjects.Sealed sealed, byte[] altered) {
        ObjectHeader header;
        try {
            header = ObjectHeader.parse(new ByteArrayInputStream(altered));
        } catch (IntegrityException expected) {
            return;
        }
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(DOCUMENT_KEY);
                ObjectDecryptor decryptor = ObjectDecryptor.open(sealed.documentId(), key, header);
                ChunkDecrypter chunks = decryptor.chunkDecrypter()) {
            assertArrayEquals(sealed.header(), header.encode(), "only the original header opens");
            for (int index = 0; index < chunks.chunkCount(); index++) {
                long offset = chunks.chunkOffset(index);
                int length = chunks.chunkCiphertextLength(index);
                int available = (int) Math.max(0, Math.min(length, altered.length - offset));
                byte[] ciphertext = Arrays.copyOfRange(altered, (int) Math.min(offset, altered.length),
                        (int) Math.min(offset, altered.length) + available);
                byte[] plaintext = new byte[chunks.chunkPlaintextLength(index)];
                try {
                    chunks.decryptChunk(index, ciphertext, 0, ciphertext.length, plaintext);
                } catch (IntegrityException expected) {
                    assertArrayEquals(new byte[plaintext.length], plaintext, "a failed chunk leaves no plaintext");
                    continue;
                }
                assertArrayEquals(sealed.chunk(index), ciphertext, "only the original chunk decrypts");
                int start = index * ObjectFormat.CHUNK_SIZE;
                assertArrayEquals(Arrays.copyOfRange(sealed.plaintext(), start, start + plaintext.length), plaintext,
                        "a chunk decrypts to its part of the plaintext");
            }
        } catch (IntegrityException expected) {
            // The header did not verify, so no chunk can be read.
        }
    }
}

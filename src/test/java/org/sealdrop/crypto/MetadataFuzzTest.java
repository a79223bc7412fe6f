package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * Fuzzes the metadata decoder with the plaintext that a holder of the document key could put in a
 * header. {@link MetadataCodec#decodePadded} may only raise {@link IllegalArgumentException}, and an
 * object whose authenticated metadata is fuzzed may only fail with an {@link IntegrityException},
 * also when a chunk is read after the metadata was accepted.
 */
class MetadataFuzzTest {

    private static final byte[] DOCUMENT_KEY =
            HexFormat.of().parseHex("606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f");
    private static final UUID DOCUMENT_ID = UUID.fromString("00000000-0000-4000-8000-00000000f023");
    private static final byte[] SALT = new byte[ObjectFormat.SALT_SIZE];
    private static final byte[] NONCE_PREFIX = new byte[ObjectFormat.NONCE_PREFIX_SIZE];
    private static final byte[] METADATA_NONCE = new byte[ObjectFormat.NONCE_SIZE];

    @FuzzTest
    void metadataPlaintext(byte[] json) throws IOException {
        byte[] padded = pad(json);

        DocumentMetadata decoded;
        try {
            decoded = MetadataCodec.decodePadded(padded);
        } catch (IllegalArgumentException expected) {
            decoded = null;
        }
        if (decoded != null) {
            checkRoundTrip(decoded);
        }

        ObjectHeader header = sealMetadata(padded);
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(DOCUMENT_KEY);
                ObjectDecryptor decryptor = ObjectDecryptor.open(DOCUMENT_ID, key, header)) {
            assertEquals(decoded, decryptor.metadata(), "the decryptor accepts what the codec accepts");
            readAfterHeader(decryptor);
        } catch (IntegrityException rejected) {
            assertNull(decoded, "the decryptor rejects only what the codec rejects");
        }
    }

    /** Pads {@code json} with zeros to whole padding blocks, cut to the largest metadata a header holds. */
    private static byte[] pad(byte[] json) {
        int block = ObjectFormat.METADATA_PADDING_BLOCK;
        int length = Math.min(json.length, ObjectFormat.MAX_METADATA_PLAINTEXT_LENGTH);
        int padded = Math.max(block, (length + block - 1) / block * block);
        byte[] bytes = new byte[padded];
        System.arraycopy(json, 0, bytes, 0, length);
        return bytes;
    }

    /** Encrypts {@code padded} as the metadata of a header under the fixed key, as a key holder could. */
    private static ObjectHeader sealMetadata(byte[] padded) {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(DOCUMENT_KEY);
                ObjectKeys keys = ObjectKeys.derive(key, SALT, DOCUMENT_ID)) {
            byte[] associatedData = ObjectHeader.encodeFixedPart(DOCUMENT_ID, SALT, NONCE_PREFIX, keys.commitment(),
                    METADATA_NONCE, padded.length + ObjectFormat.TAG_SIZE);
            byte[] encrypted = AesGcm.encrypt(keys.metadataKey(), METADATA_NONCE, associatedData, padded);
            return new ObjectHeader(DOCUMENT_ID, SALT, NONCE_PREFIX, keys.commitment(), METADATA_NONCE, encrypted);
        }
    }

    /** Metadata that decodes encodes again to the same values, unless it no longer fits a header. */
    private static void checkRoundTrip(DocumentMetadata decoded) {
        byte[] encoded;
        try {
            encoded = MetadataCodec.encodePadded(decoded);
        } catch (SealDropException e) {
            assertEquals("SD-METADATA-TOO-LARGE", e.errorCode(), "encoding fails only for its size");
            return;
        }
        assertEquals(decoded, MetadataCodec.decodePadded(encoded), "decoded metadata survives a round trip");
    }

    /**
     * Reads after a header whose metadata was accepted: chunk arithmetic for the declared size works,
     * and a stream without chunks and a forged last chunk both fail as integrity failures.
     */
    private static void readAfterHeader(ObjectDecryptor decryptor) throws IOException {
        try (ChunkDecrypter chunks = decryptor.chunkDecrypter()) {
            int last = chunks.chunkCount() - 1;
            chunks.chunkOffset(last);
            int length = chunks.chunkCiphertextLength(last);
            assertEquals(decryptor.metadata().size() - (long) last * ObjectFormat.CHUNK_SIZE,
                    chunks.chunkPlaintextLength(last), "the last chunk holds the rest of the declared size");
            if (length <= ObjectFormat.CIPHERTEXT_CHUNK_SIZE) {
                byte[] forged = new byte[length];
                byte[] plaintext = new byte[length - ObjectFormat.TAG_SIZE];
                assertThrows(IntegrityException.class, () -> chunks.decryptChunk(last, forged, 0, length, plaintext),
                        "a forged chunk does not verify");
                assertArrayEquals(new byte[plaintext.length], plaintext, "a failed chunk leaves no plaintext");
            }
        }

        try (InputStream plaintext = decryptor.decrypt(new ByteArrayInputStream(new byte[0]))) {
            assertThrows(IntegrityException.class, plaintext::read, "an object without chunks fails");
        }
    }
}

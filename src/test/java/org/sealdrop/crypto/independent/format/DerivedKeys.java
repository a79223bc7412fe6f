package org.sealdrop.crypto.independent.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The chunk key, metadata key and key commitment of one object, derived from the document key with
 * HKDF-SHA-256 over the header's salt and the label followed by the document id ("Key derivation").
 * {@link #close()} wipes all three.
 */
final class DerivedKeys implements AutoCloseable {

    private final byte[] chunkKey;
    private final byte[] metadataKey;
    private final byte[] commitment;

    private DerivedKeys(byte[] chunkKey, byte[] metadataKey, byte[] commitment) {
        this.chunkKey = chunkKey;
        this.metadataKey = metadataKey;
        this.commitment = commitment;
    }

    static DerivedKeys derive(byte[] documentKey, byte[] salt, UUID documentId) {
        if (documentKey.length != FormatV1.KEY_SIZE) {
            throw new IllegalArgumentException("A document key has 32 bytes, not " + documentKey.length + ".");
        }
        byte[] id = SpecHeader.idBytes(documentId);
        return new DerivedKeys(
                BcPrimitives.hkdf(documentKey, salt, info(FormatV1.CHUNK_KEY_LABEL, id), FormatV1.KEY_SIZE),
                BcPrimitives.hkdf(documentKey, salt, info(FormatV1.METADATA_KEY_LABEL, id), FormatV1.KEY_SIZE),
                BcPrimitives.hkdf(documentKey, salt, info(FormatV1.COMMITMENT_LABEL, id), FormatV1.COMMITMENT_SIZE));
    }

    private static byte[] info(String label, byte[] documentId) {
        byte[] ascii = label.getBytes(StandardCharsets.US_ASCII);
        byte[] info = Arrays.copyOf(ascii, ascii.length + documentId.length);
        System.arraycopy(documentId, 0, info, ascii.length, documentId.length);
        return info;
    }

    /** Returns the live chunk key; callers must not keep or change it. */
    byte[] chunkKey() {
        return chunkKey;
    }

    byte[] metadataKey() {
        return metadataKey;
    }

    byte[] commitment() {
        return commitment;
    }

    @Override
    public void close() {
        Arrays.fill(chunkKey, (byte) 0);
        Arrays.fill(metadataKey, (byte) 0);
        Arrays.fill(commitment, (byte) 0);
    }
}

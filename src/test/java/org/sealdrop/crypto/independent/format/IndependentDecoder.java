package org.sealdrop.crypto.independent.format;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * A second reader of object format version 1, written from docs/FORMAT.md alone. It shares no code with
 * the production reader: the cipher work goes through Bouncy Castle's lightweight API.
 */
public final class IndependentDecoder {

    private IndependentDecoder() {
    }

    /**
     * Reads and checks the header, then decrypts the metadata, following steps 1 to 5 of "Reading an
     * object": header layout, document id, key commitment in constant time, metadata tag and JSON. The
     * stream is left at the first chunk. The document key is only read; the caller still wipes it.
     *
     * @throws ObjectRejectedException UNSUPPORTED for an unknown version or suite, INTEGRITY when any other
     *         check fails
     * @throws UncheckedIOException when reading fails
     */
    public static OpenedObject open(UUID expectedDocumentId, byte[] documentKey, InputStream object) {
        SpecHeader header = SpecHeader.read(object);
        if (!header.documentId().equals(expectedDocumentId)) {
            throw ObjectRejectedException.integrity("the header names document " + header.documentId()
                    + " instead of " + expectedDocumentId);
        }

        try (DerivedKeys keys = DerivedKeys.derive(documentKey, header.salt(), expectedDocumentId)) {
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(keys.commitment(), header.commitment())) {
                throw ObjectRejectedException.integrity("the key commitment does not match the document key");
            }
            SpecMetadata metadata = decryptMetadata(header, keys.metadataKey());
            if (FormatV1.chunkCount(metadata.size()) > FormatV1.MAX_CHUNK_COUNT) {
                throw ObjectRejectedException.integrity("the metadata size needs more chunks than a uint32 counts");
            }
            return new OpenedObject(header, metadata, keys.chunkKey().clone());
        }
    }

    private static SpecMetadata decryptMetadata(SpecHeader header, byte[] metadataKey) {
        byte[] encrypted = header.encryptedMetadata();
        byte[] padded = new byte[encrypted.length - FormatV1.TAG_SIZE];
        try {
            BcPrimitives.decrypt(metadataKey, header.metadataNonce(), header.metadataAssociatedData(), encrypted, 0,
                    encrypted.length, padded, "the metadata");
            return SpecMetadata.parsePadded(padded);
        } finally {
            // The padded metadata holds PHI (the name and patient reference).
            Arrays.fill(padded, (byte) 0);
        }
    }
}

package org.sealdrop.crypto;

import java.util.Arrays;
import java.util.UUID;

/**
 * The per-object values derived from a document key with HKDF-SHA-256 (docs/FORMAT.md, "Key derivation").
 *
 * <p>Salt = the header's random salt; info = an ASCII label naming the format version and the purpose,
 * followed by the 16 document id bytes. Distinct labels keep the three outputs independent.
 */
final class ObjectKeys implements AutoCloseable {

    static final String CHUNK_KEY_LABEL = "SealDrop v1 chunk key";
    static final String COMMITMENT_LABEL = "SealDrop v1 key commitment";
    static final String METADATA_KEY_LABEL = "SealDrop v1 metadata key";

    private final SecretKeyBytes chunkKey;
    private final SecretKeyBytes metadataKey;
    private final byte[] commitment;

    private ObjectKeys(SecretKeyBytes chunkKey, SecretKeyBytes metadataKey, byte[] commitment) {
        this.chunkKey = chunkKey;
        this.metadataKey = metadataKey;
        this.commitment = commitment;
    }

    static ObjectKeys derive(SecretKeyBytes documentKey, byte[] salt, UUID documentId) {
        byte[] commitment = Hkdf.derive(documentKey.bytes(), salt,
                Hkdf.info(COMMITMENT_LABEL, documentId), ObjectFormat.COMMITMENT_SIZE);
        SecretKeyBytes chunkKey = Hkdf.deriveKey(documentKey, salt, CHUNK_KEY_LABEL, documentId);
        SecretKeyBytes metadataKey = Hkdf.deriveKey(documentKey, salt, METADATA_KEY_LABEL, documentId);
        return new ObjectKeys(chunkKey, metadataKey, commitment);
    }

    SecretKeyBytes chunkKey() {
        return chunkKey;
    }

    SecretKeyBytes metadataKey() {
        return metadataKey;
    }

    /** Returns the live commitment array. It is not secret, but {@link #close()} wipes it with the keys. */
    byte[] commitment() {
        return commitment;
    }

    @Override
    public void close() {
        chunkKey.close();
        metadataKey.close();
        Arrays.fill(commitment, (byte) 0);
    }
}

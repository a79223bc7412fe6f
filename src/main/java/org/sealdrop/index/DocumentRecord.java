package org.sealdrop.index;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the {@code documents} table. Every column is free of PHI: the name, media type and
 * patient reference are inside {@code header}, encrypted under the document key.
 *
 * @param id document id
 * @param objectKey full key of the object in the bucket (prefix plus a random id)
 * @param plaintextSize document size in bytes
 * @param ciphertextSize object size in bytes
 * @param status {@link DocumentStatus} of the row
 * @param vaultKeyVersion vault key version that wraps the document key
 * @param wrappedKey the wrapped document key
 * @param header the object's header (with the encrypted metadata), a copy of the object's first bytes
 * @param createdAt when the row was added
 * @param updatedAt last change of the row
 */
public record DocumentRecord(UUID id, String objectKey, long plaintextSize, long ciphertextSize, DocumentStatus status,
        int vaultKeyVersion, byte[] wrappedKey, byte[] header, Instant createdAt, Instant updatedAt) {
}

package org.sealdrop.index;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code upload_sessions}: an upload that started and has not yet been listed as a document.
 * It contains what a later run needs to produce the same ciphertext again. No column contains PHI in clear:
 * the source path is encrypted under a key derived from the document key, and names live in the
 * header's encrypted metadata.
 *
 * @param documentId the id the document gets once uploaded
 * @param objectKey the full object key
 * @param uploadId the multipart upload id, or null before one was created or for a single PutObject
 * @param wrappedKey the document key wrapped under the vault key
 * @param header the encoded object header
 * @param sealedSourcePath the source file's path, encrypted
 * @param sourceSize the source file's size in bytes when the upload started
 * @param sourceModified the source file's modification time when the upload started
 * @param partSize the multipart part size in bytes, or 0 before a multipart upload was created
 * @param ciphertextSize the object's length in bytes
 * @param vaultKeyVersion the vault key version that wrapped the document key
 * @param state {@link #STARTED} or {@link #SENDING}
 * @param createdAt when the upload started
 */
public record UploadSession(UUID documentId, String objectKey, String uploadId, byte[] wrappedKey, byte[] header,
        byte[] sealedSourcePath, long sourceSize, Instant sourceModified, long partSize, long ciphertextSize,
        int vaultKeyVersion, String state, Instant createdAt) {

    /** The session exists but no multipart upload was created yet, or the object goes as one PutObject. */
    public static final String STARTED = "started";
    /** A multipart upload was created; its accepted parts are in {@code upload_parts}. */
    public static final String SENDING = "sending";

    public UploadSession {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(objectKey, "objectKey");
        wrappedKey = wrappedKey.clone();
        header = header.clone();
        sealedSourcePath = sealedSourcePath.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] sealedSourcePath() {
        return sealedSourcePath.clone();
    }
}

package org.sealdrop.crypto;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

/**
 * Reads one object: checks its header against the document key, decrypts its metadata, then
 * decrypts its chunks as a stream or one at a time (docs/FORMAT.md, "Reading an object").
 *
 * <p>Close the decryptor when done to wipe the chunk key. Streams and chunks of one decryptor may be
 * decrypted on several threads at once, one stream per thread.
 */
public final class ObjectDecryptor implements AutoCloseable {

    private final ObjectHeader header;
    private final byte[] headerSha256;
    private final DocumentMetadata metadata;
    private final SecretKeyBytes chunkKey;
    private final int chunkCount;

    private ObjectDecryptor(ObjectHeader header, DocumentMetadata metadata, SecretKeyBytes chunkKey) {
        this.header = header;
        this.headerSha256 = header.sha256();
        this.metadata = metadata;
        this.chunkKey = chunkKey;
        this.chunkCount = ObjectFormat.chunkCount(metadata.size());
    }

    /**
     * Reads the header from the start of an object and checks it in this order: magic, format version,
     * suite and lengths; that its document id equals {@code expectedDocumentId}; the key commitment, in
     * constant time. Only then is the metadata decrypted. The stream is left at the first chunk.
     * The document key is only read; the caller still closes it.
     *
     * @throws IntegrityException when any check fails or the metadata does not verify
     * @throws UnsupportedFormatException when the format version or suite is unknown
     * @throws UncheckedIOException when reading fails
     */
    public static ObjectDecryptor open(UUID expectedDocumentId, SecretKeyBytes documentKey, InputStream objectStart) {
        Objects.requireNonNull(expectedDocumentId, "expectedDocumentId");
        Objects.requireNonNull(documentKey, "documentKey");
        return open(expectedDocumentId, documentKey, ObjectHeader.parse(objectStart));
    }

    /**
     * Same checks as {@link #open(UUID, SecretKeyBytes, InputStream)} on a header already parsed, such
     * as one fetched with a ranged GET.
     */
    public static ObjectDecryptor open(UUID expectedDocumentId, SecretKeyBytes documentKey, ObjectHeader header) {
        if (!header.documentId().equals(expectedDocumentId)) {
            throw IntegrityException.forDocument(expectedDocumentId,
                    "its header names document " + header.documentId());
        }

        try (ObjectKeys keys = ObjectKeys.derive(documentKey, header.salt(), expectedDocumentId)) {
            // A different document key, salt or id gives a different commitment (docs/FORMAT.md,
            // "Key commitment"); GCM alone would not notice a wrong key this early.
            if (!MessageDigest.isEqual(keys.commitment(), header.keyCommitment())) {
                throw IntegrityException.forDocument(expectedDocumentId,
                        "its key commitment does not match the document key");
            }

            DocumentMetadata metadata = decryptMetadata(header, keys, expectedDocumentId);
            return new ObjectDecryptor(header, metadata, SecretKeyBytes.copyOf(keys.chunkKey().bytes()));
        }
    }

    public DocumentMetadata metadata() {
        return metadata;
    }

    public ObjectHeader header() {
        return header;
    }

    public int headerLength() {
        return header.length();
    }

    /** Returns the number of chunks, from the size in the metadata. */
    public int chunkCount() {
        return chunkCount;
    }

    /**
     * Returns the plaintext of the chunks that follow the header. A chunk's bytes are released only
     * after its tag verified. Closing the returned stream closes {@code chunksAfterHeader}.
     *
     * <p>{@code read} throws {@link IntegrityException}, unchecked, on a bad tag, a missing last chunk,
     * bytes after the last chunk, reordered or duplicated chunks, or a length or SHA-256 that disagrees
     * with the metadata. Bytes already read came from whole chunks that verified. The last chunk is
     * released only after the SHA-256 of the whole plaintext matched, so a read to the end of the
     * stream without an exception yields exactly the document the metadata describes.
     */
    public InputStream decrypt(InputStream chunksAfterHeader) {
        Objects.requireNonNull(chunksAfterHeader, "chunksAfterHeader");
        ChunkCipher cipher = new ChunkCipher(chunkKey, header.noncePrefix(), headerSha256);
        return new ChunkDecryptingStream(cipher, chunksAfterHeader, header.documentId(), metadata.size(),
                HexFormat.of().parseHex(metadata.sha256Hex()));
    }

    /**
     * Returns the plaintext of one ciphertext chunk fetched on its own, for example with a ranged GET
     * from {@link ObjectFormat#chunkOffset}. The last-chunk flag follows from the size in the metadata.
     * Safe to call from several threads at once.
     *
     * @throws IntegrityException when the chunk does not verify at that index or has the wrong length
     * @throws IllegalArgumentException when the index is outside the document
     */
    public byte[] decryptChunk(long chunkIndex, byte[] ciphertext) {
        ObjectFormat.checkChunkIndex(chunkIndex, chunkCount);
        int expected = ObjectFormat.chunkCiphertextLength(metadata.size(), chunkIndex);
        if (ciphertext.length != expected) {
            throw IntegrityException.forDocument(header.documentId(), "chunk " + chunkIndex + " has "
                    + ciphertext.length + " bytes instead of " + expected);
        }

        byte[] plaintext = new byte[expected - ObjectFormat.TAG_SIZE];
        ChunkCipher cipher = new ChunkCipher(chunkKey, header.noncePrefix(), headerSha256);
        try {
            cipher.decrypt(chunkIndex, chunkIndex == chunkCount - 1, ciphertext, 0, ciphertext.length, plaintext);
            return plaintext;
        } catch (AEADBadTagException e) {
            Arrays.fill(plaintext, (byte) 0);
            throw IntegrityException.forDocument(header.documentId(), "chunk " + chunkIndex + " has an invalid tag", e);
        }
    }

    /**
     * Returns a random-access decrypter of this object's chunks with its own copy of the chunk key, so
     * it stays usable after this decryptor is closed. The caller closes it to wipe that copy.
     */
    public ChunkDecrypter chunkDecrypter() {
        return new ChunkDecrypter(header, metadata.size(), SecretKeyBytes.copyOf(chunkKey.bytes()));
    }

    /** Wipes the chunk key. Streams and chunk decrypters created before keep working with their own key copy. */
    @Override
    public void close() {
        chunkKey.close();
    }

    private static DocumentMetadata decryptMetadata(ObjectHeader header, ObjectKeys keys, UUID documentId) {
        byte[] encoded = header.encode();
        byte[] associatedData = Arrays.copyOf(encoded, ObjectFormat.METADATA_OFFSET);
        byte[] padded;
        try {
            padded = AesGcm.decrypt(keys.metadataKey(), header.metadataNonce(), associatedData,
                    header.encryptedMetadata());
        } catch (AEADBadTagException e) {
            throw IntegrityException.forDocument(documentId, "its metadata has an invalid tag", e);
        }

        try {
            return MetadataCodec.decodePadded(padded);
        } catch (IllegalArgumentException e) {
            // The message names a JSON member at most, never its value.
            throw IntegrityException.forDocument(documentId, e.getMessage());
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }
}

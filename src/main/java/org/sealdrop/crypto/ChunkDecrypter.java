package org.sealdrop.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

/**
 * Decrypts single chunks of one object in any order, for a reader that fetches byte ranges
 * (docs/FORMAT.md, "Reading a byte range").
 *
 * <p>Instances come from {@link ObjectDecryptor#chunkDecrypter()}, so the header's document id and
 * key commitment were checked and its metadata verified before any chunk can be decrypted. Each
 * chunk is authenticated on its own: its nonce binds its index and the last-chunk flag, which follows
 * from the plaintext size in the verified metadata, and its associated data binds the header. This
 * class cannot check the SHA-256 of the whole plaintext, because it decrypts chunks one at a time.
 *
 * <p>Thread-safe; close it to wipe its copy of the chunk key.
 */
public final class ChunkDecrypter implements AutoCloseable {

    private final UUID documentId;
    private final int headerLength;
    private final long plaintextSize;
    private final int chunkCount;
    private final SecretKeyBytes chunkKey;
    private final ChunkCipher cipher;

    ChunkDecrypter(ObjectHeader header, long plaintextSize, SecretKeyBytes chunkKey) {
        this.documentId = header.documentId();
        this.headerLength = header.length();
        this.plaintextSize = plaintextSize;
        this.chunkCount = ObjectFormat.chunkCount(plaintextSize);
        this.chunkKey = chunkKey;
        this.cipher = new ChunkCipher(chunkKey, header.noncePrefix(), header.sha256());
    }

    public UUID documentId() {
        return documentId;
    }

    /** Returns the plaintext length from the verified metadata. */
    public long plaintextSize() {
        return plaintextSize;
    }

    public int chunkCount() {
        return chunkCount;
    }

    /**
     * Returns the byte offset of ciphertext chunk {@code chunkIndex} in the object.
     *
     * @throws IllegalArgumentException when the index is outside the document
     */
    public long chunkOffset(int chunkIndex) {
        ObjectFormat.checkChunkIndex(chunkIndex, chunkCount);
        return ObjectFormat.chunkOffset(headerLength, chunkIndex);
    }

    /**
     * Returns the length of ciphertext chunk {@code chunkIndex}, tag included.
     *
     * @throws IllegalArgumentException when the index is outside the document
     */
    public int chunkCiphertextLength(int chunkIndex) {
        return ObjectFormat.chunkCiphertextLength(plaintextSize, chunkIndex);
    }

    /** Returns the plaintext length of chunk {@code chunkIndex}. */
    public int chunkPlaintextLength(int chunkIndex) {
        return ObjectFormat.chunkPlaintextLength(plaintextSize, chunkIndex);
    }

    /**
     * Authenticates and decrypts chunk {@code chunkIndex} from {@code length} ciphertext bytes at
     * {@code offset} into {@code plaintext} at 0, and returns the plaintext length. The chunk is
     * decrypted as the last chunk exactly when {@code chunkIndex} is the last index.
     *
     * <p>On failure {@code plaintext} is zeroed, so no byte of a chunk that did not verify is left
     * where the caller could read it.
     *
     * @throws IntegrityException when the length is not this chunk's ciphertext length or the tag does
     *     not verify at this index, with this flag, under this header
     * @throws IllegalArgumentException when the index is outside the document or {@code plaintext} is
     *     shorter than the chunk's plaintext
     * @throws IllegalStateException when the decrypter was closed
     */
    public synchronized int decryptChunk(int chunkIndex, byte[] ciphertext, int offset, int length, byte[] plaintext) {
        Objects.checkFromIndexSize(offset, length, ciphertext.length);
        int expected = chunkCiphertextLength(chunkIndex);
        if (plaintext.length < expected - ObjectFormat.TAG_SIZE) {
            throw new IllegalArgumentException("A plaintext buffer of " + plaintext.length + " bytes is too small for chunk "
                    + chunkIndex + ".");
        }
        if (chunkKey.isDestroyed()) {
            throw new IllegalStateException("The chunk decrypter of document " + documentId + " was closed.");
        }
        if (length != expected) {
            throw IntegrityException.forDocument(documentId, "chunk " + chunkIndex + " has " + length
                    + " bytes instead of " + expected);
        }

        boolean last = chunkIndex == chunkCount - 1;
        try {
            return cipher.decrypt(chunkIndex, last, ciphertext, offset, length, plaintext);
        } catch (AEADBadTagException e) {
            Arrays.fill(plaintext, (byte) 0);
            throw IntegrityException.forDocument(documentId, last
                    ? "chunk " + chunkIndex + " does not verify as the last chunk"
                    : "chunk " + chunkIndex + " has an invalid tag", e);
        }
    }

    /** Wipes the chunk key copy; later calls of {@link #decryptChunk} fail. */
    @Override
    public synchronized void close() {
        chunkKey.close();
    }
}

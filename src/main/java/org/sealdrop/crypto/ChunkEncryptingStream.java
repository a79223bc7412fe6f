package org.sealdrop.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Ciphertext of a run of chunks, encrypted as it is read. Holds one plaintext chunk and one
 * ciphertext chunk, so memory stays constant whatever the document size.
 *
 * <p>When the run covers the whole document, the stream also hashes the plaintext and compares it
 * with the SHA-256 from the first pass before it emits the last chunk.
 */
final class ChunkEncryptingStream extends ChunkBufferStream {

    private final ChunkCipher cipher;
    private final InputStream plaintext;
    private final long plaintextLength;
    private final long lastChunkIndex;
    private final long endChunk;
    private final MessageDigest sha256;
    private final byte[] expectedSha256;

    private final byte[] plainBuffer = new byte[ObjectFormat.CHUNK_SIZE];
    private final byte[] cipherBuffer;
    private long nextChunk;
    private SourceChangedException failure;

    /**
     * @param expectedSha256 SHA-256 of the whole document, checked when the run covers all of it;
     *        {@code null} to skip the check
     */
    ChunkEncryptingStream(ChunkCipher cipher, InputStream plaintext, long plaintextLength, long firstChunk,
            long endChunk, byte[] expectedSha256) {
        super(new byte[ObjectFormat.CIPHERTEXT_CHUNK_SIZE]);
        this.cipherBuffer = output;
        this.cipher = cipher;
        this.plaintext = plaintext;
        this.plaintextLength = plaintextLength;
        this.lastChunkIndex = ObjectFormat.chunkCount(plaintextLength) - 1L;
        this.nextChunk = firstChunk;
        this.endChunk = endChunk;
        boolean wholeDocument = firstChunk == 0 && endChunk == lastChunkIndex + 1;
        this.expectedSha256 = wholeDocument ? expectedSha256 : null;
        this.sha256 = this.expectedSha256 == null ? null : Sha256.newDigest();
    }

    /** Wipes the plaintext buffer and closes the plaintext source. */
    @Override
    public void close() throws IOException {
        Arrays.fill(plainBuffer, (byte) 0);
        position = limit;
        nextChunk = endChunk;
        plaintext.close();
    }

    /** Encrypts the next chunk when the current one is used up; returns false at the end of the run. */
    @Override
    protected boolean ensureAvailable() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (position < limit) {
            return true;
        }
        if (nextChunk >= endChunk) {
            return false;
        }

        int length = ObjectFormat.chunkPlaintextLength(plaintextLength, nextChunk);
        int read = plaintext.readNBytes(plainBuffer, 0, length);
        if (read < length) {
            failure = new SourceChangedException("The source file ended after "
                    + (nextChunk * ObjectFormat.CHUNK_SIZE + read) + " of the " + plaintextLength
                    + " bytes hashed at the start, so it changed while being encrypted: add it again.");
            throw failure;
        }

        // Checked before the last chunk is emitted, so a grown file never yields a complete object.
        boolean last = nextChunk == lastChunkIndex;
        if (last && plaintext.read() != -1) {
            failure = new SourceChangedException("The source file has more than the " + plaintextLength
                    + " bytes hashed at the start, so it changed while being encrypted: add it again.");
            throw failure;
        }

        if (sha256 != null) {
            sha256.update(plainBuffer, 0, length);
            if (last && !MessageDigest.isEqual(sha256.digest(), expectedSha256)) {
                failure = new SourceChangedException("The source file no longer has the SHA-256 computed at the "
                        + "start, so it changed while being encrypted: add it again.");
                throw failure;
            }
        }

        limit = cipher.encrypt(nextChunk, last, plainBuffer, 0, length, cipherBuffer);
        position = 0;
        nextChunk++;
        return true;
    }
}

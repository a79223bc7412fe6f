package org.sealdrop.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

/**
 * Plaintext of the chunks that follow a header, released one verified chunk at a time.
 *
 * <p>The stream reads one byte past each full-size ciphertext chunk to learn whether another chunk
 * follows; a full chunk with more bytes after it is decrypted as a middle chunk (flag 0), anything
 * else as the last chunk (flag 1). So a stream cut at a chunk boundary fails on the flag, bytes after
 * the real last chunk make it fail as a middle chunk, and reordered or repeated chunks fail on the
 * index in the nonce. The result is also checked against the size and SHA-256 in the authenticated
 * metadata. The last chunk is released only when both match, so reading to the end without an
 * exception means the plaintext is the one the metadata describes. Failures are {@link IntegrityException}s thrown from {@code read}, and a failed chunk's plaintext is
 * wiped before it could be copied out.
 */
final class ChunkDecryptingStream extends ChunkBufferStream {

    private final ChunkCipher cipher;
    private final InputStream ciphertext;
    private final UUID documentId;
    private final long expectedLength;
    private final byte[] expectedSha256;
    private final MessageDigest sha256 = Sha256.newDigest();

    // One ciphertext chunk plus one byte of look-ahead, and one plaintext chunk.
    private final byte[] cipherBuffer = new byte[ObjectFormat.CIPHERTEXT_CHUNK_SIZE + 1];
    private final byte[] plainBuffer;
    private int carried;
    private long nextChunk;
    private long released;
    private boolean finished;
    private IntegrityException failure;

    ChunkDecryptingStream(ChunkCipher cipher, InputStream ciphertext, UUID documentId, long expectedLength,
            byte[] expectedSha256) {
        super(new byte[ObjectFormat.CHUNK_SIZE]);
        this.plainBuffer = output;
        this.cipher = cipher;
        this.ciphertext = ciphertext;
        this.documentId = documentId;
        this.expectedLength = expectedLength;
        this.expectedSha256 = expectedSha256.clone();
    }

    /** Wipes the plaintext buffer and closes the ciphertext source. */
    @Override
    public void close() throws IOException {
        Arrays.fill(plainBuffer, (byte) 0);
        position = limit;
        finished = true;
        ciphertext.close();
    }

    @Override
    protected boolean ensureAvailable() throws IOException {
        if (failure != null) {
            throw failure;
        }
        // A loop, because an empty last chunk verifies but yields no byte.
        while (position >= limit) {
            if (finished) {
                return false;
            }
            try {
                decryptNextChunk();
            } catch (IntegrityException e) {
                Arrays.fill(plainBuffer, (byte) 0);
                position = 0;
                limit = 0;
                failure = e;
                throw e;
            }
        }
        return true;
    }

    private void decryptNextChunk() throws IOException {
        int filled = carried + ciphertext.readNBytes(cipherBuffer, carried, cipherBuffer.length - carried);
        boolean last = filled <= ObjectFormat.CIPHERTEXT_CHUNK_SIZE;
        int chunkLength = last ? filled : ObjectFormat.CIPHERTEXT_CHUNK_SIZE;
        if (chunkLength < ObjectFormat.TAG_SIZE) {
            throw fail(filled == 0
                    ? "it has no chunk after its header"
                    : "chunk " + nextChunk + " is shorter than a tag");
        }
        if (nextChunk >= Integer.MAX_VALUE) {
            throw fail("it has more chunks than the format allows");
        }

        int plainLength;
        try {
            plainLength = cipher.decrypt(nextChunk, last, cipherBuffer, 0, chunkLength, plainBuffer);
        } catch (AEADBadTagException e) {
            throw fail(last
                    ? "chunk " + nextChunk + " does not verify as the last chunk"
                    : "chunk " + nextChunk + " has an invalid tag", e);
        }

        // The metadata is authenticated too, so a disagreement means a faulty writer or a changed source file.
        long total = released + plainLength;
        if (total > expectedLength || (last && total != expectedLength)) {
            throw fail("its chunks contain " + (last ? total : "more than " + expectedLength)
                    + " bytes but its metadata declares " + expectedLength);
        }
        sha256.update(plainBuffer, 0, plainLength);
        if (last && !MessageDigest.isEqual(sha256.digest(), expectedSha256)) {
            throw fail("its plaintext SHA-256 differs from the one in its metadata");
        }

        if (!last) {
            cipherBuffer[0] = cipherBuffer[ObjectFormat.CIPHERTEXT_CHUNK_SIZE];
            carried = 1;
        }
        released = total;
        finished = last;
        nextChunk++;
        position = 0;
        limit = plainLength;
    }

    private IntegrityException fail(String failedCheck) {
        return IntegrityException.forDocument(documentId, failedCheck);
    }

    private IntegrityException fail(String failedCheck, Throwable cause) {
        return IntegrityException.forDocument(documentId, failedCheck, cause);
    }
}

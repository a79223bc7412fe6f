package org.sealdrop.crypto.independent.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * An object whose header and metadata verified, ready to decrypt its chunks (step 6 and 7 of "Reading an
 * object"). {@link #close()} wipes the chunk key.
 */
public final class OpenedObject implements AutoCloseable {

    private final SpecHeader header;
    private final SpecMetadata metadata;
    private final byte[] chunkKey;

    OpenedObject(SpecHeader header, SpecMetadata metadata, byte[] chunkKey) {
        this.header = header;
        this.metadata = metadata;
        this.chunkKey = chunkKey;
    }

    public SpecHeader header() {
        return header;
    }

    public SpecMetadata metadata() {
        return metadata;
    }

    /** Decrypts every chunk after the header and returns the plaintext; see {@link #decryptChunks(InputStream, OutputStream)}. */
    public byte[] decryptChunks(InputStream chunks) {
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        decryptChunks(chunks, plaintext);
        return plaintext.toByteArray();
    }

    /**
     * Decrypts the chunks that follow the header and writes each chunk's plaintext to {@code released}
     * only after its tag verified. The last chunk is written only after the total length and SHA-256
     * matched the metadata, so when this method returns, {@code released} got exactly the document.
     * A chunk is the last one when fewer than 65552 bytes are left, or when exactly 65552 are left and
     * the stream ends after them. The reader reads one byte ahead to tell the two apart.
     *
     * @throws ObjectRejectedException INTEGRITY on a failed tag, a missing chunk, a remainder shorter than
     *         a tag, or a length or hash that disagrees with the metadata; {@code released} then holds only
     *         whole chunks that verified before the failure
     * @throws UncheckedIOException when reading or writing fails
     */
    public void decryptChunks(InputStream chunks, OutputStream released) {
        byte[] associatedData = header.sha256();
        SHA256Digest hash = new SHA256Digest();
        byte[] ciphertext = new byte[FormatV1.CIPHERTEXT_CHUNK_SIZE];
        byte[] plaintext = new byte[FormatV1.CIPHERTEXT_CHUNK_SIZE];
        long total = 0;
        int lookahead = -1;
        try {
            for (long index = 0; ; index++) {
                int length = fill(chunks, ciphertext, lookahead);
                boolean last = true;
                if (length == FormatV1.CIPHERTEXT_CHUNK_SIZE) {
                    lookahead = chunks.read();
                    last = lookahead == -1;
                }
                if (index == 0 && length == 0) {
                    throw ObjectRejectedException.integrity("the object has no chunk");
                }
                if (index >= FormatV1.MAX_CHUNK_COUNT) {
                    throw ObjectRejectedException.integrity("chunk " + index + " is past the last uint32 index");
                }

                int plaintextLength = BcPrimitives.decrypt(chunkKey, nonce(index, last), associatedData, ciphertext, 0,
                        length, plaintext, "chunk " + index + (last ? " as the last chunk" : " as a middle chunk"));
                hash.update(plaintext, 0, plaintextLength);
                total += plaintextLength;
                if (last) {
                    checkTotals(total, hash);
                }
                released.write(plaintext, 0, plaintextLength);
                if (last) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void checkTotals(long total, SHA256Digest hash) {
        if (total != metadata.size()) {
            throw ObjectRejectedException.integrity("the chunks carry " + total + " bytes, not the size "
                    + metadata.size() + " in the metadata");
        }
        byte[] digest = new byte[hash.getDigestSize()];
        hash.doFinal(digest, 0);
        if (!org.bouncycastle.util.encoders.Hex.toHexString(digest).equals(metadata.sha256())) {
            throw ObjectRejectedException.integrity("the SHA-256 of the chunks differs from the metadata");
        }
    }

    /** Returns nonce prefix (7) || uint32 index (4) || last flag (1). */
    private byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(FormatV1.NONCE_SIZE)
                .put(header.noncePrefix())
                .putInt((int) index)
                .put((byte) (last ? 1 : 0))
                .array();
    }

    /** Reads up to one ciphertext chunk, starting with the byte read ahead after the previous one. */
    private static int fill(InputStream in, byte[] buffer, int lookahead) throws IOException {
        int length = 0;
        if (lookahead >= 0) {
            buffer[length++] = (byte) lookahead;
        }
        return length + in.readNBytes(buffer, length, buffer.length - length);
    }

    @Override
    public void close() {
        Arrays.fill(chunkKey, (byte) 0);
    }
}

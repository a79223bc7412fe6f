package org.sealdrop.crypto;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes one object: the header with the encrypted metadata, then the encrypted chunks
 * (docs/FORMAT.md).
 *
 * <p>The metadata carries the plaintext length and SHA-256, so the caller hashes the file in a first
 * pass and encrypts it in a second; the streams here fail with {@link SourceChangedException} when
 * the second pass finds a different length or, for a whole object, a different SHA-256. Close the encryptor after its streams to wipe the chunk key.
 * The streams of one encryptor may run on different threads at once (one stream per thread), which is
 * how the parts of a multipart upload are encrypted in parallel.
 */
public final class ObjectEncryptor implements AutoCloseable {

    private final ObjectHeader header;
    private final byte[] headerSha256;
    private final SecretKeyBytes chunkKey;
    private final long plaintextLength;
    private final int chunkCount;
    private final byte[] plaintextSha256;
    private final DocumentMetadata metadata;

    private ObjectEncryptor(ObjectHeader header, SecretKeyBytes chunkKey, DocumentMetadata metadata) {
        this.header = header;
        this.headerSha256 = header.sha256();
        this.chunkKey = chunkKey;
        this.plaintextLength = metadata.size();
        this.chunkCount = ObjectFormat.chunkCount(plaintextLength);
        this.plaintextSha256 = HexFormat.of().parseHex(metadata.sha256Hex());
        this.metadata = metadata;
    }

    /**
     * Derives the object keys, encrypts the metadata and builds the header. {@code random} supplies,
     * in this order, the 32-byte salt, the 7-byte nonce prefix and the 12-byte metadata nonce. The
     * document key is only read; the caller still closes it.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-METADATA-TOO-LARGE} when the metadata
     *         does not fit in a header
     */
    public static ObjectEncryptor create(UUID documentId, SecretKeyBytes documentKey, DocumentMetadata metadata,
            SecureRandom random) {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentKey, "documentKey");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(random, "random");

        byte[] salt = randomBytes(random, ObjectFormat.SALT_SIZE);
        byte[] noncePrefix = randomBytes(random, ObjectFormat.NONCE_PREFIX_SIZE);
        byte[] metadataNonce = randomBytes(random, ObjectFormat.NONCE_SIZE);

        byte[] paddedMetadata = MetadataCodec.encodePadded(metadata);
        try (ObjectKeys keys = ObjectKeys.derive(documentKey, salt, documentId)) {
            int encryptedLength = paddedMetadata.length + ObjectFormat.TAG_SIZE;
            byte[] associatedData = ObjectHeader.encodeFixedPart(documentId, salt, noncePrefix,
                    keys.commitment(), metadataNonce, encryptedLength);
            byte[] encryptedMetadata = AesGcm.encrypt(keys.metadataKey(), metadataNonce, associatedData, paddedMetadata);

            ObjectHeader header = new ObjectHeader(documentId, salt, noncePrefix, keys.commitment(),
                    metadataNonce, encryptedMetadata);
            return new ObjectEncryptor(header, SecretKeyBytes.copyOf(keys.chunkKey().bytes()), metadata);
        } finally {
            Arrays.fill(paddedMetadata, (byte) 0);
        }
    }

    /**
     * Rebuilds the encryptor of an object whose upload was interrupted, from its stored header: the
     * same salt, nonce prefix, commitment and encrypted metadata, so every chunk encrypts to the same
     * ciphertext as in the first run. The header is checked as {@link ObjectDecryptor#open} checks
     * it, and its metadata supplies the plaintext length and SHA-256 that the streams compare with
     * the source. The document key is only read; the caller still closes it.
     *
     * @throws IntegrityException when the header is not this document's or does not verify under
     *         {@code documentKey}
     */
    public static ObjectEncryptor resume(UUID documentId, SecretKeyBytes documentKey, ObjectHeader header) {
        Objects.requireNonNull(header, "header");
        DocumentMetadata metadata;
        try (ObjectDecryptor decryptor = ObjectDecryptor.open(documentId, documentKey, header)) {
            metadata = decryptor.metadata();
        }
        try (ObjectKeys keys = ObjectKeys.derive(documentKey, header.salt(), documentId)) {
            return new ObjectEncryptor(header, SecretKeyBytes.copyOf(keys.chunkKey().bytes()), metadata);
        }
    }

    /** Returns the metadata encrypted in the header. */
    public DocumentMetadata metadata() {
        return metadata;
    }

    /** Returns a copy of the encoded header. */
    public byte[] header() {
        return header.encode();
    }

    public ObjectHeader objectHeader() {
        return header;
    }

    public long ciphertextLength(long plaintextLength) {
        return ObjectFormat.ciphertextLength(header.length(), plaintextLength);
    }

    /** Returns the number of chunks of this document, from the size in its metadata. */
    public int chunkCount() {
        return chunkCount;
    }

    /**
     * Returns the whole object: the header followed by the encrypted chunks of exactly
     * {@code plaintextLength} bytes read from {@code plaintext}. The stream keeps one chunk of
     * plaintext and one of ciphertext in memory, whatever the document size. Closing it closes
     * {@code plaintext}.
     *
     * <p>Its {@code read} methods throw {@link SourceChangedException} ({@code SD-SOURCE-CHANGED}) if
     * {@code plaintext} ends early, has bytes after {@code plaintextLength}, or does not have the
     * SHA-256 in the metadata; the last chunk is then never emitted, so no complete object exists.
     *
     * @throws IllegalArgumentException if {@code plaintextLength} differs from the size in the metadata
     */
    public InputStream encrypt(InputStream plaintext, long plaintextLength) {
        checkDeclaredLength(plaintextLength);
        InputStream chunks = encryptChunks(plaintext, 0, chunkCount);
        return new SequenceInputStream(new ByteArrayInputStream(header()), chunks);
    }

    /**
     * Returns chunks {@code [firstChunk, firstChunk + count)} without the header, reading their
     * plaintext from {@code plaintext}, which must start at plaintext offset {@code firstChunk * CHUNK_SIZE}.
     * A multipart upload encrypts each part, a run of whole chunks, with one such stream. The stream
     * raises {@link SourceChangedException} when {@code plaintext} ends early, and, when the range
     * includes the last chunk, when it has bytes after the document's end. Only a range of the whole
     * document also checks the SHA-256; for parts, the reader's check catches a changed file.
     *
     * @throws IllegalArgumentException if the range is empty or outside this document's chunks
     */
    public InputStream encryptChunks(InputStream plaintext, long firstChunk, long count) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (count < 1 || firstChunk < 0 || firstChunk + count > chunkCount) {
            throw new IllegalArgumentException("Chunks " + firstChunk + " to " + (firstChunk + count - 1)
                    + " are outside this document's " + chunkCount + " chunks.");
        }
        ChunkCipher cipher = new ChunkCipher(chunkKey, header.noncePrefix(), headerSha256);
        return new ChunkEncryptingStream(cipher, plaintext, plaintextLength, firstChunk, firstChunk + count,
                plaintextSha256);
    }

    /**
     * Returns ciphertext chunk {@code chunkIndex} (plaintext plus tag). The last-chunk flag follows
     * from the size in the metadata. Safe to call from several threads at once.
     *
     * @throws IllegalArgumentException if the index is outside the document or {@code length} is not
     *         the plaintext length of that chunk
     */
    public byte[] encryptChunk(long chunkIndex, byte[] plaintext, int offset, int length) {
        ObjectFormat.checkChunkIndex(chunkIndex, chunkCount);
        int expected = ObjectFormat.chunkPlaintextLength(plaintextLength, chunkIndex);
        if (length != expected) {
            throw new IllegalArgumentException("Chunk " + chunkIndex + " must have " + expected
                    + " plaintext bytes, but " + length + " were given.");
        }
        Objects.checkFromIndexSize(offset, length, plaintext.length);

        byte[] ciphertext = new byte[length + ObjectFormat.TAG_SIZE];
        ChunkCipher cipher = new ChunkCipher(chunkKey, header.noncePrefix(), headerSha256);
        cipher.encrypt(chunkIndex, chunkIndex == chunkCount - 1, plaintext, offset, length, ciphertext);
        return ciphertext;
    }

    /** Wipes the chunk key. Streams created before keep working with their own key copy. */
    @Override
    public void close() {
        chunkKey.close();
    }

    private void checkDeclaredLength(long declared) {
        if (declared != plaintextLength) {
            throw new IllegalArgumentException("The declared length " + declared
                    + " differs from the size " + plaintextLength + " in the document metadata.");
        }
    }

    private static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

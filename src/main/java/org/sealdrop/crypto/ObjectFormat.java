package org.sealdrop.crypto;

/**
 * Constants and length arithmetic of object format version 1, specified in {@code docs/FORMAT.md}.
 *
 * <p>An object is a header followed by ciphertext chunks. Every chunk except the last carries exactly
 * {@value #CHUNK_SIZE} plaintext bytes; the last carries 0 to {@value #CHUNK_SIZE}. Each ciphertext
 * chunk is its plaintext plus a {@value #TAG_SIZE}-byte GCM tag, so chunk offsets follow from the
 * header length alone.
 */
public final class ObjectFormat {

    /** "SDRP" in ASCII, the first four bytes of every object. */
    public static final int MAGIC = 0x53445250;
    public static final int FORMAT_VERSION = 1;
    /** AES-256-GCM chunks of 64 KiB, HKDF-SHA-256 derivation, key commitment. */
    public static final int SUITE_AES256_GCM_HKDF_SHA256_COMMITTED = 1;

    public static final int CHUNK_SIZE = 65536;  // plaintext bytes per chunk
    public static final int TAG_SIZE = 16;
    public static final int CIPHERTEXT_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;

    public static final int KEY_SIZE = 32;
    public static final int SALT_SIZE = 32;
    public static final int NONCE_SIZE = 12;
    /** Chunk nonce = prefix (7) || uint32 chunk index (4) || last-chunk flag (1). */
    public static final int NONCE_PREFIX_SIZE = NONCE_SIZE - Integer.BYTES - 1;
    public static final int COMMITMENT_SIZE = 32;
    public static final int DOCUMENT_ID_SIZE = 16;

    // Header field offsets, each derived from the one before it.
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = MAGIC_OFFSET + Integer.BYTES;                      // 4
    public static final int SUITE_OFFSET = VERSION_OFFSET + 1;                                  // 5
    public static final int HEADER_LENGTH_OFFSET = SUITE_OFFSET + 1;                            // 6
    public static final int DOCUMENT_ID_OFFSET = HEADER_LENGTH_OFFSET + Integer.BYTES;          // 10
    public static final int SALT_OFFSET = DOCUMENT_ID_OFFSET + DOCUMENT_ID_SIZE;                // 26
    public static final int NONCE_PREFIX_OFFSET = SALT_OFFSET + SALT_SIZE;                      // 58
    public static final int COMMITMENT_OFFSET = NONCE_PREFIX_OFFSET + NONCE_PREFIX_SIZE;        // 65
    public static final int METADATA_NONCE_OFFSET = COMMITMENT_OFFSET + COMMITMENT_SIZE;        // 97
    public static final int METADATA_LENGTH_OFFSET = METADATA_NONCE_OFFSET + NONCE_SIZE;        // 109
    public static final int METADATA_OFFSET = METADATA_LENGTH_OFFSET + Integer.BYTES;           // 113

    /** Bytes a reader needs to learn the header length: magic, version, suite and header length. */
    public static final int HEADER_PREFIX_LENGTH = DOCUMENT_ID_OFFSET;

    /** Metadata plaintext is zero-padded to a multiple of this, so the header hides the name length. */
    public static final int METADATA_PADDING_BLOCK = 256;
    /** Upper bound a reader accepts, so a damaged length field cannot make it allocate gigabytes. */
    public static final int MAX_HEADER_LENGTH = 65536;
    public static final int MIN_HEADER_LENGTH = METADATA_OFFSET + METADATA_PADDING_BLOCK + TAG_SIZE;  // 385
    public static final int MAX_METADATA_PLAINTEXT_LENGTH =
            (MAX_HEADER_LENGTH - METADATA_OFFSET - TAG_SIZE) / METADATA_PADDING_BLOCK * METADATA_PADDING_BLOCK;

    /**
     * Largest document: the nonce has room for 2^32 chunk indexes, but chunk counts are Java ints here,
     * so the limit is (2^31 - 1) chunks, about 128 TiB.
     */
    public static final long MAX_PLAINTEXT_LENGTH = (long) Integer.MAX_VALUE * CHUNK_SIZE;

    private ObjectFormat() {
    }

    /**
     * Returns the number of chunks of a document: at least 1, because an empty document is one empty
     * last chunk, and a document of exactly 64 KiB is one full last chunk.
     *
     * @throws IllegalArgumentException if the length is negative or above {@link #MAX_PLAINTEXT_LENGTH}
     */
    public static int chunkCount(long plaintextLength) {
        checkPlaintextLength(plaintextLength);
        if (plaintextLength == 0) {
            return 1;
        }
        return (int) ((plaintextLength + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    /** Returns the plaintext length of chunk {@code chunkIndex} of a document of {@code plaintextLength} bytes. */
    public static int chunkPlaintextLength(long plaintextLength, long chunkIndex) {
        int count = chunkCount(plaintextLength);
        checkChunkIndex(chunkIndex, count);
        if (chunkIndex < count - 1) {
            return CHUNK_SIZE;
        }
        return (int) (plaintextLength - (long) (count - 1) * CHUNK_SIZE);
    }

    /**
     * Returns the ciphertext length of chunk {@code chunkIndex}, tag included: 65552 bytes for every
     * chunk but the last, which is its plaintext length plus the tag.
     */
    public static int chunkCiphertextLength(long plaintextLength, long chunkIndex) {
        return chunkPlaintextLength(plaintextLength, chunkIndex) + TAG_SIZE;
    }

    /** Returns the index of the chunk that contains plaintext byte {@code plaintextOffset}. */
    public static long chunkIndexOf(long plaintextOffset) {
        if (plaintextOffset < 0) {
            throw new IllegalArgumentException("A plaintext offset must not be negative, but was " + plaintextOffset + ".");
        }
        return plaintextOffset / CHUNK_SIZE;
    }

    /** Returns the object length: header, plaintext, and one tag per chunk. */
    public static long ciphertextLength(int headerLength, long plaintextLength) {
        checkHeaderLength(headerLength);
        return headerLength + plaintextLength + (long) chunkCount(plaintextLength) * TAG_SIZE;
    }

    /** Returns the byte offset of ciphertext chunk {@code chunkIndex} in the object. */
    public static long chunkOffset(int headerLength, long chunkIndex) {
        checkHeaderLength(headerLength);
        if (chunkIndex < 0 || chunkIndex >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A chunk index must be between 0 and " + (Integer.MAX_VALUE - 1)
                    + ", but was " + chunkIndex + ".");
        }
        return headerLength + chunkIndex * CIPHERTEXT_CHUNK_SIZE;
    }

    static void checkPlaintextLength(long plaintextLength) {
        if (plaintextLength < 0 || plaintextLength > MAX_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("A document must have 0 to " + MAX_PLAINTEXT_LENGTH
                    + " bytes, but " + plaintextLength + " bytes were declared.");
        }
    }

    static void checkChunkIndex(long chunkIndex, int chunkCount) {
        if (chunkIndex < 0 || chunkIndex >= chunkCount) {
            throw new IllegalArgumentException("Chunk index " + chunkIndex + " is outside this document's "
                    + chunkCount + " chunks.");
        }
    }

    private static void checkHeaderLength(int headerLength) {
        if (headerLength < MIN_HEADER_LENGTH || headerLength > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("A header must have " + MIN_HEADER_LENGTH + " to " + MAX_HEADER_LENGTH
                    + " bytes, but " + headerLength + " bytes were given.");
        }
    }
}

package org.sealdrop.crypto.independent.format;

import java.nio.charset.StandardCharsets;

/**
 * Numbers and labels of object format version 1, copied from docs/FORMAT.md and derived from each other
 * the way the header table lays them out.
 */
public final class FormatV1 {

    public static final byte[] MAGIC = "SDRP".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int SUITE = 1;

    public static final int VERSION_OFFSET = MAGIC.length;                                  // 4
    public static final int SUITE_OFFSET = VERSION_OFFSET + 1;                              // 5
    public static final int HEADER_LENGTH_OFFSET = SUITE_OFFSET + 1;                        // 6
    /** Magic, version, suite and header length: what a reader fetches first. */
    public static final int PREAMBLE_LENGTH = HEADER_LENGTH_OFFSET + 4;                     // 10

    public static final int DOCUMENT_ID_SIZE = 16;
    public static final int SALT_SIZE = 32;
    public static final int NONCE_PREFIX_SIZE = 7;
    public static final int COMMITMENT_SIZE = 32;
    public static final int NONCE_SIZE = 12;
    public static final int TAG_SIZE = 16;
    public static final int KEY_SIZE = 32;

    public static final int DOCUMENT_ID_OFFSET = PREAMBLE_LENGTH;                           // 10
    public static final int SALT_OFFSET = DOCUMENT_ID_OFFSET + DOCUMENT_ID_SIZE;            // 26
    public static final int NONCE_PREFIX_OFFSET = SALT_OFFSET + SALT_SIZE;                  // 58
    public static final int COMMITMENT_OFFSET = NONCE_PREFIX_OFFSET + NONCE_PREFIX_SIZE;    // 65
    public static final int METADATA_NONCE_OFFSET = COMMITMENT_OFFSET + COMMITMENT_SIZE;    // 97
    public static final int METADATA_LENGTH_OFFSET = METADATA_NONCE_OFFSET + NONCE_SIZE;    // 109
    /** Start of the encrypted metadata, and the length of the metadata's associated data. */
    public static final int METADATA_OFFSET = METADATA_LENGTH_OFFSET + 4;                   // 113

    public static final int PADDING_BLOCK = 256;
    public static final int MIN_HEADER_LENGTH = METADATA_OFFSET + PADDING_BLOCK + TAG_SIZE; // 385
    public static final int MAX_HEADER_LENGTH = 65536;
    /** Header length minus this is the padded metadata length, a positive multiple of 256. */
    public static final int HEADER_OVERHEAD = METADATA_OFFSET + TAG_SIZE;                   // 129
    public static final int MAX_PADDED_METADATA = (MAX_HEADER_LENGTH - HEADER_OVERHEAD) / PADDING_BLOCK
            * PADDING_BLOCK;                                                                // 65280

    public static final int CHUNK_SIZE = 65536;
    public static final int CIPHERTEXT_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;                  // 65552
    /** Chunk indexes are a uint32 in the nonce. */
    public static final long MAX_CHUNK_COUNT = 1L << 32;

    public static final String CHUNK_KEY_LABEL = "SealDrop v1 chunk key";
    public static final String COMMITMENT_LABEL = "SealDrop v1 key commitment";
    public static final String METADATA_KEY_LABEL = "SealDrop v1 metadata key";
    public static final String DOCUMENT_KEY_LABEL = "SealDrop document key v1";

    public static final int WRAP_FORMAT_VERSION = 1;
    /** Wrap version (1), vault key version (4), nonce (12), encrypted key (32) and tag (16). */
    public static final int WRAPPED_DOCUMENT_KEY_LENGTH = 1 + 4 + NONCE_SIZE + KEY_SIZE + TAG_SIZE; // 65

    private FormatV1() {
    }

    /** Returns the chunk count of a document of {@code size} bytes: an empty document has one empty chunk. */
    public static long chunkCount(long size) {
        return Math.max(1, (size + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }
}

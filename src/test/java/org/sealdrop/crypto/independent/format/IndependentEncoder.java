package org.sealdrop.crypto.independent.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * A writer of object format version 1 from docs/FORMAT.md, for checking the production reader against
 * objects it did not write. It takes its "random" values as arguments, so the same inputs give the same
 * object and the test vectors can be rebuilt.
 */
public final class IndependentEncoder {

    /**
     * What a writer draws at random for one object, in the order the writer draws them.
     *
     * @param salt 32 bytes
     * @param noncePrefix 7 bytes
     * @param metadataNonce 12 bytes
     */
    public record RandomValues(byte[] salt, byte[] noncePrefix, byte[] metadataNonce) {

        /** Splits 51 bytes drawn in one go into the salt, the nonce prefix and the metadata nonce. */
        public static RandomValues of(byte[] drawn) {
            int prefixEnd = FormatV1.SALT_SIZE + FormatV1.NONCE_PREFIX_SIZE;
            return new RandomValues(Arrays.copyOf(drawn, FormatV1.SALT_SIZE),
                    Arrays.copyOfRange(drawn, FormatV1.SALT_SIZE, prefixEnd),
                    Arrays.copyOfRange(drawn, prefixEnd, prefixEnd + FormatV1.NONCE_SIZE));
        }
    }

    private IndependentEncoder() {
    }

    /**
     * Returns a whole object: the header with {@code paddedMetadata} encrypted in it, then the chunks of
     * {@code plaintext}. The padded metadata is taken as given, so a test can also write metadata that a
     * reader must reject; {@link SpecMetadata#pad} builds valid padding.
     *
     * @throws IllegalArgumentException when the key or a random value has the wrong length, or the padded
     *         metadata is not a positive multiple of 256 that fits in a header
     */
    public static byte[] encode(UUID documentId, byte[] documentKey, RandomValues random, byte[] paddedMetadata,
            byte[] plaintext) {
        if (paddedMetadata.length == 0 || paddedMetadata.length % FormatV1.PADDING_BLOCK != 0
                || paddedMetadata.length > FormatV1.MAX_PADDED_METADATA) {
            throw new IllegalArgumentException("Padded metadata of " + paddedMetadata.length
                    + " bytes is not a positive multiple of 256 that fits in a header.");
        }
        try (DerivedKeys keys = DerivedKeys.derive(documentKey, random.salt(), documentId)) {
            byte[] header = encodeHeader(documentId, random, keys, paddedMetadata);
            ByteArrayOutputStream object = new ByteArrayOutputStream(header.length + plaintext.length + 4096);
            object.writeBytes(header);
            encodeChunks(keys.chunkKey(), random.noncePrefix(), BcPrimitives.sha256(header, 0, header.length),
                    plaintext, object);
            return object.toByteArray();
        }
    }

    private static byte[] encodeHeader(UUID documentId, RandomValues random, DerivedKeys keys,
            byte[] paddedMetadata) {
        int encryptedLength = paddedMetadata.length + FormatV1.TAG_SIZE;
        byte[] fixedPart = SpecHeader.encodeFixedPart(documentId, random.salt(), random.noncePrefix(),
                keys.commitment(), random.metadataNonce(), encryptedLength);
        byte[] encryptedMetadata = BcPrimitives.encrypt(keys.metadataKey(), random.metadataNonce(), fixedPart,
                paddedMetadata, 0, paddedMetadata.length);

        byte[] header = Arrays.copyOf(fixedPart, fixedPart.length + encryptedLength);
        System.arraycopy(encryptedMetadata, 0, header, fixedPart.length, encryptedLength);
        return header;
    }

    private static void encodeChunks(byte[] chunkKey, byte[] noncePrefix, byte[] headerSha256, byte[] plaintext,
            ByteArrayOutputStream object) {
        long count = FormatV1.chunkCount(plaintext.length);
        for (long index = 0; index < count; index++) {
            int start = (int) (index * FormatV1.CHUNK_SIZE);
            int length = Math.min(FormatV1.CHUNK_SIZE, plaintext.length - start);
            byte[] nonce = ByteBuffer.allocate(FormatV1.NONCE_SIZE)
                    .put(noncePrefix)
                    .putInt((int) index)
                    .put((byte) (index == count - 1 ? 1 : 0))
                    .array();
            object.writeBytes(BcPrimitives.encrypt(chunkKey, nonce, headerSha256, plaintext, start, length));
        }
    }
}

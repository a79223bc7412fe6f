package org.sealdrop.crypto.independent.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * An object header as the header table of docs/FORMAT.md lays it out, parsed but not yet authenticated.
 *
 * @param bytes the whole header, {@code length} bytes
 */
public record SpecHeader(byte[] bytes, UUID documentId, byte[] salt, byte[] noncePrefix, byte[] commitment,
        byte[] metadataNonce, byte[] encryptedMetadata) {

    public int length() {
        return bytes.length;
    }

    /** Returns the SHA-256 of the complete header, the associated data of every chunk. */
    public byte[] sha256() {
        return BcPrimitives.sha256(bytes, 0, bytes.length);
    }

    /** Returns header bytes [0, 113), the associated data of the metadata encryption. */
    byte[] metadataAssociatedData() {
        return Arrays.copyOf(bytes, FormatV1.METADATA_OFFSET);
    }

    /**
     * Reads a header from the start of an object, checking steps 1 and 2 of "Reading an object": magic,
     * version, suite, the header length's range and step, and the metadata length. The stream is left at
     * the first chunk.
     *
     * @throws ObjectRejectedException UNSUPPORTED for an unknown version or suite, INTEGRITY for the rest
     * @throws UncheckedIOException when reading fails
     */
    public static SpecHeader read(InputStream object) {
        byte[] preamble = readFully(object, FormatV1.PREAMBLE_LENGTH, "the first 10 header bytes");
        if (!Arrays.equals(preamble, 0, FormatV1.MAGIC.length, FormatV1.MAGIC, 0, FormatV1.MAGIC.length)) {
            throw ObjectRejectedException.integrity("the magic is not SDRP");
        }
        int version = preamble[FormatV1.VERSION_OFFSET] & 0xff;
        if (version != FormatV1.VERSION) {
            throw ObjectRejectedException.unsupported("format version " + version + " is unknown");
        }
        int suite = preamble[FormatV1.SUITE_OFFSET] & 0xff;
        if (suite != FormatV1.SUITE) {
            throw ObjectRejectedException.unsupported("suite " + suite + " is unknown");
        }

        long headerLength = Integer.toUnsignedLong(ByteBuffer.wrap(preamble, FormatV1.HEADER_LENGTH_OFFSET, 4).getInt());
        if (headerLength < FormatV1.MIN_HEADER_LENGTH || headerLength > FormatV1.MAX_HEADER_LENGTH
                || (headerLength - FormatV1.HEADER_OVERHEAD) % FormatV1.PADDING_BLOCK != 0) {
            throw ObjectRejectedException.integrity("header length " + headerLength + " is invalid");
        }

        byte[] rest = readFully(object, (int) headerLength - FormatV1.PREAMBLE_LENGTH, "the rest of the header");
        byte[] bytes = Arrays.copyOf(preamble, (int) headerLength);
        System.arraycopy(rest, 0, bytes, FormatV1.PREAMBLE_LENGTH, rest.length);
        return parse(bytes);
    }

    private static SpecHeader parse(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long metadataLength = Integer.toUnsignedLong(buffer.getInt(FormatV1.METADATA_LENGTH_OFFSET));
        if (metadataLength != bytes.length - FormatV1.METADATA_OFFSET) {
            throw ObjectRejectedException.integrity("metadata length " + metadataLength
                    + " disagrees with header length " + bytes.length);
        }
        UUID documentId = new UUID(buffer.getLong(FormatV1.DOCUMENT_ID_OFFSET),
                buffer.getLong(FormatV1.DOCUMENT_ID_OFFSET + 8));
        return new SpecHeader(bytes, documentId,
                slice(bytes, FormatV1.SALT_OFFSET, FormatV1.SALT_SIZE),
                slice(bytes, FormatV1.NONCE_PREFIX_OFFSET, FormatV1.NONCE_PREFIX_SIZE),
                slice(bytes, FormatV1.COMMITMENT_OFFSET, FormatV1.COMMITMENT_SIZE),
                slice(bytes, FormatV1.METADATA_NONCE_OFFSET, FormatV1.NONCE_SIZE),
                slice(bytes, FormatV1.METADATA_OFFSET, bytes.length - FormatV1.METADATA_OFFSET));
    }

    /**
     * Encodes header bytes [0, 113), every field before the encrypted metadata, for a metadata ciphertext
     * (tag included) of {@code encryptedMetadataLength} bytes.
     */
    static byte[] encodeFixedPart(UUID documentId, byte[] salt, byte[] noncePrefix, byte[] commitment,
            byte[] metadataNonce, int encryptedMetadataLength) {
        ByteBuffer buffer = ByteBuffer.allocate(FormatV1.METADATA_OFFSET);
        buffer.put(FormatV1.MAGIC).put((byte) FormatV1.VERSION).put((byte) FormatV1.SUITE);
        buffer.putInt(FormatV1.METADATA_OFFSET + encryptedMetadataLength);
        buffer.put(idBytes(documentId));
        buffer.put(checkLength(salt, FormatV1.SALT_SIZE, "salt"));
        buffer.put(checkLength(noncePrefix, FormatV1.NONCE_PREFIX_SIZE, "nonce prefix"));
        buffer.put(checkLength(commitment, FormatV1.COMMITMENT_SIZE, "commitment"));
        buffer.put(checkLength(metadataNonce, FormatV1.NONCE_SIZE, "metadata nonce"));
        buffer.putInt(encryptedMetadataLength);
        return buffer.array();
    }

    /** Returns the 16 bytes of a UUID in the order of its text form. */
    static byte[] idBytes(UUID documentId) {
        return ByteBuffer.allocate(FormatV1.DOCUMENT_ID_SIZE)
                .putLong(documentId.getMostSignificantBits())
                .putLong(documentId.getLeastSignificantBits())
                .array();
    }

    private static byte[] checkLength(byte[] value, int length, String field) {
        if (value.length != length) {
            throw new IllegalArgumentException("The " + field + " has " + length + " bytes, not " + value.length + ".");
        }
        return value;
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    private static byte[] readFully(InputStream in, int length, String part) {
        try {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw ObjectRejectedException.integrity("the object ends inside " + part);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.sealdrop.crypto;

import static org.sealdrop.crypto.ObjectFormat.COMMITMENT_SIZE;
import static org.sealdrop.crypto.ObjectFormat.HEADER_PREFIX_LENGTH;
import static org.sealdrop.crypto.ObjectFormat.METADATA_OFFSET;
import static org.sealdrop.crypto.ObjectFormat.METADATA_PADDING_BLOCK;
import static org.sealdrop.crypto.ObjectFormat.NONCE_PREFIX_SIZE;
import static org.sealdrop.crypto.ObjectFormat.NONCE_SIZE;
import static org.sealdrop.crypto.ObjectFormat.SALT_SIZE;
import static org.sealdrop.crypto.ObjectFormat.TAG_SIZE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The header of a format version 1 object, parsed without any key (docs/FORMAT.md, "Header").
 *
 * <p>Parsing checks only the structure: magic, version, suite and lengths. Nothing here is
 * authenticated until {@link ObjectDecryptor#open} has checked the key commitment and the metadata tag,
 * so a rebuild of the index may read {@link #documentId()} to find the wrapped key but must not trust
 * it before that. Array accessors return copies.
 *
 * @param documentId document id the object was written for
 * @param salt HKDF salt, 32 random bytes
 * @param noncePrefix first 7 bytes of every chunk nonce
 * @param keyCommitment 32-byte value derived from the document key
 * @param metadataNonce nonce of the metadata encryption
 * @param encryptedMetadata metadata ciphertext followed by its tag
 */
public record ObjectHeader(UUID documentId, byte[] salt, byte[] noncePrefix, byte[] keyCommitment,
        byte[] metadataNonce, byte[] encryptedMetadata) {

    /**
     * @throws IllegalArgumentException when a field has the wrong length
     */
    public ObjectHeader {
        Objects.requireNonNull(documentId, "documentId");
        salt = copyOfLength(salt, SALT_SIZE, "salt");
        noncePrefix = copyOfLength(noncePrefix, NONCE_PREFIX_SIZE, "nonce prefix");
        keyCommitment = copyOfLength(keyCommitment, COMMITMENT_SIZE, "key commitment");
        metadataNonce = copyOfLength(metadataNonce, NONCE_SIZE, "metadata nonce");
        Objects.requireNonNull(encryptedMetadata, "encryptedMetadata");
        if (!isValidEncryptedMetadataLength(encryptedMetadata.length)) {
            throw new IllegalArgumentException("Encrypted metadata of " + encryptedMetadata.length
                    + " bytes is not a padded plaintext plus a tag.");
        }
        encryptedMetadata = encryptedMetadata.clone();
    }

    /**
     * Reads exactly one header from the start of {@code in} and leaves the stream at the first chunk.
     *
     * @throws IntegrityException when the bytes are not a well-formed header or end inside it
     * @throws UnsupportedFormatException when the format version or suite is unknown
     * @throws UncheckedIOException when reading fails
     */
    public static ObjectHeader parse(InputStream in) {
        try {
            byte[] prefix = in.readNBytes(HEADER_PREFIX_LENGTH);
            if (prefix.length < HEADER_PREFIX_LENGTH) {
                throw IntegrityException.forObject("it ends inside its header");
            }
            int length = readLength(prefix);

            byte[] encoded = Arrays.copyOf(prefix, length);
            int read = in.readNBytes(encoded, HEADER_PREFIX_LENGTH, length - HEADER_PREFIX_LENGTH);
            if (read < length - HEADER_PREFIX_LENGTH) {
                throw IntegrityException.forObject("it ends inside its header");
            }
            return parse(encoded);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an object header failed.", e);
        }
    }

    /**
     * Parses a complete encoded header, such as the bytes of a ranged GET of {@code [0, length)}.
     *
     * @throws IntegrityException when the bytes are not exactly one well-formed header
     * @throws UnsupportedFormatException when the format version or suite is unknown
     */
    public static ObjectHeader parse(byte[] encoded) {
        int length = readLength(encoded);
        if (encoded.length != length) {
            throw IntegrityException.forObject("its header has " + encoded.length + " bytes but declares " + length);
        }

        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        buffer.position(ObjectFormat.DOCUMENT_ID_OFFSET);
        UUID documentId = new UUID(buffer.getLong(), buffer.getLong());
        byte[] salt = take(buffer, SALT_SIZE);
        byte[] noncePrefix = take(buffer, NONCE_PREFIX_SIZE);
        byte[] commitment = take(buffer, COMMITMENT_SIZE);
        byte[] metadataNonce = take(buffer, NONCE_SIZE);
        int metadataLength = buffer.getInt();
        if (metadataLength != length - METADATA_OFFSET) {
            throw IntegrityException.forObject("its metadata length field disagrees with its header length");
        }
        byte[] encryptedMetadata = take(buffer, metadataLength);
        return new ObjectHeader(documentId, salt, noncePrefix, commitment, metadataNonce, encryptedMetadata);
    }

    /**
     * Returns the header length declared by the first {@link ObjectFormat#HEADER_PREFIX_LENGTH} bytes,
     * after checking magic, format version and suite there. A reader can fetch that prefix first
     * and then the rest of the header.
     *
     * @throws IntegrityException when the magic is wrong or the length is out of range
     * @throws UnsupportedFormatException when the format version or suite is unknown
     */
    public static int readLength(byte[] prefix) {
        if (prefix.length < HEADER_PREFIX_LENGTH) {
            throw IntegrityException.forObject("it ends inside its header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(prefix);
        if (buffer.getInt(ObjectFormat.MAGIC_OFFSET) != ObjectFormat.MAGIC) {
            throw IntegrityException.forObject("it does not start with the SealDrop magic value");
        }
        int version = Byte.toUnsignedInt(buffer.get(ObjectFormat.VERSION_OFFSET));
        if (version != ObjectFormat.FORMAT_VERSION) {
            throw new UnsupportedFormatException("object format version", version);
        }
        int suite = Byte.toUnsignedInt(buffer.get(ObjectFormat.SUITE_OFFSET));
        if (suite != ObjectFormat.SUITE_AES256_GCM_HKDF_SHA256_COMMITTED) {
            throw new UnsupportedFormatException("algorithm suite", suite);
        }
        int length = buffer.getInt(ObjectFormat.HEADER_LENGTH_OFFSET);
        if (length < ObjectFormat.MIN_HEADER_LENGTH || length > ObjectFormat.MAX_HEADER_LENGTH
                || !isValidEncryptedMetadataLength(length - METADATA_OFFSET)) {
            throw IntegrityException.forObject("its header length " + length + " is invalid");
        }
        return length;
    }

    /** Returns the header length in bytes, including the magic; chunk 0 starts at this offset. */
    public int length() {
        return METADATA_OFFSET + encryptedMetadata.length;
    }

    /** Returns the encoded header, byte for byte as it starts the object. */
    public byte[] encode() {
        byte[] fixed = encodeFixedPart(documentId, salt, noncePrefix, keyCommitment, metadataNonce,
                encryptedMetadata.length);
        byte[] encoded = Arrays.copyOf(fixed, length());
        System.arraycopy(encryptedMetadata, 0, encoded, METADATA_OFFSET, encryptedMetadata.length);
        return encoded;
    }

    /** Returns SHA-256 of the encoded header: the associated data of every chunk. */
    public byte[] sha256() {
        return sha256(encode());
    }

    /**
     * Encodes the fields before the metadata ciphertext, bytes {@code [0, METADATA_OFFSET)}. They are the
     * associated data of the metadata encryption, so the metadata tag authenticates all of them.
     */
    static byte[] encodeFixedPart(UUID documentId, byte[] salt, byte[] noncePrefix, byte[] commitment,
            byte[] metadataNonce, int encryptedMetadataLength) {
        return ByteBuffer.allocate(METADATA_OFFSET)
                .putInt(ObjectFormat.MAGIC)
                .put((byte) ObjectFormat.FORMAT_VERSION)
                .put((byte) ObjectFormat.SUITE_AES256_GCM_HKDF_SHA256_COMMITTED)
                .putInt(METADATA_OFFSET + encryptedMetadataLength)
                .putLong(documentId.getMostSignificantBits())
                .putLong(documentId.getLeastSignificantBits())
                .put(salt)
                .put(noncePrefix)
                .put(commitment)
                .put(metadataNonce)
                .putInt(encryptedMetadataLength)
                .array();
    }

    static byte[] sha256(byte[] bytes) {
        return Sha256.newDigest().digest(bytes);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    @Override
    public byte[] keyCommitment() {
        return keyCommitment.clone();
    }

    @Override
    public byte[] metadataNonce() {
        return metadataNonce.clone();
    }

    @Override
    public byte[] encryptedMetadata() {
        return encryptedMetadata.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectHeader header && Arrays.equals(encode(), header.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "ObjectHeader[documentId=" + documentId + ", length=" + length()
                + ", salt=" + HexFormat.of().formatHex(salt) + "]";
    }

    /** Padded metadata is a positive multiple of the padding block; the tag follows it. */
    private static boolean isValidEncryptedMetadataLength(int length) {
        int plaintext = length - TAG_SIZE;
        return plaintext >= METADATA_PADDING_BLOCK
                && plaintext <= ObjectFormat.MAX_METADATA_PLAINTEXT_LENGTH
                && plaintext % METADATA_PADDING_BLOCK == 0;
    }

    private static byte[] take(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] copyOfLength(byte[] bytes, int length, String field) {
        Objects.requireNonNull(bytes, field);
        if (bytes.length != length) {
            throw new IllegalArgumentException("The " + field + " must be " + length + " bytes, but was "
                    + bytes.length + " bytes.");
        }
        return bytes.clone();
    }
}

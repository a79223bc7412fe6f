package org.sealdrop.index;

/**
 * A row of {@code upload_parts}: one part that S3 accepted for an unfinished multipart upload.
 *
 * @param partNumber part number, from 1
 * @param size bytes of the part
 * @param eTag the part's ETag, without quotes
 * @param checksumCrc32 the base64 CRC32 S3 returned, or null when none was sent
 * @param sha256 SHA-256 of the part's ciphertext bytes
 */
public record UploadPartRecord(int partNumber, long size, String eTag, String checksumCrc32, byte[] sha256) {

    public UploadPartRecord {
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}

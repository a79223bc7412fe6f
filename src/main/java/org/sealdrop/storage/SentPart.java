package org.sealdrop.storage;

import java.util.Objects;

/**
 * One part of a multipart upload that S3 accepted.
 *
 * @param partNumber part number, from 1
 * @param size bytes of the part
 * @param eTag the ETag S3 returned for the part, without quotes
 * @param checksumCrc32 the base64 CRC32 S3 returned, or null when checksums are not sent
 * @param sha256 SHA-256 of the part's bytes, which a resumed upload compares with the bytes it would send
 */
public record SentPart(int partNumber, long size, String eTag, String checksumCrc32, byte[] sha256) {

    public SentPart {
        Objects.requireNonNull(eTag, "eTag");
        sha256 = Objects.requireNonNull(sha256, "sha256").clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}

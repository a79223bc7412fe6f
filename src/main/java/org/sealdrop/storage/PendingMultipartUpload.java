package org.sealdrop.storage;

import java.time.Instant;

/**
 * A multipart upload that was created and neither completed nor aborted.
 *
 * @param key the full object key
 * @param uploadId S3's multipart upload id
 * @param initiated when S3 created it
 * @param parts parts stored so far
 * @param bytes bytes of those parts
 */
public record PendingMultipartUpload(String key, String uploadId, Instant initiated, int parts, long bytes) {
}

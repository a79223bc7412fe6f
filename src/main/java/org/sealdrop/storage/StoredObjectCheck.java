package org.sealdrop.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what S3 reports about a freshly uploaded object with what was sent: the size, and the part
 * count that S3 appends to the ETag of a multipart object ({@code "<md5 of part md5s>-N"}).
 */
final class StoredObjectCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoredObjectCheck.class);

    private StoredObjectCheck() {
    }

    /**
     * Throws when the stored object differs from the upload.
     *
     * @param parts the number of multipart parts sent, or 0 for a single PutObject
     * @throws StorageException {@code SD-S3-SIZE-MISMATCH} when the size differs, or when the ETag names
     *     another part count than was sent (or a part count for a single PutObject)
     */
    static void requireMatch(ObjectInfo stored, long length, int parts, String bucket) {
        if (stored.size() != length) {
            throw new StorageException("SD-S3-SIZE-MISMATCH", "S3 stored " + stored.size() + " bytes for object "
                    + stored.key() + " where " + length + " were sent; upload it again, and tell IT if it happens again.");
        }

        Integer reported = partCountOf(stored.eTag());
        if (reported == null && parts > 0) {
            // Some S3-compatible stores give multipart objects a plain ETag; the size check above still holds.
            LOG.warn("Bucket {} reports no part count in the ETag of multipart object {}", bucket, stored.key());
            return;
        }
        int expected = parts;
        if (reported != null && reported != expected) {
            throw new StorageException("SD-S3-SIZE-MISMATCH", "S3 reports " + reported + " parts for object "
                    + stored.key() + " in bucket " + bucket + " where " + expected
                    + " were sent; upload it again, and tell IT if it happens again.");
        }
    }

    /** Returns N of an ETag that ends in {@code -N}, or null when the ETag has no part count. */
    static Integer partCountOf(String eTag) {
        if (eTag == null) {
            return null;
        }
        int dash = eTag.lastIndexOf('-');
        if (dash < 0 || dash == eTag.length() - 1) {
            return null;
        }
        String suffix = eTag.substring(dash + 1);
        if (!suffix.chars().allMatch(c -> c >= '0' && c <= '9') || suffix.length() > 6) {
            return null;
        }
        return Integer.parseInt(suffix);
    }
}

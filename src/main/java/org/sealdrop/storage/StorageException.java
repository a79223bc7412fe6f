package org.sealdrop.storage;

import org.sealdrop.SealDropException;

/**
 * A failed S3 operation, with a stable error code that identifies the kind of failure.
 *
 * <p>Codes: {@code SD-S3-ACCESS-DENIED}, {@code SD-S3-NO-BUCKET}, {@code SD-S3-NOT-FOUND},
 * {@code SD-S3-UNREACHABLE}, {@code SD-S3-TIMEOUT}, {@code SD-S3-CLOCK-SKEW}, {@code SD-S3-INVALID-RANGE},
 * {@code SD-S3-SIZE-MISMATCH}, {@code SD-S3-SHORT-CONTENT}, {@code SD-S3-SOURCE-FAILED},
 * {@code SD-S3-TOO-LARGE}, {@code SD-S3-INTERRUPTED}, {@code SD-S3-PART-CHANGED}, {@code SD-CANCELLED} (an upload the caller
 * cancelled) and {@code SD-S3-FAILED} for everything else. Messages name the bucket,
 * the endpoint or the object key, never object content.
 */
public class StorageException extends SealDropException {

    private static final long serialVersionUID = 1L;

    public StorageException(String errorCode, String message) {
        super(errorCode, message);
    }

    public StorageException(String errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}

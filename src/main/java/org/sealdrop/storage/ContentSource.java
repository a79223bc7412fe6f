package org.sealdrop.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's content stream, read once and in order into upload buffers.
 *
 * <p>It fails with {@link StorageException} when the stream ends before the declared length
 * ({@code SD-S3-SHORT-CONTENT}) or throws an {@link IOException} ({@code SD-S3-SOURCE-FAILED}). Unchecked
 * exceptions from the stream pass through unchanged, so that a specific failure of the caller's
 * pipeline keeps its own error code. Bytes after the declared length are left unread.
 */
final class ContentSource {

    private final InputStream content;
    private final long declaredLength;
    private final String key;
    private long bytesRead;

    ContentSource(InputStream content, long declaredLength, String key) {
        this.content = content;
        this.declaredLength = declaredLength;
        this.key = key;
    }

    /** Fills {@code buffer[0, count)} with the next {@code count} bytes of the content. */
    void readFully(byte[] buffer, int count) {
        int filled = 0;
        while (filled < count) {
            int read;
            try {
                read = content.read(buffer, filled, count - filled);
            } catch (IOException e) {
                throw new StorageException("SD-S3-SOURCE-FAILED", "Reading the content for object " + key + " failed after "
                        + (bytesRead + filled) + " of " + declaredLength + " bytes, so nothing was stored; upload it again.", e);
            }
            if (read < 0) {
                throw new StorageException("SD-S3-SHORT-CONTENT", "The content for object " + key + " ended after "
                        + (bytesRead + filled) + " of the declared " + declaredLength
                        + " bytes, so nothing was stored; check that the source did not change and upload it again.");
            }
            filled += read;
        }
        bytesRead += count;
    }
}

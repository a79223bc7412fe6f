package org.sealdrop.storage;

import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body over {@code buffer[0, length)} that the SDK may read again on a retry without copying
 * the buffer, and that reports upload progress as the SDK reads it.
 */
final class BufferBody {

    private BufferBody() {
    }

    /**
     * Returns a body over {@code buffer[0, length)}.
     *
     * @param progress receives the number of bytes of this buffer read so far
     */
    static RequestBody of(byte[] buffer, int length, UploadProgress.Part progress) {
        ContentStreamProvider provider = () -> new ProgressStream(buffer, length, progress);
        return RequestBody.fromContentProvider(provider, length, "application/octet-stream");
    }

    /** One pass over the buffer. The SDK opens a new one for every attempt. */
    private static final class ProgressStream extends InputStream {

        private final byte[] buffer;
        private final int length;
        private final UploadProgress.Part progress;
        private int position;

        ProgressStream(byte[] buffer, int length, UploadProgress.Part progress) {
            this.buffer = buffer;
            this.length = length;
            this.progress = progress;
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            int value = buffer[position++] & 0xff;
            progress.report(position);
            return value;
        }

        @Override
        public int read(byte[] target, int targetOffset, int count) {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int copied = Math.min(count, length - position);
            System.arraycopy(buffer, position, target, targetOffset, copied);
            position += copied;
            progress.report(position);
            return copied;
        }

        @Override
        public long skip(long count) {
            int skipped = (int) Math.max(0, Math.min(count, length - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return length - position;
        }
    }
}

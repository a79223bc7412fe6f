package org.sealdrop.storage;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body over {@code buffer[0, length)} that the SDK may read again on a retry without copying
 * the buffer, and that reports upload progress as the SDK reads it. Reading it fails once the
 * upload's {@link UploadWatch} stopped the upload.
 */
final class BufferBody {

    private BufferBody() {
    }

    /**
     * Returns a body over {@code buffer[0, length)}.
     *
     * @param progress receives the number of bytes of this buffer read so far
     * @param watch the upload's watch
     */
    static RequestBody of(byte[] buffer, int length, UploadProgress.Part progress, UploadWatch watch) {
        UploadWatch.Body body = watch.body();
        ContentStreamProvider provider = () -> {
            body.opened();
            return new ProgressStream(buffer, length, progress, watch, body);
        };
        return RequestBody.fromContentProvider(provider, length, "application/octet-stream");
    }

    /** One pass over the buffer. The SDK opens a new one for every attempt. */
    private static final class ProgressStream extends InputStream {

        private final byte[] buffer;
        private final int length;
        private final UploadProgress.Part progress;
        private final UploadWatch watch;
        private final UploadWatch.Body body;
        private int position;

        ProgressStream(byte[] buffer, int length, UploadProgress.Part progress, UploadWatch watch,
                UploadWatch.Body body) {
            this.buffer = buffer;
            this.length = length;
            this.progress = progress;
            this.watch = watch;
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            throwIfStopped();
            if (position >= length) {
                return -1;
            }
            int value = buffer[position++] & 0xff;
            progress.report(position);
            body.advanced(position >= length);
            return value;
        }

        @Override
        public int read(byte[] target, int targetOffset, int count) throws IOException {
            throwIfStopped();
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
            body.advanced(position >= length);
            return copied;
        }

        @Override
        public void close() {
            body.closed();
        }

        /** Ends the attempt with an IOException; the HTTP client wrapper turns it into the stop failure. */
        private void throwIfStopped() throws IOException {
            if (watch.isStopped()) {
                throw new IOException("The upload was stopped");
            }
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

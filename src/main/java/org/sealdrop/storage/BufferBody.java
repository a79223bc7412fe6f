package org.sealdrop.storage;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body over {@code buffer[0, length)} that the SDK may read again on a retry without copying
 * the buffer, and that reports upload progress and each read to the upload's {@link UploadWatch}.
 * Reading it fails once the upload was cancelled.
 */
final class BufferBody {

    private BufferBody() {
    }

    /**
     * Returns a body over {@code buffer[0, length)}.
     *
     * @param progress receives the number of bytes of this buffer read so far
     * @param body the watch's tracker of this body
     */
    static RequestBody of(byte[] buffer, int length, UploadProgress.Part progress, UploadWatch.Body body) {
        ContentStreamProvider provider = () -> {
            body.opened();
            return new ProgressStream(buffer, length, progress, body);
        };
        return RequestBody.fromContentProvider(provider, length, "application/octet-stream");
    }

    /** One pass over the buffer. The SDK opens a new one for every attempt. */
    private static final class ProgressStream extends InputStream {

        private final byte[] buffer;
        private final int length;
        private final UploadProgress.Part progress;
        private final UploadWatch.Body body;
        private int position;

        ProgressStream(byte[] buffer, int length, UploadProgress.Part progress, UploadWatch.Body body) {
            this.buffer = buffer;
            this.length = length;
            this.progress = progress;
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            throwIfCancelled();
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
            throwIfCancelled();
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

        /** Ends the attempt with an IOException, which the HTTP client wrapper turns into SD-CANCELLED. */
        private void throwIfCancelled() throws IOException {
            if (body.watch().isCancelled()) {
                throw new IOException("The upload was cancelled");
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

package org.sealdrop.storage;

import java.util.function.LongConsumer;

/**
 * Forwards the number of bytes sent to the caller's listener, only when it grows, so that a retried
 * part does not make the progress bar jump back.
 */
final class UploadProgress {

    private final LongConsumer listener;
    private long reported = -1;

    UploadProgress(LongConsumer listener) {
        this.listener = listener;
    }

    void report(long bytesSent) {
        if (listener != null && bytesSent > reported) {
            reported = bytesSent;
            listener.accept(bytesSent);
        }
    }
}

package org.sealdrop.storage;

import java.util.function.LongConsumer;

/**
 * Adds up the bytes sent by all parts of one upload and forwards the total to the caller's listener,
 * only when it grows, so that a retried part does not make the progress bar jump back. Parts are sent
 * from several threads at once, so the total is kept under a lock.
 */
final class UploadProgress {

    private final LongConsumer listener;
    private long sent;
    private long reported = -1;

    UploadProgress(LongConsumer listener) {
        this.listener = listener;
    }

    /** Returns the counter of one part, or of the single PutObject. */
    Part part() {
        return new Part();
    }

    private synchronized void add(long bytes) {
        sent += bytes;
        if (listener != null && sent > reported) {
            reported = sent;
            listener.accept(sent);
        }
    }

    /** Counts the bytes of one part; a retry that sends the part again counts only what goes beyond the last attempt. */
    final class Part {

        private long counted;

        /** Reports that {@code bytesOfPart} bytes of this part were read by the SDK in the current attempt. */
        void report(long bytesOfPart) {
            if (bytesOfPart > counted) {
                long growth = bytesOfPart - counted;
                counted = bytesOfPart;
                add(growth);
            }
        }
    }
}

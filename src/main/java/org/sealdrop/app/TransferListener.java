package org.sealdrop.app;

/**
 * Receives progress of one upload or download, and reports to it whether the user cancelled it. Called
 * from the transfer's threads, never from the UI thread.
 */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (done, total) -> { };

    /**
     * Reports progress; called one call at a time.
     *
     * @param bytesDone bytes of the document processed so far
     * @param bytesTotal size of the document in bytes
     */
    void progress(long bytesDone, long bytesTotal);

    /**
     * Tells whether the user asked to stop the transfer; never by default. Polled from other threads a
     * few times a second, so it must read a thread-safe flag and return at once. Uploads, in-memory
     * opens, exports and duplicate checks then stop, keep nothing, and fail with error code
     * {@code SD-CANCELLED}.
     */
    default boolean cancelRequested() {
        return false;
    }
}

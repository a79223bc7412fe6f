package org.sealdrop.app;

/** Receives progress of one upload or download. Called from the transfer's threads, one call at a time, never from the UI thread. */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (done, total) -> { };

    /**
     * @param bytesDone bytes of the document processed so far
     * @param bytesTotal size of the document in bytes
     */
    void progress(long bytesDone, long bytesTotal);
}

package org.sealdrop.transfer;

/** Progress of one job in plaintext bytes, and the user's request to cancel it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    /** Reports the bytes processed so far. Called on the job's threads, one call at a time. */
    void update(long bytesDone, long bytesTotal);

    /**
     * Tells whether the user asked to stop the job; never by default. Polled from other threads a few
     * times a second, so an implementation reads a volatile flag and does not block. A job that reads
     * true stops, keeps nothing, and fails with {@link Cancellation#ERROR_CODE}.
     */
    default boolean cancelRequested() {
        return false;
    }
}

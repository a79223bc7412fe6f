package org.sealdrop.transfer;

/** Progress of one job in plaintext bytes. Called on the job's thread. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    void update(long bytesDone, long bytesTotal);
}

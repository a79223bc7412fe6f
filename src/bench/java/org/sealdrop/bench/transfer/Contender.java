package org.sealdrop.bench.transfer;

import java.nio.file.Path;

/** One way to store a file in the bucket and get it back, timed by {@link TransferBench}. */
interface Contender extends AutoCloseable {

    /** Short name for the report tables. */
    String name();

    /** Uploads {@code file} (encrypting it first, where the contender encrypts) and returns its handle. */
    String upload(Path file);

    /** Downloads the object of {@code handle} and writes its plaintext to {@code target}, which must not exist. */
    void download(String handle, Path target);

    /** Removes the object of {@code handle}, so a run does not fill the disk. */
    void delete(String handle);

    @Override
    void close();
}

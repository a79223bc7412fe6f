package org.sealdrop.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Sends the parts of one multipart upload from a pool of {@code parallelism} threads.
 *
 * <p>The caller's thread reads the content in order into a free buffer and hands it to the pool; a
 * part's buffer goes back to the free list once S3 accepted the part or the part failed. There are
 * {@code parallelism + 1} buffers, so at most {@code parallelism} parts are in flight while one more is
 * being read, and memory stays at {@code partSize * (parallelism + 1)} whatever the object size. The
 * buffers are kept (not streamed) so that the SDK can resend a part on a retry.
 */
final class PartPool implements AutoCloseable {

    /** Sends one part and returns what CompleteMultipartUpload needs, or throws {@link StorageException}. */
    interface PartSender {
        CompletedPart send(int partNumber, byte[] buffer, int size);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PartSender sender;
    private final String key;
    private final UploadWatch watch;
    private final int bufferSize;
    private final int bufferCount;
    private final BlockingQueue<byte[]> freeBuffers;
    private final ExecutorService threads;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile boolean failed;
    private int allocated;

    PartPool(PartSender sender, String key, int parallelism, int bufferSize, UploadWatch watch) {
        this.sender = sender;
        this.key = key;
        this.watch = watch;
        this.bufferSize = bufferSize;
        this.bufferCount = parallelism + 1;
        this.freeBuffers = new ArrayBlockingQueue<>(bufferCount);
        int pool = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "sealdrop-upload-" + pool + "-part-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Returns a buffer to read the next part into, waiting while all buffers are in flight. Buffers are
     * allocated only when needed, so an upload of few parts allocates only as many buffers as it has parts.
     *
     * @throws StorageException {@code SD-S3-INTERRUPTED} when the thread is interrupted while it waits,
     *     or {@code SD-CANCELLED} when the upload was cancelled meanwhile
     */
    byte[] freeBuffer() {
        byte[] buffer = freeBuffers.poll();
        if (buffer != null) {
            return buffer;
        }
        if (allocated < bufferCount) {
            allocated++;
            return new byte[bufferSize];
        }
        try {
            // Polled, so that a cancel stops the reader while every part is in flight.
            while (true) {
                watch.throwIfCancelled();
                buffer = freeBuffers.poll(100, TimeUnit.MILLISECONDS);
                if (buffer != null) {
                    return buffer;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("SD-S3-INTERRUPTED", "The upload of object " + key
                    + " was interrupted, so nothing was stored; upload it again.", e);
        }
    }

    /** Puts back a buffer from {@link #freeBuffer()} that was not submitted, such as a part already stored. */
    void release(byte[] buffer) {
        freeBuffers.add(buffer);
    }

    /** Hands {@code buffer[0, size)} to the pool as part {@code partNumber}; parts are numbered from 1 in order. */
    void submit(int partNumber, byte[] buffer, int size) {
        sizes.add(size);
        parts.add(threads.submit(() -> {
            try {
                if (failed || watch.isCancelled()) {
                    // The upload is being aborted, so sending this part would only waste time.
                    return null;
                }
                return sender.send(partNumber, buffer, size);
            } catch (RuntimeException | Error e) {
                firstFailure.compareAndSet(null, e);
                failed = true;
                throw e;
            } finally {
                freeBuffers.add(buffer);
            }
        }));
    }

    /** Rethrows the first failure of a part so far, so that reading stops early. */
    void throwIfFailed() {
        Throwable failure = firstFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /**
     * Waits for every part and returns them in part-number order.
     *
     * @throws RuntimeException the first failure of a part, unchanged
     */
    List<CompletedPart> awaitAll() {
        List<CompletedPart> completed = new ArrayList<>(parts.size());
        for (Future<CompletedPart> part : parts) {
            completed.add(result(part));
        }
        throwIfFailed();
        return completed;
    }

    /** Returns the sizes of the parts S3 accepted, in part-number order; for the test hook. */
    List<Integer> acceptedSizes() {
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Future<CompletedPart> part = parts.get(i);
            if (part.isDone() && succeeded(part)) {
                accepted.add(sizes.get(i));
            }
        }
        return accepted;
    }

    /**
     * Stops taking parts and waits until the parts in flight have finished, so that no part reaches S3
     * after the upload was completed or aborted.
     */
    @Override
    public void close() {
        if (parts.stream().anyMatch(part -> !part.isDone())) {
            // Only a failed upload closes the pool before every part is done.
            failed = true;
        }
        threads.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                // The abort that follows must see every part finished, so keep waiting and restore the flag.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean succeeded(Future<CompletedPart> part) {
        try {
            return part.get() != null;
        } catch (ExecutionException | InterruptedException e) {
            return false;
        }
    }

    /** Returns the part, or null when it failed; the failure itself is in {@link #firstFailure}. */
    private CompletedPart result(Future<CompletedPart> part) {
        try {
            return part.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("SD-S3-INTERRUPTED", "The upload of object " + key
                    + " was interrupted, so nothing was stored; upload it again.", e);
        }
    }
}

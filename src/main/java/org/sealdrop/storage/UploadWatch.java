package org.sealdrop.storage;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.Abortable;

/**
 * Watches one upload for a cancel and for stalled request bodies.
 *
 * <p>A socket write does not time out, so the socket timeout of {@link ConnectionSettings} cannot see
 * a request body that the endpoint stops accepting. This watch tracks each body while the SDK sends it
 * ({@link Body}). When one goes the socket timeout without a byte read, the watch aborts that attempt's
 * HTTP request, which closes its connection so the blocked write fails at once. The attempt then ends
 * in a {@link StalledBodyException}, which the SDK retries like a read timeout; when the last attempt
 * stalls too, the upload fails with {@code SD-S3-TIMEOUT}.
 *
 * <p>A check a few times a second also polls the caller's cancel flag. A cancel stops the whole
 * upload: it aborts every request in flight, and every later step throws {@code SD-CANCELLED} instead
 * of going on, which the SDK does not retry.
 */
final class UploadWatch implements AutoCloseable {

    /** Error code of an upload that the caller cancelled. */
    static final String CANCELLED = "SD-CANCELLED";

    private static final Logger LOG = LoggerFactory.getLogger(UploadWatch.class);
    private static final long MAX_CHECK_INTERVAL_MILLIS = 200;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sealdrop-upload-watch");
        thread.setDaemon(true);
        return thread;
    });
    /** The body that the current thread sends, read by {@link WatchedHttpClient}. */
    private static final ThreadLocal<Body> CURRENT = new ThreadLocal<>();

    private final String key;
    private final long stallNanos;
    private final BooleanSupplier cancelRequested;
    private final List<Body> bodies = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> checks;
    private volatile StorageException cancel;

    /**
     * Starts the periodic check.
     *
     * @param stallTimeout how long a body may go without a byte read before its attempt is aborted
     * @param cancelRequested polled from the watch's timer thread; returns true once the caller cancelled
     */
    UploadWatch(String key, Duration stallTimeout, BooleanSupplier cancelRequested) {
        this.key = key;
        this.stallNanos = stallTimeout.toNanos();
        this.cancelRequested = cancelRequested;
        long interval = Math.max(10, Math.min(MAX_CHECK_INTERVAL_MILLIS, stallTimeout.toMillis() / 4));
        this.checks = TIMER.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Returns the body that the current thread is sending under a watch, or null. */
    static Body current() {
        return CURRENT.get();
    }

    /** Returns a tracker for one request body: a part, or the single PutObject. */
    Body body() {
        Body body = new Body();
        bodies.add(body);
        return body;
    }

    /**
     * Sends the request that carries {@code body} on this thread, so that a stall or a cancel can abort it.
     *
     * @throws StorageException {@code SD-CANCELLED} when the upload was cancelled before or while it ran
     */
    <T> T send(Body body, Supplier<T> request) {
        throwIfCancelled();
        CURRENT.set(body);
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (cancel != null) {
                throw cancelFailure(e);
            }
            throw e;
        } finally {
            CURRENT.remove();
            // Dropped once sent, so the checks go over the parts in flight, not every part of a large upload.
            bodies.remove(body);
        }
    }

    /** Throws {@code SD-CANCELLED} when the caller cancelled the upload. */
    void throwIfCancelled() {
        if (cancel != null) {
            throw cancelFailure(null);
        }
    }

    boolean isCancelled() {
        return cancel != null;
    }

    /** Returns a new {@code SD-CANCELLED} exception caused by {@code cause}. */
    StorageException cancelFailure(Throwable cause) {
        return new StorageException(CANCELLED, cancel.getMessage(), cause);
    }

    /** Checks the cancel flag and every body; called by the timer. */
    void check() {
        if (cancel != null) {
            return;
        }
        try {
            if (cancelRequested.getAsBoolean()) {
                cancelAll();
                return;
            }
        } catch (RuntimeException e) {
            LOG.error("The cancel check of the upload of {} failed; the upload goes on", key, e);
        }
        long now = System.nanoTime();
        for (Body body : bodies) {
            if (body.stalledSince(now) >= stallNanos) {
                LOG.warn("The endpoint accepted no bytes of a request body of {} for {} ms; aborting the attempt",
                        key, TimeUnit.NANOSECONDS.toMillis(stallNanos));
                body.abortStalled();
            }
        }
    }

    private synchronized void cancelAll() {
        if (cancel != null) {
            return;
        }
        cancel = new StorageException(CANCELLED, "The upload of " + key + " was cancelled, so nothing was stored.");
        LOG.info("Cancelling the upload of {}", key);
        for (Body body : bodies) {
            body.abortRequests();
        }
    }

    @Override
    public void close() {
        checks.cancel(false);
    }

    /**
     * One request body and the HTTP requests that carry it. The body counts as stalled only between
     * opening and its last byte, so the wait for the response (covered by the socket timeout) and the
     * backoff before a retry are no stall.
     */
    final class Body {

        private final Set<Abortable> requests = ConcurrentHashMap.newKeySet();
        private boolean sending;
        private boolean stalled;
        private long lastByteNanos;

        UploadWatch watch() {
            return UploadWatch.this;
        }

        /** Records that the SDK opened the body for a new attempt. */
        synchronized void opened() {
            sending = true;
            stalled = false;
            lastByteNanos = System.nanoTime();
        }

        /**
         * Records that the SDK read bytes of the body.
         *
         * @param finished whether the last byte of the body was read
         */
        synchronized void advanced(boolean finished) {
            lastByteNanos = System.nanoTime();
            sending = !finished;
        }

        synchronized void closed() {
            sending = false;
        }

        /** Returns how long the body has waited for its next byte to be read, or -1 when not sending. */
        synchronized long stalledSince(long now) {
            return sending ? now - lastByteNanos : -1;
        }

        /** Returns and clears whether the watch aborted the current attempt as stalled. */
        synchronized boolean takeStall() {
            boolean wasStalled = stalled;
            stalled = false;
            return wasStalled;
        }

        void register(Abortable request) {
            requests.add(request);
            if (cancel != null) {
                request.abort();
            }
        }

        void unregister(Abortable request) {
            requests.remove(request);
        }

        private void abortStalled() {
            synchronized (this) {
                sending = false;
                stalled = true;
            }
            abortRequests();
        }

        private void abortRequests() {
            for (Abortable request : requests) {
                request.abort();
            }
        }
    }
}

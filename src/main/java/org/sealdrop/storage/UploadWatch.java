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
 * Stops one upload when the caller cancels it or when a request body stalls.
 *
 * <p>A socket write does not time out, so the socket timeout of {@link ConnectionSettings} cannot see
 * a request body that the endpoint stops accepting. This watch tracks each body that the SDK is
 * sending ({@link Body}): when one has been open and not fully read for the socket timeout without a
 * byte read, the upload fails with {@code SD-S3-TIMEOUT}, the same code as a stalled download. A
 * check a few times a second also polls the caller's cancel flag. Once stopped, the watch aborts the
 * HTTP requests in flight (which closes their connections, so blocked writes fail at once), and every
 * later step of the upload throws the stop failure instead of going on.
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
    /** The watch of the upload that the current thread sends, read by {@link WatchedHttpClient}. */
    private static final ThreadLocal<UploadWatch> CURRENT = new ThreadLocal<>();

    private final String key;
    private final long stallNanos;
    private final BooleanSupplier cancelRequested;
    private final List<Body> bodies = new CopyOnWriteArrayList<>();
    private final Set<Abortable> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> checks;
    private volatile StorageException stop;

    /**
     * Starts the periodic check.
     *
     * @param stallTimeout how long a body may go without a byte read before the upload fails
     * @param cancelRequested polled from the watch's timer thread; returns true once the caller cancelled
     */
    UploadWatch(String key, Duration stallTimeout, BooleanSupplier cancelRequested) {
        this.key = key;
        this.stallNanos = stallTimeout.toNanos();
        this.cancelRequested = cancelRequested;
        long interval = Math.max(10, Math.min(MAX_CHECK_INTERVAL_MILLIS, stallTimeout.toMillis() / 4));
        this.checks = TIMER.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Returns the watch of the request that the current thread is sending, or null. */
    static UploadWatch current() {
        return CURRENT.get();
    }

    /** Returns a tracker for one request body: a part, or the single PutObject. */
    Body body() {
        Body body = new Body();
        bodies.add(body);
        return body;
    }

    /**
     * Sends one request on this thread under this watch, so that a stop aborts it.
     *
     * @throws StorageException the stop failure when the upload was stopped before or while it ran
     */
    <T> T send(Supplier<T> request) {
        throwIfStopped();
        CURRENT.set(this);
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (stop != null) {
                throw failure(e);
            }
            throw e;
        } finally {
            CURRENT.remove();
        }
    }

    /** Throws the stop failure when the upload was cancelled or stalled. */
    void throwIfStopped() {
        if (stop != null) {
            throw failure(null);
        }
    }

    boolean isStopped() {
        return stop != null;
    }

    /** Returns a new exception with the stop's code and message, caused by {@code cause}. */
    StorageException failure(Throwable cause) {
        StorageException reason = stop;
        return new StorageException(reason.errorCode(), reason.getMessage(), cause);
    }

    void register(Abortable request) {
        inFlight.add(request);
        if (stop != null) {
            request.abort();
        }
    }

    void unregister(Abortable request) {
        inFlight.remove(request);
    }

    /** Checks the cancel flag and every body; called by the timer, and directly by tests. */
    void check() {
        if (stop != null) {
            return;
        }
        try {
            if (cancelRequested.getAsBoolean()) {
                stop(new StorageException(CANCELLED, "The upload of " + key + " was cancelled, so nothing was stored."));
                return;
            }
        } catch (RuntimeException e) {
            LOG.error("The cancel check of the upload of {} failed; the upload goes on", key, e);
        }
        long now = System.nanoTime();
        for (Body body : bodies) {
            if (body.stalledSince(now) >= stallNanos) {
                stop(new StorageException("SD-S3-TIMEOUT", "The S3 endpoint accepted no bytes of the upload of " + key
                        + " for " + Duration.ofNanos(stallNanos).toSeconds() + " s, so the upload was stopped and nothing"
                        + " was stored; check the network connection and upload the document again."));
                return;
            }
        }
    }

    private synchronized void stop(StorageException reason) {
        if (stop != null) {
            return;
        }
        stop = reason;
        LOG.warn("Stopping the upload of {}: {}", key, reason.errorCode());
        for (Abortable request : inFlight) {
            request.abort();
        }
    }

    @Override
    public void close() {
        checks.cancel(false);
    }

    /**
     * One request body as the SDK reads it. It counts as stalled only between opening and its last
     * byte, so the wait for the response (covered by the socket timeout) and the backoff before a
     * retry are not stalls.
     */
    final class Body {

        private boolean sending;
        private long lastByteNanos;

        /** Records that the SDK opened the body for a new attempt. */
        synchronized void opened() {
            sending = true;
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
    }
}

package org.sealdrop.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sealdrop.audit.BatchPoster.Acknowledged;
import org.sealdrop.audit.BatchPoster.Failed;
import org.sealdrop.audit.OutboxRows.PendingEvent;
import org.sealdrop.index.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the audit outbox to the clinic's audit receiver in batches of up to 100 events.
 *
 * <p>An event leaves the outbox only after the receiver responded with HTTP 200 and listed its id as stored,
 * as a duplicate or as rejected. A rejected event moves to the index's {@code audit_rejected} table in
 * the same transaction, because resending it cannot change the receiver's verdict. Every other result
 * keeps the events, counts an attempt on them, sets
 * {@code next_attempt_at} by exponential backoff with jitter and records {@code last_error}. A
 * response can be lost after the receiver stored a batch, so an event can be sent more than once. The
 * receiver drops repeats by event id.
 *
 * <p>The bearer token is kept in a char array that {@link #close()} zeroes. Each request needs it as
 * a String header value for the moment of sending; that copy is left to the garbage collector.
 */
public final class AuditSender implements AutoCloseable {

    static final int BATCH_SIZE = 100;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AuditSender.class);

    /** Pause between two sends while {@link #awaitDelivery} waits for a receiver that refused or failed. */
    private static final long STRICT_RETRY_MILLIS = 500;

    private final Database database;
    private final BatchPoster poster;
    private final URI eventsUri;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final char[] bearerToken;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Object wakeSignal = new Object();
    private final LogThrottle warningThrottle = new LogThrottle(LOG_INTERVAL);
    private final LogThrottle errorThrottle = new LogThrottle(LOG_INTERVAL);

    private volatile boolean closed;
    private boolean wakeRequested;
    private Thread thread;
    private volatile Instant pausedUntil = Instant.MIN;
    private int failuresInARow;

    /**
     * Creates a sender; nothing is sent before {@link #start()} or {@link #flush(Duration)}.
     *
     * @param auditUrl the receiver's base URL, without query or user info; HTTPS, or HTTP to loopback
     * @param bearerToken the token to send, copied here; null only for a loopback receiver that needs none
     * @param maxBackoff the longest wait between attempts after repeated failures
     * @throws SealDropException with code {@code SD-INVALID-URL} or {@code SD-INSECURE-URL} for a
     *     rejected URL, or {@code SD-AUDIT-TOKEN} for a missing or malformed token
     */
    public AuditSender(Database database, URI auditUrl, char[] bearerToken, Duration maxBackoff) {
        this(database, auditUrl, bearerToken, maxBackoff, null);
    }

    /**
     * Creates a sender that trusts the CA certificates in {@code trustStore} for an HTTPS receiver; as
     * {@link #AuditSender(Database, URI, char[], Duration)} otherwise.
     *
     * @param trustStore a PKCS12 file without password with the CA certificates to trust in place of the
     *     JDK's, or null for the JDK's
     * @throws SealDropException also with code {@code SD-AUDIT-TRUST} when the trust store cannot be read
     */
    public AuditSender(Database database, URI auditUrl, char[] bearerToken, Duration maxBackoff, Path trustStore) {
        this.database = Objects.requireNonNull(database, "database");
        this.backoff = new Backoff(maxBackoff);
        URI eventsUri = AuditEndpoint.eventsUri(auditUrl);
        AuditEndpoint.requireToken(auditUrl, bearerToken);
        this.eventsUri = eventsUri;
        this.poster = new BatchPoster(eventsUri, trustStore == null ? null : AuditTrustStore.load(trustStore));
        this.bearerToken = bearerToken == null ? null : bearerToken.clone();
    }

    /**
     * Starts the background thread. It sends due events at once, then whenever {@link #wakeUp()} is
     * called or at least every second, and waits out the backoff after a failed delivery.
     *
     * @throws IllegalStateException when started before or already closed
     */
    public synchronized void start() {
        if (closed || thread != null) {
            throw new IllegalStateException("An AuditSender starts once; create a new one after close().");
        }
        thread = new Thread(this::runLoop, "sealdrop-audit-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the background thread to look at the outbox now, for example right after an open. */
    public void wakeUp() {
        synchronized (wakeSignal) {
            wakeRequested = true;
            wakeSignal.notifyAll();
        }
    }

    /**
     * Sends everything pending now on the caller's thread, ignoring backoff, until the outbox is empty,
     * a batch fails or {@code timeout} has passed.
     *
     * @return true when the outbox is empty afterwards
     * @throws IllegalStateException after {@link #close()}
     */
    public boolean flush(Duration timeout) {
        if (closed) {
            throw new IllegalStateException("This AuditSender is closed; create a new one to flush.");
        }
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                Duration remaining = Duration.between(Instant.now(), deadline);
                if (remaining.isNegative() || remaining.isZero()) {
                    break;
                }
                BatchOutcome outcome = sendBatch(false, remaining);
                if (outcome != BatchOutcome.DELIVERED_FULL) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return database.read(OutboxRows::count) == 0;
    }

    /**
     * Sends pending events now on the caller's thread, ignoring backoff and oldest first, until the
     * receiver acknowledged {@code eventId} or {@code timeout} has passed; a failed batch is tried again
     * every {@value #STRICT_RETRY_MILLIS} ms within that time. Whatever
     * happens, the event stays in the outbox until the receiver acknowledges or rejects it.
     *
     * @return true when {@code eventId} is no longer in the outbox, because this call or the
     *     background thread delivered it, or because the receiver rejected it and it moved to the
     *     rejected events (see {@link AuditPolicyGate#awaitAcknowledged}, which tells the two apart)
     * @throws IllegalStateException after {@link #close()}
     */
    public boolean awaitDelivery(UUID eventId, Duration timeout) {
        if (closed) {
            throw new IllegalStateException("This AuditSender is closed; create a new one to send events.");
        }
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (isPending(eventId)) {
                Duration remaining = Duration.between(Instant.now(), deadline);
                if (remaining.isNegative() || remaining.isZero()) {
                    return false;
                }
                BatchOutcome outcome = sendBatch(false, remaining);
                if (outcome == BatchOutcome.FAILED && isPending(eventId)) {
                    // A refused connection fails at once, so try again shortly until the deadline: the
                    // receiver may come back within the wait, and the message promises the whole wait.
                    Thread.sleep(Math.min(STRICT_RETRY_MILLIS, Math.max(1, remaining.toMillis())));
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !isPending(eventId);
        }
    }

    private boolean isPending(UUID eventId) {
        return database.read(connection -> OutboxRows.contains(connection, eventId));
    }

    /**
     * Stops the background thread and zeroes the token. Pending events stay in the outbox for the
     * next sender on the same index.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        wakeUp();
        if (running != null) {
            running.interrupt();
            try {
                running.join(BatchPoster.REQUEST_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Under the send lock, so no request is building its header from the array meanwhile.
        sendLock.lock();
        try {
            if (bearerToken != null) {
                Arrays.fill(bearerToken, '\0');
            }
        } finally {
            sendLock.unlock();
        }
    }

    private void runLoop() {
        while (!closed) {
            BatchOutcome outcome = BatchOutcome.EMPTY;
            try {
                if (!clock.instant().isBefore(pausedUntil)) {
                    outcome = sendBatch(true, BatchPoster.REQUEST_TIMEOUT);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // An index that cannot be read now may be readable on the next poll; the thread must live on.
                log.error("Audit delivery failed while reading or updating the outbox; retrying in {} s",
                        POLL_INTERVAL.toSeconds(), e);
            }
            if (outcome != BatchOutcome.DELIVERED_FULL) {
                awaitWakeUp();
            }
        }
        log.debug("Audit sender thread stopped");
    }

    private void awaitWakeUp() {
        synchronized (wakeSignal) {
            try {
                if (!wakeRequested && !closed) {
                    wakeSignal.wait(POLL_INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wakeRequested = false;
        }
    }

    /** Result of one call of {@link #sendBatch}. */
    private enum BatchOutcome { EMPTY, DELIVERED, DELIVERED_FULL, FAILED }

    private BatchOutcome sendBatch(boolean onlyDue, Duration timeout) throws InterruptedException {
        if (!sendLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return BatchOutcome.FAILED;
        }
        try {
            if (closed && onlyDue) {
                return BatchOutcome.EMPTY;
            }
            Instant now = clock.instant();
            List<PendingEvent> batch = database.read(
                    connection -> OutboxRows.oldest(connection, onlyDue ? now : null, BATCH_SIZE));
            if (batch.isEmpty()) {
                return BatchOutcome.EMPTY;
            }

            BatchPoster.Result result = poster.post(batch, authorizationHeader(),
                    min(timeout, BatchPoster.REQUEST_TIMEOUT));
            if (result instanceof Acknowledged acknowledged) {
                return afterAcknowledged(batch, acknowledged);
            }
            afterFailed(batch, (Failed) result);
            return BatchOutcome.FAILED;
        } finally {
            sendLock.unlock();
        }
    }

    private BatchOutcome afterAcknowledged(List<PendingEvent> batch, Acknowledged acknowledged) {
        List<String> delivered = batch.stream()
                .map(PendingEvent::eventId)
                .filter(acknowledged.eventIds()::contains)
                .toList();
        // A stored id counts as delivered even if the receiver also lists it as rejected.
        List<PendingEvent> rejected = batch.stream()
                .filter(event -> !acknowledged.eventIds().contains(event.eventId()))
                .filter(event -> acknowledged.rejected().containsKey(event.eventId()))
                .toList();
        List<PendingEvent> unacknowledged = batch.stream()
                .filter(event -> !acknowledged.eventIds().contains(event.eventId()))
                .filter(event -> !acknowledged.rejected().containsKey(event.eventId()))
                .toList();
        Instant deliveredAt = clock.instant();
        // One transaction, so every event of the batch is either in the outbox or in audit_rejected.
        database.inTransaction(connection -> {
            OutboxRows.markDelivered(connection, deliveredAt);
            for (PendingEvent event : rejected) {
                RejectedRows.moveFromOutbox(connection, event, acknowledged.rejected().get(event.eventId()),
                        deliveredAt);
            }
            return OutboxRows.deleteAcknowledged(connection, delivered);
        });
        if (!rejected.isEmpty()) {
            // Each event is rejected once, because it leaves the outbox, so this line does not repeat.
            log.error("The audit receiver rejected {} audit events of this computer ({}): {}; they are kept in the"
                    + " index table audit_rejected, and IT must check the device id and its signing key",
                    rejected.size(), String.join(", ", rejected.stream()
                            .map(event -> acknowledged.rejected().get(event.eventId())).distinct().toList()),
                    rejected.stream().map(PendingEvent::eventId).toList());
        }

        if (!unacknowledged.isEmpty()) {
            // A receiver that returns 200 but leaves ids out breaks the protocol, so those events stay.
            afterFailed(unacknowledged, new Failed("not acknowledged", 200, false));
            return BatchOutcome.FAILED;
        }
        if (failuresInARow > 0) {
            log.info("Audit receiver reachable again after {} failed attempts; delivered {} events",
                    failuresInARow, delivered.size());
            warningThrottle.reset();
            errorThrottle.reset();
        } else {
            log.debug("Delivered {} audit events", delivered.size());
        }
        failuresInARow = 0;
        pausedUntil = Instant.MIN;
        return batch.size() == BATCH_SIZE ? BatchOutcome.DELIVERED_FULL : BatchOutcome.DELIVERED;
    }

    private void afterFailed(List<PendingEvent> batch, Failed failure) {
        failuresInARow++;
        int mostAttempts = batch.stream().mapToInt(PendingEvent::attempts).max().orElse(0);
        Duration delay = backoff.delayAfter(Math.max(mostAttempts + 1, failuresInARow));
        Instant nextAttempt = clock.instant().plus(delay);
        database.inTransaction(connection -> {
            OutboxRows.markFailed(connection, batch, nextAttempt, failure.error());
            return null;
        });
        pausedUntil = nextAttempt;

        long pending = database.read(OutboxRows::count);
        if (BatchPoster.isTlsFailure(failure)) {
            int heldBack = errorThrottle.tryPass();
            if (heldBack >= 0) {
                log.error("{} {} events stay in the outbox{}", AuditTrustStore.certificateRejectedMessage(eventsUri),
                        pending, heldBackNote(heldBack));
            }
        } else if (failure.rejected()) {
            int heldBack = errorThrottle.tryPass();
            if (heldBack >= 0) {
                log.error("The audit receiver rejected a batch of {} events with HTTP {}; check the audit URL"
                        + " and token. {} events stay in the outbox{}", batch.size(), failure.status(), pending,
                        heldBackNote(heldBack));
            }
        } else {
            int heldBack = warningThrottle.tryPass();
            if (heldBack >= 0) {
                log.warn("Audit delivery failed ({}); {} events stay in the outbox, next attempt in {} ms{}",
                        failure.error(), pending, delay.toMillis(), heldBackNote(heldBack));
            }
        }
    }

    private static String heldBackNote(int heldBack) {
        return heldBack == 0 ? "" : " (" + heldBack + " similar lines not logged since the last one)";
    }

    private String authorizationHeader() {
        return bearerToken == null ? null : "Bearer " + new String(bearerToken);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package org.sealdrop.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.sealdrop.SealDropException;
import org.sealdrop.index.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link AuditPolicy} to opening, exporting and printing documents. Callers invoke
 * {@link #checkBacklog} before decrypting and {@link #awaitAcknowledged} after recording the
 * event and before any plaintext leaves. Both pass every other action, so a backlog never blocks an
 * upload: it shows no document, and its event waits in the outbox like any other.
 */
public final class AuditPolicyGate {

    /** Error code of an open or export rejected because too many events wait or the oldest is too old. */
    public static final String BACKLOG = "SD-AUDIT-BACKLOG";

    /** Error code of an open or export whose event the receiver did not acknowledge in time. */
    public static final String UNREACHABLE = "SD-AUDIT-UNREACHABLE";

    /**
     * Error code of an open or export refused because the receiver rejected events of this device
     * that IT has not cleared yet, or rejected the open or export event itself.
     */
    public static final String REJECTED = "SD-AUDIT-REJECTED";

    private static final Logger log = LoggerFactory.getLogger(AuditPolicyGate.class);

    private final AuditPolicy policy;
    private final Database database;
    private final AuditSender sender;
    private final Clock clock;

    /**
     * @param database the index whose outbox the policy limits
     * @param sender the sender of that outbox, or null when the device has no audit receiver yet, in
     *     which case the strict policy rejects every open and export
     * @param clock the clock that the audit trail records events with
     */
    public AuditPolicyGate(AuditPolicy policy, Database database, AuditSender sender, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.database = Objects.requireNonNull(database, "database");
        this.sender = sender;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the policy this gate applies. */
    public AuditPolicy policy() {
        return policy;
    }

    /**
     * Rejects an open or export, under either policy, while the receiver's rejections of this device's
     * events are not cleared: such a device is not audited. Under the queued policy it also rejects
     * them when the outbox already contains {@code maxPendingEvents} events or its oldest event is at
     * least {@code maxPendingAge} old. Rejected events are not pending, so they count toward neither limit.
     *
     * @throws SealDropException with code {@value #REJECTED} while rejections are not cleared, or
     *     {@value #BACKLOG} when a limit is reached
     */
    public void checkBacklog(AuditAction action) {
        if (!releasesPlaintext(action)) {
            return;
        }
        AuditStatus status = AuditStatus.read(database);
        if (status.rejectedCount() > 0) {
            String error = status.latestRejection().orElse("unknown error");
            log.warn("Rejected {}: the audit receiver rejected {} events of this device ({}) and IT has not"
                    + " cleared them", action.wireName(), status.rejectedCount(), error);
            throw new SealDropException(REJECTED, "The audit receiver rejected " + status.rejectedCount()
                    + " audit events of this computer (" + error + "), so documents cannot be opened or exported"
                    + " until IT has checked the device id and signing key and run"
                    + " `sealdrop audit status --clear-rejections`; call IT.");
        }
        if (policy.mode() != AuditPolicy.Mode.QUEUED) {
            return;
        }
        Duration age = status.oldestPendingAge(clock.instant());
        if (status.pendingCount() < policy.maxPendingEvents() && age.compareTo(policy.maxPendingAge()) < 0) {
            return;
        }
        log.warn("Rejected {}: {} audit events pending, the oldest for {} min", action.wireName(),
                status.pendingCount(), age.toMinutes());
        throw new SealDropException(BACKLOG, "The audit receiver has been unreachable for too long ("
                + status.pendingCount() + " audit events waiting, the oldest for " + formatDuration(age) + ", limit "
                + policy.maxPendingEvents() + " events or " + formatDuration(policy.maxPendingAge())
                + "), so documents cannot be opened or exported until the events are delivered; call IT.");
    }

    /**
     * Under the strict policy, sends pending events at once and waits up to {@code strictWait} for the
     * receiver to acknowledge {@code event}. The event stays in the outbox until the receiver
     * acknowledges or rejects it, whatever this method returns or throws.
     *
     * @throws SealDropException with code {@value #UNREACHABLE} when the receiver did not acknowledge
     *     the event in time, or {@value #REJECTED} when it rejected the event; the rejected event stays
     *     in the index's rejected events
     */
    public void awaitAcknowledged(AuditEvent event) {
        if (policy.mode() != AuditPolicy.Mode.STRICT || !releasesPlaintext(event.action())) {
            return;
        }
        if (delivered(event)) {
            if (AuditRejections.isRejected(database, event.eventId())) {
                log.warn("Rejected {} of document {}: the audit receiver rejected its event {}",
                        event.action().wireName(), event.documentId(), event.eventId());
                throw new SealDropException(REJECTED, "The audit receiver rejected the "
                        + event.action().wireName() + " event of document " + event.documentId()
                        + " for its signature, and the strict audit policy requires an acknowledged event before"
                        + " a document is shown or saved; call IT to check this computer's device id and signing key.");
            }
            return;
        }
        log.warn("Rejected {} of document {}: audit event {} not acknowledged within {} s", event.action().wireName(),
                event.documentId(), event.eventId(), policy.strictWait().toSeconds());
        throw new SealDropException(UNREACHABLE, "The audit receiver did not acknowledge the "
                + event.action().wireName() + " event of document " + event.documentId() + " within "
                + policy.strictWait().toSeconds() + " s, and the strict audit policy requires it before a document is"
                + " shown or saved; check the network connection and retry, or call IT if this persists.");
    }

    private boolean delivered(AuditEvent event) {
        if (sender == null) {
            return false;
        }
        try {
            return sender.awaitDelivery(event.eventId(), policy.strictWait());
        } catch (IllegalStateException e) {
            // A reconfiguration closed this sender meanwhile; the event waits for the new one.
            return false;
        }
    }

    private static boolean releasesPlaintext(AuditAction action) {
        return action == AuditAction.OPEN || action == AuditAction.EXPORT || action == AuditAction.PRINT;
    }

    private static String formatDuration(Duration duration) {
        return duration.toHours() >= 1 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }
}

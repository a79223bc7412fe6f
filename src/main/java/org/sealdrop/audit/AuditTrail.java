package org.sealdrop.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.index.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to the outbox in the device's index and links each to the one before it.
 *
 * <p>Each event gets the next sequence number of its device and the SHA-256 of the device's previous
 * signed body from {@code audit_chain}, which moves on in the same transaction as the outbox insert. A
 * rolled-back transaction therefore leaves neither the event nor a gap in the chain. Each body is
 * signed with the device's {@link DeviceSigningKey}, which needs no vault key, so events are signed
 * while the vault is locked too. An
 * {@link AuditSender} delivers the outbox; this class never talks to the network.
 */
public final class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final Database database;
    private final AuditIdentity identity;
    private final DeviceSigningKey signingKey;
    private final Clock clock;

    /** Creates a trail that records events of {@code identity}, signed with {@code signingKey}. */
    public AuditTrail(Database database, AuditIdentity identity, DeviceSigningKey signingKey, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the user and device that this trail names in its events. */
    public AuditIdentity identity() {
        return identity;
    }

    /**
     * Appends an event to the outbox in its own transaction and returns it. When this returns, the
     * event is committed to the index file.
     *
     * @param documentId the document acted on, or null for actions without one
     * @param reason null, or an error code or short fixed text in printable ASCII (never PHI)
     * @throws SealDropException with code {@code SD-AUDIT-INVALID} for an invalid reason, or
     *     {@code SD-INDEX-WRITE} when the index cannot be written
     */
    public AuditEvent record(AuditAction action, UUID documentId, Outcome outcome, String reason) {
        return database.inTransaction(connection -> append(connection, action, documentId, outcome, reason));
    }

    /**
     * Appends an event inside the caller's open transaction, so the event is committed or rolled back
     * together with the change it records. {@code transaction} must be a connection to this trail's
     * database with auto-commit off, such as the one {@link Database#inTransaction} passes, which holds
     * the write lock from its start.
     *
     * @throws IllegalArgumentException when {@code transaction} is in auto-commit mode
     * @throws SealDropException with code {@code SD-AUDIT-INVALID} for an invalid reason, or
     *     {@code SD-INDEX-WRITE} when the outbox insert fails
     */
    public AuditEvent record(Connection transaction, AuditAction action, UUID documentId, Outcome outcome,
            String reason) {
        try {
            if (transaction.getAutoCommit()) {
                throw new IllegalArgumentException("record(Connection, ...) needs an open transaction;"
                        + " call setAutoCommit(false) first or use record(action, ...).");
            }
            return append(transaction, action, documentId, outcome, reason);
        } catch (SQLException e) {
            throw new SealDropException("SD-INDEX-WRITE", "Appending an audit event to the outbox in "
                    + database.file() + " failed; check free disk space and retry.", e);
        }
    }

    /**
     * Signs the outbox events that a SealDrop version without signatures recorded and did not deliver,
     * because the receiver rejects unsigned events. Call it at start, before an {@link AuditSender}
     * runs on the same index.
     *
     * @return the number of events signed now, 0 when every pending event was signed already
     * @throws SealDropException with code {@code SD-INDEX-WRITE} when the index cannot be written
     */
    public int signUnsignedEvents() {
        int signed = database.inTransaction(connection -> UnsignedOutbox.signAll(connection, signingKey));
        if (signed > 0) {
            log.info("Signed {} audit events that an older SealDrop left in the outbox", signed);
        }
        return signed;
    }

    /** Returns the number of events not yet acknowledged by the audit receiver. */
    public long pendingCount() {
        return database.read(OutboxRows::count);
    }

    /** Returns when the oldest unacknowledged event was recorded, or empty when the outbox is empty. */
    public Optional<Instant> oldestPending() {
        return database.read(OutboxRows::oldestCreatedAt);
    }

    /** Returns the pending count, oldest pending event, last delivery and last error of the outbox. */
    public AuditStatus status() {
        return AuditStatus.read(database);
    }

    /** Returns why the last delivery of a pending event failed (a status such as {@code HTTP 401} or an exception name). */
    public Optional<String> lastDeliveryError() {
        return database.read(OutboxRows::lastError);
    }

    private AuditEvent append(Connection connection, AuditAction action, UUID documentId, Outcome outcome,
            String reason) throws SQLException {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        EventFields.requireReason(reason);

        // Writing first takes SQLite's write lock before the chain head is read, so two recorders
        // cannot both read the same head.
        try (PreparedStatement claim = connection.prepareStatement(
                "INSERT INTO audit_chain (device_id, last_hash, last_sequence) VALUES (?, ?, 0)"
                        + " ON CONFLICT (device_id) DO NOTHING")) {
            claim.setString(1, identity.deviceId());
            claim.setString(2, AuditEvent.FIRST_PREVIOUS_HASH);
            claim.executeUpdate();
        }

        String previousHash;
        long previousSequence;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_hash, last_sequence FROM audit_chain WHERE device_id = ?")) {
            head.setString(1, identity.deviceId());
            try (ResultSet row = head.executeQuery()) {
                row.next();
                previousHash = row.getString(1);
                previousSequence = row.getLong(2);
            }
        }

        Instant now = clock.instant();
        AuditEvent event = new AuditEvent(Uuid7.next(), now, identity.user(), identity.deviceId(), action,
                documentId, outcome, reason, identity.appVersion(), previousSequence + 1, previousHash);
        String body = EventSignatures.signedBody(event, signingKey);
        OutboxRows.insert(connection, event.eventId(), body, now);

        try (PreparedStatement advance = connection.prepareStatement(
                "UPDATE audit_chain SET last_hash = ?, last_sequence = ? WHERE device_id = ?")) {
            advance.setString(1, AuditEventJson.hash(body));
            advance.setLong(2, event.sequence());
            advance.setString(3, identity.deviceId());
            advance.executeUpdate();
        }

        log.debug("Recorded audit event {} ({} {}, sequence {}, document {})", event.eventId(),
                action.wireName(), outcome.wireName(), event.sequence(), documentId);
        return event;
    }
}

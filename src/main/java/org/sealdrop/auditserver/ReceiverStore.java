package org.sealdrop.auditserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.WireTime;
import org.sealdrop.auditserver.AppendResult.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's SQLite file of audit events. It is append-only: triggers abort any UPDATE or DELETE
 * on {@code events}, and an event id that arrives again is ignored. Each row keeps the body exactly as
 * received, next to the columns that queries filter on.
 *
 * <p>A new file is created readable and writable by its owner only. SQLite gives its {@code -wal} and
 * {@code -shm} files the same permissions.
 *
 * <p>One instance uses one connection and serialises its callers. Commits use WAL with
 * {@code synchronous=FULL}, so an event that {@link #append} reported as stored survives a power cut.
 */
public final class ReceiverStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiverStore.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The triggers that make the receiver's tables append-only, as {@link ReceiverSchema} creates them. */
    static final List<String> APPEND_ONLY_TRIGGERS = List.of("events_no_update", "events_no_delete",
            "device_keys_no_update", "device_keys_no_delete", "rejected_events_no_update", "rejected_events_no_delete");

    private final Path file;
    private final Connection connection;

    private ReceiverStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the store at {@code file}, creating it and its schema when missing.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the file cannot be opened or
     *     was written by a newer receiver
     */
    public static ReceiverStore open(Path file) {
        return checked(file, ReceiverConnections.openWritable(file));
    }

    /**
     * Opens an existing store for reading only, for the investigator's commands. Nothing is created,
     * migrated or written, so checking a database never changes the evidence in it.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the file does not exist, is not an
     *     audit receiver database, or has another schema version
     */
    public static ReceiverStore openForReading(Path file) {
        return checked(file, ReceiverConnections.openReadOnly(file));
    }

    /** Wraps an open connection and warns when the append-only triggers were dropped (they are evidence, so they stay missing). */
    private static ReceiverStore checked(Path file, Connection connection) {
        ReceiverStore store = new ReceiverStore(file, connection);
        List<String> missing = store.missingAppendOnlyTriggers();
        if (!missing.isEmpty()) {
            log.warn("The audit database {} lacks its append-only triggers {}; it was changed outside the"
                    + " receiver, so run `sealdrop audit verify` on it", file, missing);
        }
        return store;
    }

    /**
     * Stores each event whose id is new, all in one transaction, and reports which ids were new. A new
     * event is rejected, and kept in {@code rejected_events}, when its signature does not verify or its
     * public key differs from the key pinned for its device id. The first validly signed event of a
     * device id pins its key.
     */
    synchronized AppendResult append(List<ReceivedEvent> events) {
        List<String> stored = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        String receivedAt = WireTime.format(Instant.now());
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (event_id, device_id,"
                    + " sequence, time, user, action, document_id, outcome, previous_hash, body, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
                for (ReceivedEvent event : events) {
                    if (isStored(event.eventId())) {
                        duplicates.add(event.eventId());
                        warnIfBodyDiffers(event);
                        continue;
                    }
                    String error = admissionError(event, receivedAt);
                    if (error != null) {
                        Rejections.insert(connection, event, error, receivedAt);
                        rejected.add(new Rejection(event.eventId(), error));
                        continue;
                    }
                    bindInsert(insert, event, receivedAt);
                    if (insert.executeUpdate() == 1) {
                        stored.add(event.eventId());
                    } else {
                        duplicates.add(event.eventId());
                    }
                }
            }
            connection.commit();
            return new AppendResult(stored, duplicates, rejected);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new SealDropException("SD-AUDIT-STORE", "Storing " + events.size() + " audit events in "
                    + file + " failed; check free disk space. The client keeps the events and retries.", e);
        } finally {
            restoreAutoCommit();
        }
    }

    /** Returns why {@code event} is rejected, or null when it may be stored; pins the key of a new device. */
    private String admissionError(ReceivedEvent event, String receivedAt) throws SQLException {
        if (!event.signatureValid()) {
            return Rejections.BAD_SIGNATURE;
        }
        Optional<String> pinned = PinnedKeys.find(connection, event.deviceId());
        if (pinned.isEmpty()) {
            PinnedKeys.pin(connection, event, receivedAt);
            log.info("Pinned the signing key of audit device {} from event {}", event.deviceId(), event.eventId());
            return null;
        }
        return pinned.get().equals(event.publicKey()) ? null : Rejections.KEY_MISMATCH;
    }

    private boolean isStored(String eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM events WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Returns the stored bodies matching {@code query} as JSON, ordered by time, then device sequence.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the database cannot be read
     */
    public List<JsonNode> query(EventQuery query) {
        List<JsonNode> events = new ArrayList<>();
        for (String body : queryBodies(query)) {
            try {
                events.add(MAPPER.readTree(body));
            } catch (JsonProcessingException e) {
                // Bodies were parsed before they were stored, so this means the file was edited by hand.
                throw new SealDropException("SD-AUDIT-STORE", "A stored audit event in " + file
                        + " is not valid JSON; the database was changed outside the receiver.", e);
            }
        }
        return events;
    }

    /** Returns the stored bodies matching {@code query}, exactly as received. */
    public synchronized List<String> queryBodies(EventQuery query) {
        EventSql sql = EventSql.select(query, ReceiverStore::ceilToMillis);
        try (PreparedStatement select = connection.prepareStatement(sql.text())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                select.setObject(i + 1, sql.parameters().get(i));
            }
            List<String> bodies = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /**
     * Passes each stored body with a time in [{@code from}, {@code to}) to {@code sink}, exactly as
     * received, ordered by time, then device sequence, with no limit on the count.
     *
     * @param from the first instant included, or null for no lower bound
     * @param to the first instant excluded, or null for no upper bound
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the database cannot be read
     */
    public synchronized void forEachBody(Instant from, Instant to, Consumer<String> sink) {
        EventSql sql = EventSql.selectAll(new EventQuery(null, null, null, null, from, to, 1),
                ReceiverStore::ceilToMillis);
        try (PreparedStatement select = connection.prepareStatement(sql.text())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                select.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /**
     * Returns the names of the append-only triggers that the file lacks, which only an edit outside the
     * receiver can remove; empty for an intact store.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the database cannot be read
     */
    public synchronized List<String> missingAppendOnlyTriggers() {
        List<String> present = strings("SELECT name FROM sqlite_master WHERE type = 'trigger'");
        return APPEND_ONLY_TRIGGERS.stream().filter(name -> !present.contains(name)).toList();
    }

    /**
     * Returns the ids of all devices with stored events, in sort order.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the database cannot be read
     */
    public synchronized List<String> deviceIds() {
        return strings("SELECT DISTINCT device_id FROM events ORDER BY device_id");
    }

    /**
     * Returns the ids of the events of {@code deviceId} stored under {@code sequence}: none, one, or more
     * after a conflict.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the database cannot be read
     */
    public synchronized List<String> eventIdsAt(String deviceId, long sequence) {
        return strings("SELECT event_id FROM events WHERE device_id = ? AND sequence = ? ORDER BY event_id",
                deviceId, sequence);
    }

    /**
     * Checks the hash chain of {@code deviceId} over the events stored so far.
     *
     * @throws SealDropException with code {@code SD-AUDIT-STORE} when the database cannot be read
     */
    public synchronized ChainReport verifyChain(String deviceId) {
        try {
            return ChainVerifier.verify(connection, deviceId);
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private List<String> strings(String sql, Object... parameters) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    private static void bindInsert(PreparedStatement insert, ReceivedEvent event, String receivedAt)
            throws SQLException {
        insert.setString(1, event.eventId());
        insert.setString(2, event.deviceId());
        insert.setLong(3, event.sequence());
        insert.setString(4, event.time());
        insert.setString(5, event.user());
        insert.setString(6, event.action());
        insert.setString(7, event.documentId());
        insert.setString(8, event.outcome());
        insert.setString(9, event.previousHash());
        insert.setString(10, event.body());
        insert.setString(11, receivedAt);
    }

    private void warnIfBodyDiffers(ReceivedEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT body FROM events WHERE event_id = ?")) {
            select.setString(1, event.eventId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && !row.getString(1).equals(event.body())) {
                    log.warn("Audit event {} from device {} arrived again with a different body; kept the first",
                            event.eventId(), event.deviceId());
                }
            }
        }
    }

    /** Rounds up, so a bound with sub-millisecond digits compares correctly with millisecond times. */
    private static String ceilToMillis(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
        return WireTime.format(truncated.equals(instant) ? truncated : truncated.plusMillis(1));
    }

    private SealDropException readFailed(SQLException e) {
        return new SealDropException("SD-AUDIT-STORE", "Reading the audit database " + file
                + " failed; check that the file is readable.", e);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rolling back a failed audit batch in {} failed", file, e);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("Resetting the audit database connection for {} failed", file, e);
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the audit database failed", e);
        }
    }
}

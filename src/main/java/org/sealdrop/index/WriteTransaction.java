package org.sealdrop.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code BEGIN IMMEDIATE} transaction on a fresh connection, with the begin retried while the
 * file is busy.
 *
 * <p>sqlite-jdbc runs {@code BEGIN IMMEDIATE} in {@code setAutoCommit(false)} when the connection
 * has {@code transaction_mode=IMMEDIATE}. Its {@code commit()} and {@code rollback()} begin the next
 * transaction at once, which would take the write lock again and could fail with {@code SQLITE_BUSY}
 * after a commit that succeeded. So this class commits with {@code setAutoCommit(true)} and rolls back
 * with a plain {@code ROLLBACK} statement before it closes the connection.
 */
final class WriteTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(WriteTransaction.class);

    private final ConnectionSource connections;
    private final BusyRetry busyRetry;

    WriteTransaction(ConnectionSource connections, BusyRetry busyRetry) {
        this.connections = connections;
        this.busyRetry = busyRetry;
    }

    /**
     * Runs {@code work} in the transaction and commits it.
     *
     * @throws IndexBusyException when every begin attempt found the file busy
     * @throws SQLException when {@code work} or the commit failed; the transaction is then rolled back
     */
    <T> T run(Database.SqlWork<T> work) throws SQLException {
        SQLException lastBusy = null;
        for (int attempt = 1; attempt <= busyRetry.beginAttempts(); attempt++) {
            Connection connection;
            try {
                connection = begin();
            } catch (SQLException e) {
                if (!IndexBusyException.isBusy(e)) {
                    throw e;
                }
                lastBusy = e;
                pauseBeforeAttempt(attempt + 1);
                continue;
            }
            // Only the begin is retried: work that failed may have had effects outside the index.
            try (connection) {
                return commitOrRollBack(connection, work);
            }
        }
        LOG.warn("Index still busy after {} attempts to begin a write", busyRetry.beginAttempts());
        throw new IndexBusyException(busyRetry.beginAttempts(), lastBusy);
    }

    /** Opens a connection and runs {@code BEGIN IMMEDIATE} on it, which waits up to the busy timeout. */
    private Connection begin() throws SQLException {
        Connection connection = connections.open();
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void pauseBeforeAttempt(int next) throws SQLException {
        if (next > busyRetry.beginAttempts()) {
            return;
        }
        Duration pause = busyRetry.backoffAfter(next - 1);
        LOG.info("Index busy in another connection (attempt {} of {}); trying again in {} ms", next - 1,
                busyRetry.beginAttempts(), pause.toMillis());
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the index to become free", e);
        }
    }

    private static <T> T commitOrRollBack(Connection connection, Database.SqlWork<T> work) throws SQLException {
        try {
            T result = work.run(connection);
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollBack(connection, e);
            throw e;
        }
    }

    private static void rollBack(Connection connection, Exception failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back after some errors, such as a full disk; closing the connection
            // rolls back whatever is left.
            failure.addSuppressed(e);
        }
    }

    /** Opens a connection whose {@code setAutoCommit(false)} begins an immediate transaction. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }
}

package org.sealdrop.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import org.sealdrop.SealDropException;

/**
 * One SQLite file of this device: the document index, upload state and the audit outbox.
 *
 * <p>The window, its background audit sender, its index sync and command-line runs in other processes
 * all write to the same file, so every connection uses WAL mode and a busy timeout. Every write
 * transaction starts with {@code BEGIN IMMEDIATE}, which takes the write lock before the transaction
 * reads anything. A deferred transaction that reads first and then writes fails at once with
 * {@code SQLITE_BUSY} when another connection committed in between, because its snapshot is stale,
 * and the busy timeout does not help there. A begin that still finds the file busy is tried again
 * with backoff ({@link BusyRetry}), and after the last attempt the caller gets {@code SD-INDEX-BUSY},
 * never a raw {@code SQLITE_BUSY}. Reads run in auto-commit mode, each statement on a WAL snapshot
 * that writers do not block.
 *
 * <p>Opening the file applies pending schema migrations ({@link Migrations}).
 */
public final class Database {

    /** How long a connection waits for another writer before it fails, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = BusyRetry.DEFAULT.busyTimeoutMillis();

    private final Path file;
    private final BusyRetry busyRetry;

    private Database(Path file, BusyRetry busyRetry) {
        this.file = file;
        this.busyRetry = busyRetry;
    }

    /** Opens (and creates if missing) the database at {@code file}, migrated to the newest schema. */
    public static Database open(Path file) {
        return open(file, BusyRetry.DEFAULT);
    }

    /**
     * Opens (and creates if missing) the database at {@code file}, migrated to the newest schema, with
     * the given wait for other writers.
     *
     * @throws SealDropException with code {@code SD-INDEX-OPEN} when the file cannot be created, read or
     *     migrated, or {@code SD-INDEX-BUSY} when another program kept it locked for every attempt
     */
    public static Database open(Path file, BusyRetry busyRetry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SealDropException("SD-INDEX-OPEN",
                    "Could not create the folder for the index at " + file.getParent()
                            + "; check that the folder is writable.", e);
        }
        Database database = new Database(file, Objects.requireNonNull(busyRetry, "busyRetry"));
        try {
            new WriteTransaction(database::connectForWrite, busyRetry).run(Migrations::apply);
        } catch (IndexBusyException e) {
            throw database.busy(e);
        } catch (SQLException e) {
            throw new SealDropException("SD-INDEX-OPEN",
                    "Could not open the index at " + file + "; check that the file is a SealDrop index"
                            + " and that no other program holds it locked.", e);
        }
        return database;
    }

    /** Opens a new connection for reads in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return connect(new Properties());
    }

    /**
     * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: either all of its writes land or
     * none do. {@code work} may read before it writes, because the transaction holds the write lock
     * from its start. It must not commit, roll back or change auto-commit itself.
     *
     * @throws SealDropException with code {@code SD-INDEX-BUSY} when another program kept the index
     *     locked through every begin attempt, or {@code SD-INDEX-WRITE} when a statement failed
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction(work, "FULL");
    }

    /**
     * Runs {@code work} in one transaction like {@link #inTransaction(SqlWork)}, but its commit does not
     * wait for the disk ({@code synchronous=NORMAL} on its own connection). In WAL mode such a commit
     * survives a crash of this process, and the file stays consistent after any crash. A power loss or
     * an operating system crash may undo the last such commits, until a later commit with a sync or a
     * checkpoint has written them out. Only for records whose loss costs repeated work and never data, such as
     * the parts of a multipart upload that a resume would send again.
     *
     * @throws SealDropException as {@link #inTransaction(SqlWork)}
     */
    public <T> T inTransactionWithoutSync(SqlWork<T> work) {
        return inTransaction(work, "NORMAL");
    }

    private <T> T inTransaction(SqlWork<T> work, String synchronous) {
        try {
            return new WriteTransaction(() -> connectForWrite(synchronous), busyRetry).run(work);
        } catch (IndexBusyException e) {
            throw busy(e);
        } catch (SQLException e) {
            if (IndexBusyException.isBusy(e)) {
                throw busy(e);
            }
            throw new SealDropException("SD-INDEX-WRITE",
                    "A write to the index at " + file + " failed; check free disk space and retry.", e);
        }
    }

    /**
     * Runs read-only {@code work} on a fresh connection.
     *
     * @throws SealDropException with code {@code SD-INDEX-BUSY} when the file stayed locked past the
     *     busy timeout, or {@code SD-INDEX-READ} when a statement failed
     */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            if (IndexBusyException.isBusy(e)) {
                throw busy(e);
            }
            throw new SealDropException("SD-INDEX-READ",
                    "Reading the index at " + file + " failed; check that the file is readable.", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Opens a connection whose {@code setAutoCommit(false)} runs {@code BEGIN IMMEDIATE}. */
    private Connection connectForWrite() throws SQLException {
        return connectForWrite("FULL");
    }

    private Connection connectForWrite(String synchronous) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("synchronous", synchronous);
        return connect(properties);
    }

    private Connection connect(Properties properties) throws SQLException {
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("busy_timeout", Integer.toString(busyRetry.busyTimeoutMillis()));
        properties.setProperty("foreign_keys", "true");
        properties.putIfAbsent("synchronous", "FULL");
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA busy_timeout=" + busyRetry.busyTimeoutMillis());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private SealDropException busy(Exception cause) {
        return new SealDropException("SD-INDEX-BUSY", "The index at " + file
                + " is busy in another SealDrop program; try again in a minute.", cause);
    }

    /** A unit of SQL work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}

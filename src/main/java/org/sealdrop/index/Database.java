package org.sealdrop.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sealdrop.SealDropException;

/**
 * One SQLite file of this device: the document index, upload state and the audit outbox.
 *
 * <p>Every connection uses WAL mode and a busy timeout, so the window, its background sender and a
 * command-line run against the same home folder wait for each other instead of failing with
 * {@code SQLITE_BUSY}. Opening the file applies pending schema migrations ({@link Migrations}).
 */
public final class Database {

    /** How long a connection waits for another writer before it fails, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;

    private Database(Path file) {
        this.file = file;
    }

    /** Opens (and creates if missing) the database at {@code file}, migrated to the newest schema. */
    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SealDropException("SD-INDEX-OPEN",
                    "Could not create the folder for the index at " + file.getParent()
                            + "; check that the folder is writable.", e);
        }
        Database database = new Database(file);
        try (Connection connection = database.connect()) {
            Migrations.apply(connection);
        } catch (SQLException e) {
            throw new SealDropException("SD-INDEX-OPEN",
                    "Could not open the index at " + file + "; check that the file is a SealDrop index"
                            + " and that no other program holds it locked.", e);
        }
        return database;
    }

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("synchronous", "FULL");
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
        }
        return connection;
    }

    /** Runs {@code work} in one transaction: either all of its writes land or none do. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SealDropException("SD-INDEX-WRITE",
                    "A write to the index at " + file + " failed; check free disk space and retry.", e);
        }
    }

    /** Runs read-only {@code work} on a fresh connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new SealDropException("SD-INDEX-READ",
                    "Reading the index at " + file + " failed; check that the file is readable.", e);
        }
    }

    public Path file() {
        return file;
    }

    /** A unit of SQL work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}

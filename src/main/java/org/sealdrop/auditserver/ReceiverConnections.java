package org.sealdrop.auditserver;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sealdrop.SealDropException;
import org.sqlite.SQLiteConfig;

/** Opens the receiver's SQLite file: writable for the receiver, read-only for an investigation. */
final class ReceiverConnections {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private ReceiverConnections() {
    }

    /** Opens {@code file} for the receiver, creating it owner-only with its schema when missing. */
    static Connection openWritable(Path file) {
        Connection connection = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            createOwnerOnly(file);
            Properties properties = new Properties();
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", "FULL");
            properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
            ReceiverSchema.migrate(connection, file);
            return connection;
        } catch (IOException | SQLException e) {
            ReceiverStore.closeQuietly(connection);
            throw new SealDropException("SD-AUDIT-STORE", "Could not open the audit database " + file
                    + "; check that the folder is writable and the file is an audit receiver database.", e);
        } catch (RuntimeException e) {
            ReceiverStore.closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Opens an existing {@code file} read-only after checking that it contains the current schema. Nothing
     * is created, migrated or written, so an investigation never changes the evidence.
     */
    static Connection openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SealDropException("SD-AUDIT-STORE", "The audit database " + file + " does not exist; pass the"
                    + " --db file of `sealdrop audit-server`, or a copy made with sqlite3's .backup command.");
        }
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            ReceiverSchema.requireCurrent(connection, file);
            return connection;
        } catch (SQLException e) {
            ReceiverStore.closeQuietly(connection);
            throw new SealDropException("SD-AUDIT-STORE", "Could not read the audit database " + file
                    + "; check that the file is readable and is an audit receiver database.", e);
        } catch (RuntimeException e) {
            ReceiverStore.closeQuietly(connection);
            throw e;
        }
    }

    /** Creates {@code file} empty and owner-only when missing, so SQLite never creates it with the umask. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // NOTE: on Windows the file inherits the folder's ACL, so it is as private as the folder.
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // Another process created it meanwhile; SQLite opens that one.
        }
    }
}

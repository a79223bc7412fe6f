package org.sealdrop.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Counts the audit events waiting in this computer's outbox. Opens the index read-only so that the
 * doctor neither migrates nor locks it for a running window.
 */
public final class OutboxCheck implements DoctorCheck {

    static final String NAME = "audit outbox";

    private final Path indexFile;

    public OutboxCheck(Path indexFile) {
        this.indexFile = indexFile;
    }

    @Override
    public CheckResult run() {
        if (!Files.isRegularFile(indexFile)) {
            return CheckResult.skip(NAME, "this computer has no index yet");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + indexFile, config.toProperties());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM audit_outbox")) {
            long pending = row.next() ? row.getLong(1) : 0;
            if (pending == 0) {
                return CheckResult.ok(NAME, "no audit events waiting");
            }
            return CheckResult.warn(NAME, pending + " audit events waiting to be sent",
                    "Start SealDrop while the audit receiver is reachable; it sends them.");
        } catch (SQLException e) {
            return CheckResult.skip(NAME, "the index could not be read (SQLite error " + e.getErrorCode() + ")");
        }
    }
}

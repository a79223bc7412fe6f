package org.sealdrop.selftest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Loads SQLite's native library, creates a table in a new database file, reads a row back and deletes
 * the file. The self-test has already pointed {@code org.sqlite.tmpdir} at its private folder, so the
 * library is extracted there and not to the system temp folder, which may be mounted {@code noexec}.
 */
final class SqliteCheck implements SelfTestCheck {

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String run(Path workFolder) throws Exception {
        Path file = workFolder.resolve("self-test.db");
        String version;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE check_row (id INTEGER PRIMARY KEY, word TEXT NOT NULL)");
            statement.executeUpdate("INSERT INTO check_row (word) VALUES ('sealed')");
            try (ResultSet row = statement.executeQuery("SELECT word, sqlite_version() FROM check_row")) {
                if (!row.next() || !row.getString(1).equals("sealed")) {
                    throw new IllegalStateException("the row written to " + file + " did not read back");
                }
                version = row.getString(2);
            }
        }
        Files.delete(file);
        return "SQLite " + version + " created, read and deleted a database";
    }
}

package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.auditserver.ReceiverStore;
import org.sealdrop.testsupport.CliRun;

/** The investigator's commands read a database as evidence: they never change it, and never pass a wrong file. */
class AuditEvidenceTest {

    @TempDir
    Path folder;

    @Test
    void verifyRejectsOtherSqliteFileUnchanged() throws Exception {
        Path other = folder.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }
        byte[] before = Files.readAllBytes(other);

        CliRun run = CliRun.of("audit", "verify", "--db", other.toString());

        assertTrue(run.exitCode() != 0, run.toString());
        assertTrue(run.err().contains("is not an audit receiver database"), run.err());
        assertArrayEquals(before, Files.readAllBytes(other), "the file is unchanged");
    }

    @Test
    void queryRejectsEmptyFileUnchanged() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.db"));

        CliRun query = CliRun.of("audit", "query", "--db", empty.toString());
        CliRun export = CliRun.of("audit", "export", "--db", empty.toString());

        assertTrue(query.exitCode() != 0, query.toString());
        assertTrue(export.exitCode() != 0, export.toString());
        assertEquals(0, Files.size(empty), "the file is still empty");
    }

    @Test
    void verifyOfStoreWithoutEventsFails() throws Exception {
        Path database = folder.resolve("audit.db");
        ReceiverStore.open(database).close();

        CliRun run = CliRun.of("audit", "verify", "--db", database.toString());

        assertEquals(SealDropCommand.EXIT_FAILURE, run.exitCode(), run.toString());
        assertTrue(run.out().contains("No events are stored in " + database), run.out());
    }
}

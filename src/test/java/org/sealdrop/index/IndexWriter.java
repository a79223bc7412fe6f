package org.sealdrop.index;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.audit.AuditTrail;
import org.sealdrop.audit.DeviceSigningKey;
import org.sealdrop.audit.Outcome;

/**
 * One writer of the concurrent-writer test: records audit events and inserts document rows into one
 * index file, the way the window's sender, an index sync and a command-line upload do. Run as a forked
 * JVM ({@code main}) or as a thread of the test JVM ({@link #run}).
 */
public final class IndexWriter {

    /** Line printed when every write of a forked writer succeeded. */
    static final String DONE = "writer done";

    private IndexWriter() {
    }

    /** Arguments: index file, writer name, number of rounds. Exits 1 on the first failed write. */
    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
            System.out.println(DONE);
            System.exit(0);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /**
     * Writes {@code rounds} rounds. Each round records one audit event on its own, then inserts one
     * document row together with its upload event in a transaction that reads before it writes, as an
     * "insert unless present" does.
     */
    static void run(Path indexFile, String writer, int rounds) {
        Database database = Database.open(indexFile);
        DocumentIndex index = new DocumentIndex(database);
        AuditTrail trail = new AuditTrail(database, new AuditIdentity("stress", "device-stress", "test"),
                DeviceSigningKey.generate(), Clock.systemUTC());
        for (int round = 0; round < rounds; round++) {
            trail.record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);

            UUID id = UUID.randomUUID();
            database.inTransaction(transaction -> {
                try (PreparedStatement present = transaction.prepareStatement("SELECT COUNT(*) FROM documents WHERE id = ?")) {
                    present.setString(1, id.toString());
                    try (ResultSet rows = present.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) != 0) {
                            return null;
                        }
                    }
                }
                Instant now = Instant.now();
                index.insert(transaction, new DocumentRecord(id, writer + "/" + id, 10, 100, DocumentStatus.UPLOADED,
                        1, new byte[65], new byte[200], now, now));
                trail.record(transaction, AuditAction.UPLOAD, id, Outcome.SUCCESS, null);
                return null;
            });
        }
    }
}

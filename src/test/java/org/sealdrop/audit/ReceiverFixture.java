package org.sealdrop.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.index.Database;

/** Starts real audit receivers on 127.0.0.1 and reads outbox rows for assertions. */
final class ReceiverFixture {

    static final String TOKEN = "test-token-7f3a9c1e5b2d4f60";

    private ReceiverFixture() {
    }

    static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }

    static AuditServer startReceiver(Path databaseFile, int port) throws IOException {
        return AuditServer.start(new InetSocketAddress(loopback(), port), databaseFile, Set.of(TOKEN));
    }

    /** Returns a port on 127.0.0.1 that was free a moment ago and has nothing listening now. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        }
    }

    /** One outbox row's delivery state. */
    record OutboxState(String eventId, int attempts, String nextAttemptAt, String lastError) {
    }

    static java.util.List<OutboxState> outbox(Database database) {
        return database.read(connection -> {
            java.util.List<OutboxState> rows = new java.util.ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_id, attempts, next_attempt_at, last_error FROM audit_outbox ORDER BY seq");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new OutboxState(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)));
                }
            }
            return rows;
        });
    }
}

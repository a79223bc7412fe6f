package org.sealdrop.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bodies that a reference receiver kept in its {@code rejected_events} table, straight from
 * its SQLite file, which the receiver allows while it runs because it uses WAL.
 */
public final class ReceivedRejections {

    private ReceivedRejections() {
    }

    /** Returns each rejected event id with its distinct bodies, in order of first arrival. */
    public static Map<String, List<String>> bodiesByEventId(Path receiverDatabase) throws SQLException {
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + receiverDatabase);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT event_id, body FROM rejected_events ORDER BY first_received_at, event_id")) {
            while (rows.next()) {
                bodies.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return bodies;
    }
}

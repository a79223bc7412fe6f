package org.sealdrop.auditserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The SELECT for an {@link EventQuery}, with its parameters in order. */
record EventSql(String text, List<Object> parameters) {

    static EventSql select(EventQuery query, Function<Instant, String> timeText) {
        EventSql all = selectAll(query, timeText);
        List<Object> parameters = new ArrayList<>(all.parameters());
        parameters.add(query.limit());
        return new EventSql(all.text() + " LIMIT ?", parameters);
    }

    /** Builds the same SELECT without the limit, for an export that streams every matching row. */
    static EventSql selectAll(EventQuery query, Function<Instant, String> timeText) {
        StringBuilder sql = new StringBuilder("SELECT body FROM events WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.documentId() != null) {
            sql.append(" AND document_id = ?");
            parameters.add(query.documentId().toString());
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            parameters.add(query.action());
        }
        if (query.deviceId() != null) {
            sql.append(" AND device_id = ?");
            parameters.add(query.deviceId());
        }
        if (query.user() != null) {
            sql.append(" AND user = ?");
            parameters.add(query.user());
        }
        if (query.from() != null) {
            sql.append(" AND time >= ?");
            parameters.add(timeText.apply(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND time < ?");
            parameters.add(timeText.apply(query.to()));
        }
        sql.append(" ORDER BY time, sequence, event_id");
        return new EventSql(sql.toString(), parameters);
    }
}

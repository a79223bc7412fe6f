package org.sealdrop.auditserver;

import java.time.Instant;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * A filter on stored events; null fields match everything. Results are ordered by time, then by the
 * device's sequence number.
 *
 * @param documentId only events about this document
 * @param action only this action, by its wire name such as {@code open}
 * @param deviceId only events from this device
 * @param user only events by this user
 * @param from only events at or after this instant
 * @param to only events before this instant
 * @param limit the maximum number of events returned, 1 to {@value #MAX_LIMIT}
 * @throws SealDropException with code {@code SD-AUDIT-QUERY} for a limit out of range or
 *     {@code from} after {@code to}
 */
public record EventQuery(UUID documentId, String action, String deviceId, String user, Instant from, Instant to,
        int limit) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    public EventQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SealDropException("SD-AUDIT-QUERY", "The query limit " + limit + " is out of range;"
                    + " give a number from 1 to " + MAX_LIMIT + ".");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new SealDropException("SD-AUDIT-QUERY", "The query start " + from + " is after its end "
                    + to + "; swap them.");
        }
    }

    /** Returns a query for the first {@value #DEFAULT_LIMIT} events of all. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, null, DEFAULT_LIMIT);
    }
}

package org.sealdrop.auditserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * Turns the query string of {@code GET /v1/events} into an {@link EventQuery}. Parameters:
 * {@code documentId}, {@code action}, {@code deviceId}, {@code user}, {@code from} and {@code to}
 * (ISO-8601 instants such as {@code 2026-03-14T09:00:00Z}) and {@code limit}.
 */
final class QueryParameters {

    private static final Set<String> NAMES = Set.of("documentId", "action", "deviceId", "user", "from", "to", "limit");

    private QueryParameters() {
    }

    /**
     * Parses {@code rawQuery}, which may be null.
     *
     * @throws BadRequestException naming an unknown, repeated or malformed parameter
     */
    static EventQuery parse(String rawQuery) throws BadRequestException {
        Map<String, String> values = split(rawQuery);
        try {
            return new EventQuery(
                    uuid(values, "documentId"),
                    values.get("action"),
                    values.get("deviceId"),
                    values.get("user"),
                    instant(values, "from"),
                    instant(values, "to"),
                    limit(values));
        } catch (SealDropException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Map<String, String> split(String rawQuery) throws BadRequestException {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("The query string has a malformed %-escape.");
            }
            if (!NAMES.contains(name)) {
                throw new BadRequestException("The query has an unknown parameter; use " + NAMES + ".");
            }
            if (values.put(name, value) != null) {
                throw new BadRequestException("The query parameter " + name + " is given twice; give it once.");
            }
            if (value.isEmpty()) {
                throw new BadRequestException("The query parameter " + name + " is empty; give a value or leave it out.");
            }
        }
        return values;
    }

    private static UUID uuid(Map<String, String> values, String name) throws BadRequestException {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The query parameter " + name + " is not a UUID.");
        }
    }

    private static Instant instant(Map<String, String> values, String name) throws BadRequestException {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("The query parameter " + name
                    + " is not an ISO-8601 instant such as 2026-03-14T09:00:00Z.");
        }
    }

    private static int limit(Map<String, String> values) throws BadRequestException {
        String value = values.get("limit");
        if (value == null) {
            return EventQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The query parameter limit is not a whole number from 1 to "
                    + EventQuery.MAX_LIMIT + ".");
        }
    }
}

package org.sealdrop.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * The one text form of instants in events and the outbox: UTC with exactly three fraction digits,
 * such as {@code 2026-03-14T09:26:53.589Z}. Its fixed width makes text order equal time order, which
 * SQL comparisons on these columns rely on.
 */
public final class WireTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private WireTime() {
    }

    /** Formats {@code instant}, truncated to milliseconds. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Parses text in exactly the form {@link #format} writes.
     *
     * @throws DateTimeParseException when {@code text} has another form
     */
    public static Instant parse(String text) {
        return FORMAT.parse(text, Instant::from);
    }
}

package org.sealdrop.doctor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Compares this computer's clock with the {@code Date} header of the store's response. S3 rejects
 * signed requests when the clocks are 15 minutes apart, so the check fails from 5 minutes and warns from 1.
 */
public final class ClockSkewCheck implements DoctorCheck {

    static final String NAME = "clock";
    static final Duration FAIL_OVER = Duration.ofMinutes(5);
    static final Duration WARN_OVER = Duration.ofMinutes(1);

    private final BucketProbe probe;
    private final Clock clock;

    public ClockSkewCheck(BucketProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public CheckResult run() {
        if (probe.dateHeader().isEmpty()) {
            return CheckResult.skip(NAME, "the store sent no Date header");
        }
        Instant server;
        try {
            server = ZonedDateTime.parse(probe.dateHeader().get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return CheckResult.skip(NAME, "the store's Date header is not an HTTP date");
        }
        Duration skew = Duration.between(server, clock.instant());
        String detail = "this computer's clock is " + describe(skew) + " the store's";
        if (skew.abs().compareTo(FAIL_OVER) > 0) {
            return CheckResult.fail(NAME, detail + ".", "Set the clock right (turn on automatic time in the "
                    + "system settings); S3 rejects requests when the clocks are 15 minutes apart.");
        }
        if (skew.abs().compareTo(WARN_OVER) > 0) {
            return CheckResult.warn(NAME, detail + ".", "Turn on automatic time in the system settings.");
        }
        return CheckResult.ok(NAME, detail);
    }

    private static String describe(Duration skew) {
        long seconds = skew.abs().getSeconds();
        if (seconds < 1) {
            return "within a second of";
        }
        return seconds + " s " + (skew.isNegative() ? "behind" : "ahead of");
    }
}

package org.sealdrop.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clock check against a fixed store Date header and a local clock set apart by a chosen skew. */
class ClockSkewCheckTest {

    private static final Instant STORE_TIME = Instant.parse("2026-12-05T04:00:00Z");

    @Test
    void smallSkewIsOk() {
        assertEquals(CheckStatus.OK, check(Duration.ofSeconds(20)).status());
    }

    @Test
    void twoMinutesWarns() {
        CheckResult result = check(Duration.ofMinutes(2));

        assertEquals(CheckStatus.WARN, result.status());
        assertTrue(result.detail().contains("120 s ahead of"), result.toString());
    }

    @Test
    void sixMinutesBehindFailsWithFix() {
        CheckResult result = check(Duration.ofMinutes(-6));

        assertEquals(CheckStatus.FAIL, result.status());
        assertTrue(result.detail().contains("360 s behind"), result.toString());
        assertTrue(result.fix().contains("automatic time"), result.toString());
    }

    @Test
    void missingDateHeaderSkips() {
        BucketProbe probe = new BucketProbe(URI.create("http://127.0.0.1:9"), "b", 200, Optional.empty(), "");

        assertEquals(CheckStatus.SKIP, new ClockSkewCheck(probe, Clock.systemUTC()).run().status());
    }

    private static CheckResult check(Duration localMinusStore) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(STORE_TIME.atZone(ZoneOffset.UTC));
        BucketProbe probe = new BucketProbe(URI.create("http://127.0.0.1:9"), "b", 200, Optional.of(date), "");
        Clock local = Clock.fixed(STORE_TIME.plus(localMinusStore), ZoneOffset.UTC);
        return new ClockSkewCheck(probe, local).run();
    }
}

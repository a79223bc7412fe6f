package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rate, time left and row text of {@link TransferRate}, from synthetic samples on a fake clock. */
class TransferRateTest {

    private static final long MB = 1_000_000;

    private long nanos = 1_000_000_000L;
    private final TransferRate rate = new TransferRate(() -> nanos);

    private void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Test
    void noSampleMeansPreparing() {
        assertEquals(OptionalDouble.empty(), rate.bytesPerSecond());
        assertEquals(Optional.empty(), rate.timeLeft());
        assertEquals("checking the file\u2026", rate.describe());
    }

    @Test
    void rateUnknownBeforeMinimumSpan() {
        rate.record(0, 100 * MB);
        advance(Duration.ofMillis(500));
        rate.record(5 * MB, 100 * MB);

        assertEquals(OptionalDouble.empty(), rate.bytesPerSecond());
        assertEquals(Optional.empty(), rate.timeLeft());
        assertEquals("5.0 MB of 100 MB, measuring speed\u2026", rate.describe());
    }

    @Test
    void steadyRateGivesTimeLeft() {
        for (int second = 0; second <= 4; second++) {
            rate.record(second * 2 * MB, 100 * MB);
            advance(Duration.ofSeconds(1));
        }
        // 8 MB in the 5 s since the first sample; the clock moved on by 1 s after the last.
        assertEquals(1.6 * MB, rate.bytesPerSecond().getAsDouble(), 1);
        assertEquals(Optional.of(Duration.ofSeconds(58)), rate.timeLeft());
        assertEquals("8.0 MB of 100 MB, 1.6 MB/s, about 58 s left", rate.describe());
    }

    @Test
    void rateFollowsSlowerLineWithinWindow() {
        // A fast start: 50 MB in the first 10 s.
        for (int second = 0; second <= 10; second++) {
            rate.record(second * 5 * MB, 1000 * MB);
            advance(Duration.ofSeconds(1));
        }
        // Then 1 MB/s for 10 s; an average since the start would still say almost 3 MB/s. The window
        // ends 1 s after the last sample, so it holds 4 MB in 5 s.
        for (int second = 1; second <= 10; second++) {
            rate.record(50 * MB + second * MB, 1000 * MB);
            advance(Duration.ofSeconds(1));
        }

        double bytesPerSecond = rate.bytesPerSecond().getAsDouble();
        assertTrue(bytesPerSecond < 1.2 * MB, "rate " + bytesPerSecond);
        assertTrue(bytesPerSecond >= 0.8 * MB, "rate " + bytesPerSecond);
    }

    @Test
    void stallReadsAsZeroWithoutTimeLeft() {
        rate.record(0, 100 * MB);
        advance(Duration.ofSeconds(1));
        rate.record(10 * MB, 100 * MB);
        advance(TransferRate.WINDOW.plusSeconds(1));

        assertEquals(0.0, rate.bytesPerSecond().getAsDouble());
        assertEquals(Optional.empty(), rate.timeLeft());
        assertEquals("10 MB of 100 MB, no progress in the last 5 s", rate.describe());
    }

    @Test
    void fractionFollowsLatestCount() {
        rate.record(25 * MB, 100 * MB);
        rate.record(30 * MB, 100 * MB);

        assertEquals(0.30, rate.fraction(), 1e-9);
    }

    @Test
    void emptyDocumentIsNoDivisionByZero() {
        rate.record(0, 0);
        advance(Duration.ofSeconds(2));

        assertEquals(0.0, rate.fraction());
        assertEquals(Optional.empty(), rate.timeLeft());
    }

    @ParameterizedTest
    @CsvSource({
        "0, about 0 s left",
        "59, about 59 s left",
        "60, about 1 min left",
        "61, about 2 min left",
        "3599, about 1 h 0 min left",
        "3600, about 1 h 0 min left",
        "5460, about 1 h 31 min left",
        "360000, about 100 h 0 min left"
    })
    void timeLeftText(long seconds, String expected) {
        assertEquals(expected, TransferRate.describeTimeLeft(Duration.ofSeconds(seconds)));
    }
}

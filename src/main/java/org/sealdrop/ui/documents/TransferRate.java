package org.sealdrop.ui.documents;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.sealdrop.ui.Messages;

/**
 * View model of one transfer's progress: bytes done of the total, the rate over a sliding window and
 * the time left, as the transfer row shows them.
 *
 * <p>The rate is measured over the last {@link #WINDOW} rather than since the start, so it follows a
 * line that gets slower or faster, and it falls to zero when no bytes arrive for a whole window.
 * Samples come from the transfer's threads and readings from the application thread, so every method
 * is synchronized. It uses no JavaFX, so tests drive it with a fake clock. The viewer uses it for saving
 * a decrypted copy.
 */
public final class TransferRate {

    /** Span of the sliding window that the rate is measured over. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    /** Shortest span that gives a rate; below it the rate is unknown, because one burst would dominate. */
    static final Duration MIN_SPAN = Duration.ofSeconds(1);

    /** Shortest time between two kept samples, which bounds the samples of a window to about 100. */
    static final Duration SAMPLE_SPACING = Duration.ofMillis(50);

    private record Sample(long nanos, long bytes) {
    }

    private final LongSupplier nanoClock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long bytesDone;
    private long bytesTotal;

    /** @param nanoClock monotonic time in nanoseconds, such as {@code System::nanoTime} */
    public TransferRate(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Records that {@code done} of {@code total} bytes are processed, now. Transfers report every few
     * KiB, so a sample is kept only every {@link #SAMPLE_SPACING}; the latest count is always kept.
     */
    public synchronized void record(long done, long total) {
        bytesDone = done;
        bytesTotal = total;
        long now = nanoClock.getAsLong();
        Sample newest = samples.peekLast();
        if (newest == null || now - newest.nanos() >= SAMPLE_SPACING.toNanos()) {
            samples.addLast(new Sample(now, done));
        }
        dropOldSamples(now);
    }

    /** Tells whether any progress was recorded yet. */
    public synchronized boolean hasSamples() {
        return !samples.isEmpty();
    }

    /** Returns the fraction done, from 0 to 1; 0 before the first sample. */
    public synchronized double fraction() {
        return bytesTotal <= 0 ? 0 : Math.min(1, (double) bytesDone / bytesTotal);
    }

    /**
     * Returns the bytes per second over the window that ends now: the bytes since the oldest sample that
     * the window still needs, over the time since it. Empty until samples span {@link #MIN_SPAN}.
     */
    synchronized OptionalDouble bytesPerSecond() {
        long now = nanoClock.getAsLong();
        dropOldSamples(now);
        Sample oldest = samples.peekFirst();
        if (oldest == null) {
            return OptionalDouble.empty();
        }
        long span = now - oldest.nanos();
        if (span < MIN_SPAN.toNanos()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((bytesDone - oldest.bytes()) * 1e9 / span);
    }

    /** Returns the time left at the current rate, or empty when the rate is unknown or zero. */
    synchronized Optional<Duration> timeLeft() {
        OptionalDouble rate = bytesPerSecond();
        if (rate.isEmpty() || rate.getAsDouble() <= 0) {
            return Optional.empty();
        }
        double seconds = Math.max(0, bytesTotal - bytesDone) / rate.getAsDouble();
        return Optional.of(Duration.ofSeconds((long) Math.ceil(seconds)));
    }

    /** Returns the row text, such as "12.4 MB of 1.1 GB, 3.2 MB/s, about 5 min left". */
    public synchronized String describe() {
        if (samples.isEmpty()) {
            // Before the first byte is sent, the upload reads the whole file once to hash it.
            return Messages.text("transfer.preparing");
        }
        String done = Messages.text("transfer.bytes", ByteSizes.format(bytesDone), ByteSizes.format(bytesTotal));
        OptionalDouble rate = bytesPerSecond();
        if (rate.isEmpty()) {
            return Messages.text("transfer.rate.unknown", done);
        }
        if (rate.getAsDouble() <= 0) {
            return Messages.text("transfer.rate.none", done, WINDOW.toSeconds());
        }
        String perSecond = ByteSizes.format(Math.round(rate.getAsDouble()));
        return Messages.text("transfer.rate", done, perSecond, describeTimeLeft(timeLeft().orElseThrow()));
    }

    static String describeTimeLeft(Duration left) {
        long seconds = left.toSeconds();
        if (seconds < 60) {
            return Messages.text("transfer.timeLeft.seconds", seconds);
        }
        // Whole minutes rounded up, so the last minute shows as "1 min" rather than "0 min".
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return Messages.text("transfer.timeLeft.minutes", minutes);
        }
        return Messages.text("transfer.timeLeft.hours", minutes / 60, minutes % 60);
    }

    /**
     * Drops samples that the window no longer needs. The newest sample older than the window stays,
     * as the start of a window with no newer sample, so that a stall reads as zero rather than unknown.
     */
    private void dropOldSamples(long now) {
        long windowStart = now - WINDOW.toNanos();
        while (samples.size() > 1) {
            Iterator<Sample> oldestFirst = samples.iterator();
            oldestFirst.next();
            if (oldestFirst.next().nanos() > windowStart) {
                break;
            }
            samples.removeFirst();
        }
    }
}

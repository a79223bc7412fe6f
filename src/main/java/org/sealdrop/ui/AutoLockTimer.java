package org.sealdrop.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.MouseEvent;

/**
 * Calls {@code onIdle} once no input has reached any watched window for the auto-lock time.
 *
 * <p>Input is every {@link InputEvent} that a watched scene receives: mouse moves, clicks and drags,
 * keys, scrolling and touch-pad gestures, touch, and files dragged onto the window. Pure mouse moves
 * count, as in most desktop applications and screen lockers. Mouse entered and exited events do not
 * count, because JavaFX also sends them when the content under a resting pointer changes, such as
 * when a table refreshes.
 *
 * <p>The idle time is the larger of two measurements: the injected wall clock, which keeps running
 * while the computer sleeps (the monotonic {@link System#nanoTime()} does not on Linux), and
 * {@code System.nanoTime()}, which is unaffected when the wall clock is set back. A check runs every
 * {@link #CHECK_INTERVAL} on the application thread, so the lock comes at most that much late. Tests
 * inject a clock that they move forward instead of waiting for minutes.
 *
 * <p>Call every method on the JavaFX application thread.
 */
public final class AutoLockTimer {

    /** Time between two idle checks. */
    static final javafx.util.Duration CHECK_INTERVAL = javafx.util.Duration.seconds(1);

    private final Clock clock;
    private final Runnable onIdle;
    private final Timeline checks;
    private final EventHandler<InputEvent> inputFilter = this::onInput;
    private Duration timeout = Duration.ZERO;
    private Instant lastInput;
    private long lastInputNanos;
    private boolean running;

    /**
     * @param clock wall clock of the idle time; {@link Clock#systemUTC()} outside tests
     * @param onIdle called on the application thread when the idle time reaches the timeout; the
     *     timer has stopped by then and starts again only through {@link #start}
     */
    public AutoLockTimer(Clock clock, Runnable onIdle) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
        this.checks = new Timeline(new KeyFrame(CHECK_INTERVAL, event -> check()));
        this.checks.setCycleCount(Animation.INDEFINITE);
    }

    /** Counts input to {@code scene} as activity, from now on and for the life of the scene. */
    public void watch(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, inputFilter);
    }

    /**
     * Starts counting idle time from now. A zero {@code newTimeout} turns auto-lock off: the timer then
     * stays stopped.
     *
     * @throws IllegalArgumentException if {@code newTimeout} is negative
     */
    public void start(Duration newTimeout) {
        if (newTimeout.isNegative()) {
            throw new IllegalArgumentException("The auto-lock time must not be negative, but is " + newTimeout + ".");
        }
        timeout = newTimeout;
        if (newTimeout.isZero()) {
            stop();
            return;
        }
        markInput();
        running = true;
        checks.play();
    }

    /** Stops counting; input no longer matters until the next {@link #start}. */
    public void stop() {
        running = false;
        checks.stop();
    }

    public boolean isRunning() {
        return running;
    }

    /** Calls {@code onIdle} when the idle time has reached the timeout; the timeline calls it each interval. */
    void check() {
        if (!running) {
            return;
        }
        Duration wallIdle = Duration.between(lastInput, clock.instant());
        Duration monotonicIdle = Duration.ofNanos(System.nanoTime() - lastInputNanos);
        Duration idle = wallIdle.compareTo(monotonicIdle) > 0 ? wallIdle : monotonicIdle;
        if (idle.compareTo(timeout) >= 0) {
            stop();
            onIdle.run();
        }
    }

    private void onInput(InputEvent event) {
        if (running && !isPointerCrossing(event.getEventType())) {
            markInput();
        }
    }

    private void markInput() {
        lastInput = clock.instant();
        lastInputNanos = System.nanoTime();
    }

    private static boolean isPointerCrossing(EventType<? extends InputEvent> type) {
        return type == MouseEvent.MOUSE_ENTERED || type == MouseEvent.MOUSE_EXITED
                || type == MouseEvent.MOUSE_ENTERED_TARGET || type == MouseEvent.MOUSE_EXITED_TARGET;
    }
}

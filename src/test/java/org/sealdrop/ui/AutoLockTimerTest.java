package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The idle timer on a real scene with input from the TestFX robot. The wall clock is a
 * {@link SettableClock}, so ten idle minutes pass with one call; most tests then run the check
 * directly instead of waiting for the timeline's next tick.
 */
@ExtendWith(ApplicationExtension.class)
class AutoLockTimerTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final SettableClock clock = new SettableClock();
    private final AtomicInteger idleCalls = new AtomicInteger();
    private final StackPane center = new StackPane();
    private AutoLockTimer timer;

    @Start
    void start(Stage stage) {
        Button button = new Button("Press");
        button.setId("press");
        TextField field = new TextField();
        field.setId("field");
        center.getChildren().setAll(new Label("Resting area"));
        center.setId("center");
        center.setMinSize(200, 120);
        stage.setScene(new Scene(new VBox(8, button, field, center), 320, 240));
        stage.show();
        timer = new AutoLockTimer(clock, idleCalls::incrementAndGet);
        timer.watch(stage.getScene());
    }

    @Test
    void idleUntilTimeoutCallsOnce(FxRobot robot) {
        robot.interact(() -> timer.start(TIMEOUT));

        clock.advance(TIMEOUT.minusSeconds(1));
        robot.interact(timer::check);
        assertEquals(0, idleCalls.get(), "one second before the timeout");

        clock.advance(Duration.ofSeconds(1));
        robot.interact(timer::check);
        assertEquals(1, idleCalls.get());
        assertFalse(timer.isRunning(), "the timer stops when it fires");

        clock.advance(TIMEOUT);
        robot.interact(timer::check);
        assertEquals(1, idleCalls.get(), "a stopped timer does not fire again");
    }

    @Test
    void mouseMovePostponesLock(FxRobot robot) {
        robot.moveTo("#press");
        robot.interact(() -> timer.start(TIMEOUT));
        clock.advance(Duration.ofMinutes(9));

        robot.moveTo("#field");
        clock.advance(Duration.ofMinutes(9));
        robot.interact(timer::check);
        assertEquals(0, idleCalls.get(), "nine minutes after the move");

        clock.advance(Duration.ofMinutes(1));
        robot.interact(timer::check);
        assertEquals(1, idleCalls.get(), "ten minutes after the move");
    }

    @Test
    void keyPressPostponesLock(FxRobot robot) {
        robot.clickOn("#field");
        robot.interact(() -> timer.start(TIMEOUT));
        clock.advance(Duration.ofMinutes(9));

        robot.type(KeyCode.A);
        clock.advance(Duration.ofMinutes(9));
        robot.interact(timer::check);
        assertEquals(0, idleCalls.get());

        clock.advance(Duration.ofMinutes(1));
        robot.interact(timer::check);
        assertEquals(1, idleCalls.get());
    }

    /**
     * Content that changes under a resting pointer makes JavaFX send entered and exited events on the
     * next pulse; they must not keep the vault unlocked.
     */
    @Test
    void contentChangeUnderPointerIsNotInput(FxRobot robot) {
        AtomicInteger crossings = new AtomicInteger();
        robot.moveTo("#center");
        robot.interact(() -> center.getScene().addEventFilter(MouseEvent.MOUSE_ENTERED_TARGET,
                event -> crossings.incrementAndGet()));
        robot.interact(() -> timer.start(TIMEOUT));
        clock.advance(Duration.ofMinutes(9));

        robot.interact(() -> {
            Button replacement = new Button("Appeared under the pointer");
            replacement.setMinSize(200, 120);
            center.getChildren().setAll(replacement);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(crossings.get() > 0, "JavaFX sent entered events for the new content");

        clock.advance(Duration.ofMinutes(1));
        robot.interact(timer::check);
        assertEquals(1, idleCalls.get());
    }

    @Test
    void inputInSecondWindowCounts(FxRobot robot) {
        Stage[] viewer = new Stage[1];
        robot.interact(() -> {
            Button inViewer = new Button("In the viewer");
            inViewer.setId("inViewer");
            viewer[0] = new Stage();
            viewer[0].setScene(new Scene(new StackPane(inViewer), 200, 120));
            viewer[0].show();
            timer.watch(viewer[0].getScene());
        });
        robot.moveTo("#inViewer");
        robot.interact(() -> timer.start(TIMEOUT));
        clock.advance(Duration.ofMinutes(9));

        // A click where the pointer rests, so no move can pass through the main window.
        robot.clickOn(MouseButton.PRIMARY);
        clock.advance(Duration.ofMinutes(9));
        robot.interact(timer::check);
        assertEquals(0, idleCalls.get());

        robot.interact(viewer[0]::close);
    }

    @Test
    void zeroTimeoutTurnsAutoLockOff(FxRobot robot) {
        robot.interact(() -> timer.start(Duration.ZERO));

        clock.advance(Duration.ofDays(1));
        robot.interact(timer::check);

        assertEquals(0, idleCalls.get());
        assertFalse(timer.isRunning());
    }

    @Test
    void negativeTimeoutIsRejected(FxRobot robot) {
        robot.interact(() -> assertThrows(IllegalArgumentException.class, () -> timer.start(Duration.ofMinutes(-1))));
        assertFalse(timer.isRunning());
    }

    /** The timeline runs the check by itself; the test only waits for its next tick. */
    @Test
    void timelineFiresWithoutHelp(FxRobot robot) throws TimeoutException {
        robot.interact(() -> timer.start(TIMEOUT));

        clock.advance(TIMEOUT.plusMinutes(1));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> idleCalls.get() == 1);
        assertFalse(timer.isRunning());
    }
}

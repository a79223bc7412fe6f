package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The error dialog of an unexpected failure: its code, copyable details, and no PHI in them or in the log. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogWindowTest {

    private static final String CANARY = "Canary-Patient-Doe-4711";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(ErrorDialog.class)).addAppender(logs);
    }

    @AfterEach
    void stopCapture() {
        ((Logger) LoggerFactory.getLogger(ErrorDialog.class)).detachAppender(logs);
    }

    @Test
    void detailsAreCopyableWithoutCanary(FxRobot robot) throws TimeoutException {
        RuntimeException failure = new IllegalStateException("Could not read " + CANARY,
                new AccessDeniedException("/home/reception/" + CANARY + ".pdf"));
        AtomicReference<Alert> shown = new AtomicReference<>();

        robot.interact(() -> shown.set(ErrorDialog.show(stage, "test action", failure)));
        waitFor(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane pane = shown.get().getDialogPane();
        robot.interact(() -> pane.setExpanded(true));

        assertEquals(Messages.text("error.unexpected.title"), pane.getHeaderText());
        assertEquals(Messages.text("error.code", "SD-INTERNAL"),
                ((javafx.scene.control.Label) pane.lookup("#errorCode")).getText());
        String details = ((TextArea) pane.lookup("#errorDetails")).getText();
        assertTrue(details.contains("Error code: SD-INTERNAL"), details);
        assertTrue(details.contains("Caused by: java.nio.file.AccessDeniedException"), details);
        assertFalse(details.contains(CANARY), details);

        robot.clickOn("#errorCopyDetails");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(details, copied.get());

        assertEquals(1, logs.list.size());
        String logged = logs.list.get(0).getFormattedMessage();
        assertTrue(logged.contains("SD-INTERNAL"), logged);
        assertTrue(logged.contains(details), logged);
        assertFalse(logged.contains(CANARY), logged);
        assertEquals(null, logs.list.get(0).getThrowableProxy(), "no exception object, whose message has the canary");
        robot.interact(() -> shown.get().close());
    }
}

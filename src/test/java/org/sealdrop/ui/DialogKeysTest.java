package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealdrop.SealDropException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The error window closes with Escape as well as Enter, and names its icon for screen readers. */
@ExtendWith(ApplicationExtension.class)
class DialogKeysTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void errorWindowClosesWithEscape(FxRobot robot) throws TimeoutException {
        Alert alert = showError(robot);

        robot.type(KeyCode.ESCAPE);
        WindowFixture.waitFor(() -> !alert.isShowing());
    }

    @Test
    void errorWindowClosesWithEnter(FxRobot robot) throws TimeoutException {
        Alert alert = showError(robot);

        robot.type(KeyCode.ENTER);
        WindowFixture.waitFor(() -> !alert.isShowing());
        assertEquals(ButtonType.OK, alert.getResult());
    }

    @Test
    void errorIconNamed(FxRobot robot) throws TimeoutException {
        Alert alert = showError(robot);

        ImageView icon = (ImageView) alert.getDialogPane().lookup(".image-view");
        assertEquals(Messages.text("dialog.icon.ERROR"), icon.getAccessibleText());
        Button ok = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
        assertTrue(ok.isDefaultButton(), "OK is the default button");
        robot.interact(alert::close);
        assertFalse(alert.isShowing());
    }

    private Alert showError(FxRobot robot) throws TimeoutException {
        Alert[] shown = new Alert[1];
        robot.interact(() -> shown[0] = ErrorDialog.show(stage, "dialog keys test",
                new SealDropException("SD-S3-UNREACHABLE", "Storage not reachable; check the network.")));
        WindowFixture.waitFor(() -> shown[0].isShowing() && shown[0].getDialogPane().getScene().getWindow().isFocused());
        return shown[0];
    }
}

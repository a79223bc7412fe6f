package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.app.VaultState;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.ManagedFile;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings window on the real services (S3Proxy and the audit receiver on 127.0.0.1) and a real
 * home folder: saving writes {@code settings.json} and the idle timer uses the new time at once,
 * invalid values block Save, and settings that IT fixes are locked.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {

    @TempDir
    Path root;

    private final SettableClock clock = new SettableClock();
    private Stage stage;
    private WindowFixture fixture;
    private ManagedFile managed;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServers() throws IOException {
        fixture = WindowFixture.start(root.resolve("environment"), stage);
    }

    @AfterEach
    void stop() {
        fixture.close();
        if (managed != null) {
            managed.close();
        }
    }

    @Test
    void savedAutoLockAppliesAtOnce(FxRobot robot) throws TimeoutException {
        LocalServices services = showWindow(robot);
        robot.clickOn("#settingsButton");
        TextField autoLock = (TextField) WindowFixture.waitForShowing(robot, "#autoLockMinutes");

        robot.interact(() -> autoLock.setText(""));
        robot.clickOn(autoLock).write("2");
        robot.clickOn("#saveSettings");

        waitFor(() -> settingsStatus(robot).startsWith("Saved."), () -> settingsStatus(robot));
        assertTrue(settingsStatus(robot).contains("Auto-lock after minutes idle"), settingsStatus(robot));
        assertEquals(2, SettingsFile.read(services.home().settingsFile()).orElseThrow().autoLockMinutes());
        assertEquals(Duration.ofMinutes(2), services.vault().autoLockAfter());
        robot.clickOn("#closeSettings");
        waitFor(() -> window.settingsWindow() == null);

        // Two minutes would not reach the default ten, so only the saved time can lock here.
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());
    }

    @Test
    void restartSettingIsReported(FxRobot robot) throws TimeoutException {
        LocalServices services = showWindow(robot);
        robot.interact(window::openSettings);
        TextField partSize = (TextField) WindowFixture.waitForShowing(robot, "#partSizeMiB");

        robot.interact(() -> partSize.setText("16"));
        robot.clickOn("#saveSettings");

        waitFor(() -> settingsStatus(robot).startsWith("Saved."), () -> settingsStatus(robot));
        assertTrue(settingsStatus(robot).contains("after the next start"), settingsStatus(robot));
        assertEquals(16, SettingsFile.read(services.home().settingsFile()).orElseThrow().partSizeMiB());
        assertEquals(8, services.settings().orElseThrow().partSizeMiB(), "the running S3 client keeps its part size");
    }

    @Test
    void invalidPartSizeBlocksSave(FxRobot robot) throws TimeoutException {
        LocalServices services = showWindow(robot);
        robot.clickOn(robot.lookup("#documentTable").queryTableView()).press(KeyCode.SHORTCUT, KeyCode.COMMA)
                .release(KeyCode.COMMA, KeyCode.SHORTCUT);
        TextField partSize = (TextField) WindowFixture.waitForShowing(robot, "#partSizeMiB");

        robot.interact(() -> partSize.setText(""));
        robot.clickOn(partSize).write("4");

        Label problem = robot.lookup("#partSizeMiBProblem").queryAs(Label.class);
        waitFor(() -> problem.getText().equals("Enter a number from 5 to 5120."), problem::getText);
        assertTrue(robot.lookup("#saveSettings").queryButton().isDisabled());
        robot.interact(() -> partSize.setText("12"));
        assertEquals("", problem.getText());
        assertFalse(robot.lookup("#saveSettings").queryButton().isDisabled());
        assertEquals(8, SettingsFile.read(services.home().settingsFile()).orElseThrow().partSizeMiB());
    }

    @Test
    void managedFieldIsLocked(FxRobot robot) throws TimeoutException {
        managed = ManagedFile.write(root.resolve("it"), "{\"autoLockMinutes\": 2, \"auditPolicy\": \"queued\"}");
        showWindow(robot);
        robot.clickOn("#settingsButton");
        TextField autoLock = (TextField) WindowFixture.waitForShowing(robot, "#autoLockMinutes");

        assertTrue(autoLock.isDisabled());
        assertEquals("2", autoLock.getText());
        assertEquals("Set by your IT department", autoLock.getAccessibleHelp());
        Label lock = robot.lookup("#autoLockMinutesLock").queryAs(Label.class);
        assertEquals("Set by your IT department", lock.getAccessibleText());
        assertTrue(lock.getTooltip().getText().contains(managed.file().toString()), lock.getTooltip().getText());
        TextField vaultId = robot.lookup("#vaultId").queryAs(TextField.class);
        assertTrue(vaultId.getText().matches("[0-9a-f-]{36}"), vaultId.getText());
        assertFalse(vaultId.isEditable());
        assertTrue(robot.lookup("#auditPolicy").query().isDisabled());
        assertFalse(robot.lookup("#partSizeMiB").query().isDisabled());
        assertTrue(robot.lookup("#partSizeMiBLock").tryQuery().isEmpty());
        assertTrue(robot.lookup("#saveSettings").queryButton().isDisabled());
    }

    @Test
    void disabledExportShowsReason(FxRobot robot) throws IOException, TimeoutException {
        managed = ManagedFile.write(root.resolve("it"), "{\"exportAllowed\": false}");
        LocalServices services = fixture.services();
        Path pdf = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("referral.pdf"));
        services.documents().upload(pdf, null, TransferListener.NONE);
        showWindow(robot);
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn(table).type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1);
        ViewerWindow viewer = window.viewers().get(0);
        Path target = root.resolve("copy.pdf");

        robot.interact(() -> viewer.saveCopyTo(target));

        String title = Messages.text("error.known.SD-EXPORT-DISABLED.title");
        waitFor(() -> errorHeaders(robot).contains(title), () -> errorHeaders(robot));
        assertFalse(Files.exists(target), "no decrypted copy");
    }

    private LocalServices showWindow(FxRobot robot) throws TimeoutException {
        LocalServices services = fixture.services();
        window = fixture.showUnlocked(robot, () -> MainWindow.show(stage, services.vault(), services.documents(),
                fixture.executor(), clock));
        waitFor(() -> window.autoLock().isRunning());
        return services;
    }

    private static String settingsStatus(FxRobot robot) {
        return robot.lookup("#settingsStatus").tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    /** Header texts of the dialogs that are showing. */
    private static String errorHeaders(FxRobot robot) {
        StringBuilder headers = new StringBuilder();
        robot.interact(() -> {
            for (Window shown : Window.getWindows()) {
                if (shown.getScene() != null && shown.getScene().getRoot() instanceof DialogPane pane) {
                    headers.append(pane.getHeaderText()).append('\n');
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return headers.toString();
    }

}

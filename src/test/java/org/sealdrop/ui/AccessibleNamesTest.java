package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
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
import org.sealdrop.SealDropException;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks every screen the window reaches on the real services (set-up form, recovery key, unlock,
 * documents view with rows, duplicate question, viewer, error window) and fails on any control a
 * screen reader reaches without a name, and on a dialog whose Enter or Escape does nothing. Each check
 * covers every window that shows at that moment, so new screens and dialogs are checked as soon as a
 * step here opens them.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {

    @TempDir
    Path root;

    private WindowFixture fixture;
    private Stage stage;

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
        closeDialogs();
        fixture.close();
    }

    @Test
    void firstRunScreensNamed(FxRobot robot) throws TimeoutException {
        TestEnvironment environment = fixture.environment();
        try (LocalServices fresh = LocalServices.open(new HomeFolder(root.resolve("new-home")), environment.options())) {
            fixture.show(robot, () -> MainWindow.show(stage, fresh.vault(), fresh.documents(), fixture.executor()));
            waitForStep(robot, 1);
            assertAllNamed("wizard, create or join");

            robot.interact(() -> robot.lookup("#modeJoin").queryAs(RadioButton.class).setSelected(true));
            assertAllNamed("wizard, join chosen");
            robot.interact(() -> {
                robot.lookup("#modeCreate").queryAs(RadioButton.class).setSelected(true);
                robot.lookup("#wizardNext").queryButton().fire();
            });
            waitForStep(robot, 2);
            robot.interact(() -> {
                text(robot, "#endpointField").setText(environment.s3().endpoint().toString());
                text(robot, "#bucketField").setText(TestEnvironment.BUCKET);
                text(robot, "#prefixField").setText("names/");
            });
            assertAllNamed("wizard, storage");

            robot.interact(() -> robot.lookup("#wizardNext").queryButton().fire());
            waitForStep(robot, 3);
            robot.interact(() -> {
                text(robot, "#auditUrlField").setText(environment.receiver().baseUrl().toString());
                text(robot, "#tokenFileField").setText(environment.tokenFile().toString());
            });
            assertAllNamed("wizard, audit receiver");

            robot.interact(() -> robot.lookup("#wizardNext").queryButton().fire());
            waitForStep(robot, 4);
            robot.interact(() -> {
                robot.lookup("#passphraseField").queryAs(PasswordField.class).setText("names test passphrase");
                robot.lookup("#confirmationField").queryAs(PasswordField.class).setText("names test passphrase");
            });
            assertAllNamed("wizard, passphrase");

            robot.interact(() -> robot.lookup("#wizardNext").queryButton().fire());
            waitForStep(robot, 5);
            assertAllNamed("wizard, recovery key");
            closeDialogs();
            fixture.executor().shutdownNow();
        }
    }

    @Test
    void unlockedScreensNamed(FxRobot robot) throws TimeoutException, IOException {
        LocalServices services = fixture.services();
        Path pdf = Files.copy(Corpus.pdf("pdflatex-4-pages.pdf"), root.resolve("Referral letter.pdf"));
        services.documents().upload(pdf, "P-1001", TransferListener.NONE);
        services.documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE);

        fixture.showLocked(robot);
        assertAllNamed("unlock form");
        robot.interact(() -> {
            robot.lookup("#unlockPassphrase").queryAs(PasswordField.class).setText(TestEnvironment.PASSPHRASE);
            robot.lookup("#unlockButton").queryButton().fire();
        });
        waitFor(() -> fixture.window().documentsView() != null);
        TableView<DocumentSummary> table = AccessibilityChecks.documentTable(robot);
        waitFor(() -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertAllNamed("documents view");

        robot.interact(() -> fixture.window().documentsView().addDroppedFiles(List.of(pdf.toFile())));
        WindowFixture.waitForShowing(robot, "#duplicateDialog");
        assertAllNamed("duplicate question");
        closeDialogs();

        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitFor(() -> fixture.window().viewers().size() == 1);
        WindowFixture.waitForShowing(robot, "#pageImage");
        waitFor(() -> robot.lookup("#pageImage").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        assertAllNamed("viewer");
        robot.interact(() -> fixture.window().closeViewers());

        robot.interact(() -> ErrorDialog.show(stage, "names test",
                new SealDropException("SD-INTEGRITY", "Document altered; tell IT.")));
        WindowFixture.waitForShowing(robot, ".dialog-pane");
        robot.interact(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).setExpanded(true));
        assertAllNamed("error window with details");
    }

    /** Fails with every unnamed control of every showing window, and every dialog without Enter or Escape. */
    private static void assertAllNamed(String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> unnamed = new ArrayList<>();
        int[] windows = new int[1];
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    windows[0]++;
                    unnamed.addAll(AccessibilityChecks.unnamedNodes(window.getScene().getRoot()));
                    unnamed.addAll(AccessibilityChecks.dialogKeyProblems(window.getScene().getRoot()));
                }
            }
        });
        assertTrue(windows[0] > 0, "no window shows for " + screen);
        assertEquals(List.of(), unnamed, "controls without an accessible name on the " + screen);
    }

    /** Closes every window except the test's stage, such as dialogs left open by a step. */
    private void closeDialogs() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            for (Window window : new ArrayList<>(Window.getWindows())) {
                if (window != stage && window.isShowing()) {
                    window.hide();
                }
            }
        });
    }

    private static void waitForStep(FxRobot robot, int number) throws TimeoutException {
        waitFor(() -> robot.lookup("#wizardStep").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("Step " + number + " "))
                .orElse(false));
    }

    private static TextField text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }
}

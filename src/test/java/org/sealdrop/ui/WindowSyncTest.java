package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window of a second computer on the real services: after an unlock it syncs its index with the
 * bucket and lists what the first computer uploaded.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSyncTest {

    @TempDir
    Path root;

    private WindowFixture fixture;
    private LocalServices second;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServices() throws IOException {
        fixture = WindowFixture.start(root.resolve("environment"), stage);
        fixture.services();
        second = LocalServices.open(new HomeFolder(root.resolve("second")), fixture.environment().options());
        second.vault().setUp(fixture.environment().vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray(), false);
        second.vault().lock();
    }

    @AfterEach
    void stopServices() {
        // The second computer's window runs its work on the fixture's executor, so that stops first.
        fixture.executor().shutdownNow();
        second.close();
        fixture.close();
    }

    @Test
    void unlockListsDocumentsOfTheOtherComputer(FxRobot robot) throws TimeoutException {
        DocumentSummary uploaded = fixture.services().documents()
                .upload(Corpus.pdf("minimal-document.pdf"), "MRN 0042", TransferListener.NONE);
        fixture.showLocked(robot, () -> MainWindow.show(stage, second.vault(), second.documents(), fixture.executor()));

        robot.clickOn("#unlockPassphrase").write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);

        waitFor(() -> robot.lookup("#documentTable").tryQuery().isPresent());
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        assertEquals(List.of(uploaded), List.copyOf(table.getItems()));
    }
}

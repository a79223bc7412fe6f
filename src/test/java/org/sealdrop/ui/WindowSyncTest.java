package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window of a second computer on the real services: after an unlock it syncs its index with the
 * bucket and lists what the first computer uploaded.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSyncTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path root;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private TestEnvironment environment;
    private LocalServices second;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServices() throws IOException {
        environment = TestEnvironment.start(root.resolve("environment"));
        environment.services();
        second = LocalServices.open(new HomeFolder(root.resolve("second")), environment.options());
        second.vault().setUp(environment.vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray(), false);
        second.vault().lock();
    }

    @AfterEach
    void stopServices() {
        executor.shutdownNow();
        second.close();
        environment.close();
    }

    @Test
    void unlockListsDocumentsOfTheOtherComputer(FxRobot robot) throws TimeoutException {
        DocumentSummary uploaded = environment.services().documents()
                .upload(Corpus.pdf("minimal-document.pdf"), "MRN 0042", TransferListener.NONE);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = MainWindow.show(stage, second.vault(), second.documents(), executor));
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());

        robot.clickOn("#unlockPassphrase").write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);

        waitFor(() -> robot.lookup("#documentTable").tryQuery().isPresent());
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        assertEquals(List.of(uploaded), List.copyOf(table.getItems()));
    }

    private static void waitFor(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::get);
    }
}

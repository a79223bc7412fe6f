package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.InterruptedUpload;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the real services with an upload that was killed in a forked JVM: after unlock the
 * transfer list shows it as a resumed row, which finishes, and the document table lists it.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeAtUnlockTest {

    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path root;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private TestEnvironment environment;
    private InterruptedUpload interrupted;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        if (interrupted != null) {
            interrupted.proxy().close();
        }
        environment.close();
    }

    @Test
    void pendingUploadFinishesAfterUnlock(FxRobot robot) throws Exception {
        environment = TestEnvironment.start(root.resolve("environment"));
        interrupted = new InterruptedUpload(environment, 4L * InterruptedUpload.MIB);
        Path source = InterruptedUpload.writeRandomFile(root.resolve("scan.bin"), 20L * InterruptedUpload.MIB, 6);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 1);
        interrupted.proxy().limit(0);
        LocalServices services = environment.services();

        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = MainWindow.show(stage, services.vault(), services.documents(), executor));
        waitFor(() -> window[0].documentsView() != null);
        List<TransferItem> transfers = window[0].documentsView().transfers().items();

        waitFor(() -> transfers.size() == 1 && transfers.get(0).state().isFinal());
        TransferItem row = transfers.get(0);
        assertEquals(TransferState.UPLOADED, row.state(), row.problemProperty().get());
        assertTrue(row.displayName().startsWith("scan.bin"), row.displayName());
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        assertEquals(killed.id(), table.getItems().get(0).id());

        Path exported = root.resolve("exported.bin");
        services.documents().export(killed.id(), exported, TransferListener.NONE);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(exported));
    }

    private static void waitFor(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::get);
    }
}

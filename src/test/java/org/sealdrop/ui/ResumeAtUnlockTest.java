package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window on the real services with an upload that was killed in a forked JVM: after unlock the
 * transfer list shows it as a resumed row, which finishes, and the document table lists it.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeAtUnlockTest {

    @TempDir
    Path root;

    private WindowFixture fixture;
    private InterruptedUpload interrupted;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (interrupted != null) {
            interrupted.proxy().close();
        }
        fixture.close();
    }

    @Test
    void pendingUploadFinishesAfterUnlock(FxRobot robot) throws Exception {
        fixture = WindowFixture.start(root.resolve("environment"), stage);
        interrupted = new InterruptedUpload(fixture.environment(), 4L * InterruptedUpload.MIB);
        Path source = InterruptedUpload.writeRandomFile(root.resolve("scan.bin"), 20L * InterruptedUpload.MIB, 6);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 1);
        interrupted.proxy().limit(0);
        LocalServices services = fixture.services();

        fixture.showUnlocked(robot);
        List<TransferItem> transfers = fixture.transfers();

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
}

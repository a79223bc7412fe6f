package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.VaultState;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.ui.documents.FileChoosers;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;

/**
 * The documents toolbar on the real services: "Add files…" and "Add folder…" with choosers that return
 * files directly (a native dialog cannot be driven headless), the Shortcut+O and Shortcut+L keys, and
 * Lock.
 */
class DocumentsToolbarTest extends MainWindowTest {

    private final Choosers choosers = new Choosers();

    @Test
    void addFilesUploadsChosenFiles(FxRobot robot) throws Exception {
        choosers.files = List.of(copy(Corpus.image("smile.png"), "photo.png"), copy(Corpus.pdf("minimal-document.pdf"),
                "referral.pdf"));
        showWindow(robot);
        robot.clickOn("#patientReference").write("MRN-0042");

        robot.clickOn("#addFilesButton");

        waitFor(() -> fixture.transfers().size() == 2
                && fixture.transfers().stream().allMatch(item -> item.state() == TransferState.UPLOADED));
        List<DocumentSummary> listed = services.documents().list();
        assertEquals(List.of("photo.png", "referral.pdf"), listed.stream().map(DocumentSummary::name).sorted().toList());
        assertTrue(listed.stream().allMatch(document -> "MRN-0042".equals(document.patientReference())));
        assertEquals(stage, choosers.owner, "the chooser belongs to the main window");
    }

    @Test
    void cancelledChooserAddsNothing(FxRobot robot) throws Exception {
        choosers.files = List.of();
        showWindow(robot);

        robot.clickOn("#addFilesButton");
        robot.clickOn("#addFolderButton");

        assertEquals(1, choosers.fileCalls.get());
        assertEquals(1, choosers.folderCalls.get());
        assertEquals(List.of(), fixture.transfers());
    }

    @Test
    void addFolderExpandsLikeDrop(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(root.resolve("scans"));
        Files.copy(Corpus.image("smile.png"), Files.createDirectories(folder.resolve("2026")).resolve("photo.png"));
        Files.copy(Corpus.pdf("minimal-document.pdf"), folder.resolve("referral.pdf"));
        Files.writeString(folder.resolve(".~lock.referral.odt#"), "lock of an office suite");
        Files.writeString(folder.resolve("Thumbs.db"), "thumbnails");
        choosers.folder = folder.toFile();
        showWindow(robot);

        robot.clickOn("#addFolderButton");

        waitFor(() -> fixture.transfers().size() == 4 && fixture.transfers().stream().allMatch(item -> item.state().isFinal()));
        assertEquals(2, fixture.transfers().stream().filter(item -> item.state() == TransferState.UPLOADED).count());
        assertEquals(2, fixture.transfers().stream().filter(item -> item.state() == TransferState.SKIPPED).count());
        assertEquals(List.of("photo.png", "referral.pdf"),
                services.documents().list().stream().map(DocumentSummary::name).sorted().toList());
    }

    @Test
    void shortcutOpensFileChooser(FxRobot robot) throws Exception {
        choosers.files = List.of(copy(Corpus.image("smile.png"), "photo.png"));
        showWindow(robot);

        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);

        waitFor(() -> fixture.transfers().size() == 1 && fixture.transfers().get(0).state() == TransferState.UPLOADED);
        assertEquals(1, choosers.fileCalls.get());
    }

    @Test
    void shortcutLocks(FxRobot robot) throws Exception {
        showWindow(robot);

        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);

        WindowFixture.waitForShowing(robot, "#unlockPassphrase");
        assertEquals(VaultState.LOCKED, services.vault().state());
        // The passphrase prompt shares the scene, and there the shortcuts must be gone.
        assertFalse(stage.getScene().getAccelerators().containsKey(KeyCombination.keyCombination("Shortcut+O")));
        assertFalse(stage.getScene().getAccelerators().containsKey(KeyCombination.keyCombination("Shortcut+L")));
        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        assertEquals(0, choosers.fileCalls.get());
    }

    @Test
    void lockButtonSitsInToolbar(FxRobot robot) throws Exception {
        showWindow(robot);
        Node toolbar = robot.lookup("#documentsToolbar").query();
        assertTrue(robot.from(toolbar).lookup("#lockButton").tryQuery().isPresent());
        assertTrue(robot.from(toolbar).lookup("#addFilesButton").tryQuery().isPresent());

        robot.clickOn("#lockButton");

        WindowFixture.waitForShowing(robot, "#unlockPassphrase");
        assertEquals(VaultState.LOCKED, services.vault().state());
    }

    private File copy(Path source, String name) throws Exception {
        return Files.copy(source, root.resolve(name)).toFile();
    }

    private void showWindow(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        robot.interact(() -> window.documentsView().useFileChoosers(choosers));
    }

    /** Choosers that return what the test set, as if the user picked it, and count their calls. */
    private static final class Choosers implements FileChoosers {
        volatile List<File> files = List.of();
        volatile File folder;
        volatile Window owner;
        final AtomicInteger fileCalls = new AtomicInteger();
        final AtomicInteger folderCalls = new AtomicInteger();

        @Override
        public List<File> chooseFiles(Window owner) {
            this.owner = owner;
            fileCalls.incrementAndGet();
            return new ArrayList<>(files);
        }

        @Override
        public File chooseFolder(Window owner) {
            this.owner = owner;
            folderCalls.incrementAndGet();
            return folder;
        }
    }
}

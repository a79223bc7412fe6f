package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferQueue;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * What clinic staff drop into the real window (real services on S3Proxy and the audit receiver):
 * duplicates, hundreds of files, names of 240 characters, files that vanish or cannot be read. Files
 * go in through the drop handler, which the drop zone calls with {@code Dragboard.getFiles()}.
 */
class AwkwardDropTest extends MainWindowTest {

    @Test
    void duplicatesAreListedAndSkipped(FxRobot robot) throws Exception {
        DocumentSummary existing = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        showWindow(robot);
        Path folder = Files.createDirectories(root.resolve("desktop"));
        Path sameAsVault = Files.copy(Corpus.pdf("minimal-document.pdf"), folder.resolve("a referral again.pdf"));
        Path fresh = Files.copy(Corpus.image("smile.png"), folder.resolve("b photo.png"));
        Path sameAsFresh = Files.copy(fresh, folder.resolve("c photo copy.png"));

        drop(robot, folder);
        waitFor(() -> robot.lookup("#duplicateDialog").tryQuery().isPresent());
        ListView<String> listed = robot.lookup("#duplicateList").queryListView();
        assertEquals(List.of("a referral again.pdf: already in the vault",
                "c photo copy.png: same content as b photo.png in this drop"), List.copyOf(listed.getItems()));
        // Both lines fit: the dialog once squeezed its list to a single pixel row.
        waitFor(() -> listed.getHeight() >= 2 * 26);
        clickWhenVisible(robot, "#skipDuplicatesButton");

        waitFor(() -> transfers().size() == 3 && transfers().stream().allMatch(item -> item.state().isFinal()));
        assertEquals(TransferState.UPLOADED, item(fresh).state());
        assertEquals(TransferState.SKIPPED, item(sameAsVault).state());
        assertEquals(Messages.text("transfer.skipped.DUPLICATE_IN_VAULT"), item(sameAsVault).problemProperty().get());
        assertEquals(TransferState.SKIPPED, item(sameAsFresh).state());
        assertEquals(Messages.text("transfer.skipped.DUPLICATE_IN_DROP"), item(sameAsFresh).problemProperty().get());
        List<DocumentSummary> documents = services.documents().list();
        assertEquals(2, documents.size());
        assertTrue(documents.stream().anyMatch(document -> document.id().equals(existing.id())));
    }

    @Test
    void addAnywayUploadsDuplicates(FxRobot robot) throws Exception {
        services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        showWindow(robot);
        Path again = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("referral again.pdf"));

        drop(robot, again);
        waitFor(() -> robot.lookup("#duplicateDialog").tryQuery().isPresent());
        clickWhenVisible(robot, "#addDuplicatesButton");

        waitFor(() -> transfers().size() == 1 && transfers().get(0).state().isFinal());
        assertEquals(TransferState.UPLOADED, transfers().get(0).state());
        assertEquals(2, services.documents().list().size());
    }

    @Test
    void lockClosesDuplicateQuestion(FxRobot robot) throws Exception {
        services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        showWindow(robot);
        Path again = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("referral again.pdf"));
        drop(robot, again);
        waitFor(() -> robot.lookup("#duplicateDialog").tryQuery().isPresent());

        // Locking stops the view; the question lists file names, so it must close with it.
        robot.interact(() -> window.documentsView().stop());

        waitFor(() -> robot.lookup("#duplicateDialog").tryQuery().isEmpty());
        assertEquals(List.of(), transfers());
        assertEquals(1, services.documents().list().size());
    }

    @Test
    void fileVanishedBeforeItsUpload(FxRobot robot) throws Exception {
        services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        showWindow(robot);
        Path again = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("referral again.pdf"));
        Path usbStick = Files.copy(Corpus.image("smile.png"), root.resolve("on the USB stick.png"));

        drop(robot, again, usbStick);
        waitFor(() -> robot.lookup("#duplicateDialog").tryQuery().isPresent());
        // The stick is pulled while the dialog waits: the drop was checked, the upload has not started.
        Files.delete(usbStick);
        clickWhenVisible(robot, "#skipDuplicatesButton");

        waitFor(() -> transfers().size() == 2 && transfers().stream().allMatch(item -> item.state().isFinal()));
        TransferItem vanished = item(usbStick);
        assertEquals(TransferState.FAILED, vanished.state());
        assertEquals(ErrorCatalog.presentation("SD-SOURCE-MISSING", null).text(), vanished.problemProperty().get());
        assertEquals(1, services.documents().list().size());
    }

    @Test
    void readErrorShowsInItsRow(FxRobot robot) throws Exception {
        Path failing = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(failing), "Linux /proc");
        showWindow(robot);

        drop(robot, failing);

        waitFor(() -> transfers().size() == 1 && transfers().get(0).state().isFinal());
        assertEquals(TransferState.FAILED, transfers().get(0).state());
        String problem = transfers().get(0).problemProperty().get();
        assertEquals(ErrorCatalog.presentation("SD-SOURCE-UNREADABLE", null).text(), problem);
        assertEquals(List.of(), services.documents().list());
    }

    @Test
    void threeHundredFilesQueueAndAllFinish(FxRobot robot) throws Exception {
        showWindow(robot);
        Path folder = Files.createDirectories(root.resolve("scans"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(folder.resolve(String.format("scan-%03d.txt", i)), "page " + i + "\n", StandardCharsets.UTF_8);
        }
        AtomicInteger maxUploading = new AtomicInteger();
        AtomicInteger maxQueuedWhileUploading = new AtomicInteger();
        robot.interact(() -> watchStates(maxUploading, maxQueuedWhileUploading));

        drop(robot, folder);

        waitFor(() -> transfers().size() == 300 && transfers().stream().allMatch(item -> item.state().isFinal()));
        for (TransferItem item : transfers()) {
            assertEquals(TransferState.UPLOADED, item.state(), item.displayName() + ": " + item.problemProperty().get());
        }
        assertEquals(300, services.documents().list().size());
        assertTrue(maxUploading.get() <= TransferQueue.MAX_CONCURRENT_UPLOADS,
                maxUploading.get() + " uploads ran at once");
        assertTrue(maxUploading.get() >= 1);
        assertTrue(maxQueuedWhileUploading.get() > 0, "files waited in the queue while others uploaded");
    }

    @Test
    void longNameIsCutAndShownWhole(FxRobot robot) throws Exception {
        showWindow(robot);
        Path folder = Files.createDirectories(root.resolve("c".repeat(150)).resolve("Überweisungen " + "d".repeat(120)));
        String name = "Überweisung Müller-Lüdenscheidt Ärztin Öztürk " + "x".repeat(190) + ".pdf";
        assertEquals(240, name.length());
        Path file = Files.copy(Corpus.pdf("minimal-document.pdf"), folder.resolve(name));

        drop(robot, file);

        waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.UPLOADED);
        assertEquals(name, services.documents().list().get(0).name());
        ListView<TransferItem> list = robot.lookup("#transferList").queryListView();
        Label shown = robot.from(list).lookup(".transfer-name").queryAs(Label.class);
        assertEquals(name, shown.getText());
        assertEquals(name, shown.getTooltip().getText());
        String drawn = ((Text) shown.lookup(".text")).getText();
        assertTrue(drawn.contains(shown.getEllipsisString()), "the row cuts the name with an ellipsis: " + drawn);
        assertTrue(drawn.endsWith(".pdf"), "the cut keeps the extension: " + drawn);
        Node state = robot.from(list).lookup(".transfer-state").query();
        assertTrue(state.getBoundsInParent().getMaxX() <= list.getWidth(), "the state text stays inside the list");
        assertTrue(state.getLayoutBounds().getWidth() > 0, "the state text keeps room");

        waitFor(() -> robot.lookup("#documentTable").queryTableView().getItems().size() == 1);
        // Cells are filled on a layout pulse, so the lookup repeats on the application thread until one shows the name.
        TableCell<?, ?>[] cell = new TableCell<?, ?>[1];
        waitFor(() -> {
            robot.interact(() -> cell[0] = (TableCell<?, ?>) robot.lookup(".table-cell")
                    .match((Node node) -> node instanceof TableCell && name.equals(((TableCell<?, ?>) node).getItem()))
                    .tryQuery().orElse(null));
            return cell[0] != null;
        });
        assertNotNull(cell[0].getTooltip());
        assertEquals(name, cell[0].getTooltip().getText());
    }

    /** Records the largest number of rows uploading at once, and of rows queued meanwhile. */
    private void watchStates(AtomicInteger maxUploading, AtomicInteger maxQueuedWhileUploading) {
        Runnable count = () -> {
            int uploading = 0;
            int queued = 0;
            for (TransferItem item : transfers()) {
                if (item.state() == TransferState.UPLOADING) {
                    uploading++;
                } else if (item.state() == TransferState.QUEUED) {
                    queued++;
                }
            }
            maxUploading.accumulateAndGet(uploading, Math::max);
            if (uploading > 0) {
                maxQueuedWhileUploading.accumulateAndGet(queued, Math::max);
            }
        };
        // The list reports each state change as an update, so every transition is counted.
        window.documentsView().transfers().items().addListener((ListChangeListener<TransferItem>) change -> count.run());
    }

    /** Clicks a dialog button once the dialog is on screen; the pane exists before the window shows. */
    private static void clickWhenVisible(FxRobot robot, String query) throws TimeoutException {
        waitFor(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn(query);
    }

    private void drop(FxRobot robot, Path... paths) {
        List<File> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(path.toFile());
        }
        robot.interact(() -> window.documentsView().addDroppedFiles(files));
    }

    private TransferItem item(Path file) {
        return transfers().stream().filter(item -> item.file().getFileName().equals(file.getFileName()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + file.getFileName()));
    }

    private void showWindow(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
    }

    private List<TransferItem> transfers() {
        return fixture.transfers();
    }
}

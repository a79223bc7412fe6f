package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.DocumentTableSteps.names;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.VaultState;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.sealdrop.ui.viewer.Watermark;
import org.testfx.api.FxRobot;

/**
 * One working day at the front desk, in one window on the real services. Ten corpus files are
 * dropped in two batches with a patient reference each. The test then searches as you type, opens a
 * document with Enter, checks the watermark, saves a decrypted copy, deletes another document, and
 * locks and unlocks. Every step that touches a document leaves its event at the audit receiver.
 */
class ClinicDayWindowTest extends MainWindowTest {

    private static final List<Path> MORNING = List.of(Corpus.pdf("pdflatex-4-pages.pdf"),
            Corpus.pdf("crazyones-pdfa.pdf"), Corpus.pdf("minimal-document.pdf"), Corpus.pdf("multicolumn.pdf"),
            Corpus.image("smile.png"));
    private static final List<Path> AFTERNOON = List.of(Corpus.pdf("google-doc-document.pdf"),
            Corpus.pdf("grayscale-image.pdf"), Corpus.pdf("pdflatex-outline.pdf"), Corpus.image("image.jpg"),
            Corpus.image("smile.tiff"));

    @Test
    void dropSearchOpenSaveDeleteLockUnlock(FxRobot robot) throws IOException, TimeoutException {
        window = fixture.showUnlocked(robot);
        DocumentTableSteps steps = new DocumentTableSteps(robot, fixture);

        drop(robot, "MRN-4471", MORNING);
        drop(robot, "MRN-5520", AFTERNOON);
        waitFor(() -> fixture.transfers().size() == 10 && fixture.transfers().stream().allMatch(item -> item.state().isFinal()));
        for (TransferItem item : fixture.transfers()) {
            assertEquals(TransferState.UPLOADED, item.state(), item.displayName() + ": " + item.problemProperty().get());
        }
        TableView<DocumentSummary> table = steps.tableWith(10);

        // Search as you type: a patient reference, then a name word and a reference together.
        robot.clickOn("#documentSearch").write("5520");
        waitFor(() -> table.getItems().size() == 5);
        assertEquals(Messages.text("documents.search.countMatching", 5, 10), label(robot, "#documentCount"));
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> table.getItems().size() == 10);
        robot.clickOn("#documentSearch").write("crazy 4471");
        waitFor(() -> table.getItems().size() == 1);
        assertEquals(List.of("crazyones-pdfa.pdf"), names(table));

        // Open with Enter: the page shows under a watermark naming user and device.
        steps.select(table, "crazyones-pdfa.pdf");
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1);
        ViewerWindow viewer = window.viewers().get(0);
        waitFor(() -> viewer.stage().getScene().lookup("#pageImage") instanceof ImageView page && page.getImage() != null);
        Watermark watermark = (Watermark) viewer.stage().getScene().lookup("#watermark");
        assertTrue(watermark.isVisible(), "the watermark shows");
        AuditIdentity identity = services.documents().auditIdentity().orElseThrow();
        assertTrue(watermark.text().contains(identity.user()), watermark.text());
        assertTrue(watermark.text().contains(identity.deviceId()), watermark.text());

        // Save a decrypted copy: the same bytes as the file that was dropped.
        DocumentSummary opened = table.getItems().get(0);
        Path copy = root.resolve("copies").resolve("crazyones copy.pdf");
        Files.createDirectories(copy.getParent());
        robot.interact(() -> viewer.saveCopyTo(copy));
        // The copy is written under a temporary name and renamed once its last chunk is verified.
        waitFor(() -> Files.exists(copy));
        assertArrayEquals(Files.readAllBytes(Corpus.pdf("crazyones-pdfa.pdf")), Files.readAllBytes(copy));
        robot.interact(viewer::close);
        waitFor(() -> window.viewers().isEmpty());

        // Delete another document after confirming.
        robot.clickOn("#documentSearch");
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> table.getItems().size() == 10);
        DocumentSummary doomed = table.getItems().stream().filter(row -> row.name().equals("smile.tiff")).findFirst()
                .orElseThrow();
        steps.select(table, "smile.tiff");
        robot.type(KeyCode.DELETE);
        steps.dialogWithHeader(Messages.text("documents.delete.header", "smile.tiff"));
        steps.clickVisible("#confirmDeleteButton");
        waitFor(() -> table.getItems().size() == 9);
        assertFalse(steps.objectExists(doomed.id()), "the deleted object is gone from the bucket");

        // Lock, then unlock: the list comes back without the deleted document.
        robot.clickOn("#lockButton");
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());
        robot.clickOn("#unlockPassphrase").write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);
        TableView<DocumentSummary> unlocked = steps.tableWith(9);
        assertFalse(names(unlocked).contains("smile.tiff"));

        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(1, steps.receivedEvents(opened.id(), "open", "success"));
        assertEquals(1, steps.receivedEvents(opened.id(), "export", "success"));
        assertEquals(1, steps.receivedEvents(doomed.id(), "delete", "success"));
        assertEquals(10, fixture.environment().receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("upload")).count());
        assertTrue(fixture.environment().receivedEvents().stream()
                .anyMatch(event -> event.get("action").asText().equals("lock")), "the lock is recorded");
        assertTrue(fixture.environment().receivedEvents().stream()
                .anyMatch(event -> event.get("action").asText().equals("unlock")), "the unlock is recorded");
    }

    /** Types the batch's patient reference once and drops copies of {@code files} with their own names. */
    private void drop(FxRobot robot, String patientReference, List<Path> files) throws IOException {
        Path folder = Files.createDirectories(root.resolve("scans").resolve(patientReference));
        List<File> copies = new ArrayList<>();
        for (Path file : files) {
            copies.add(Files.copy(file, folder.resolve(file.getFileName())).toFile());
        }
        robot.clickOn("#patientReference").write(patientReference);
        // An operating-system drag cannot be made under headless Monocle, so the test calls the handler
        // that the drop zone passes the dragboard's files to.
        robot.interact(() -> window.documentsView().addDroppedFiles(copies));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}

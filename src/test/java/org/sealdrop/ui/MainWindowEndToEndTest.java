package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.DocumentTableSteps.visibleRow;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.VaultState;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.sealdrop.testsupport.Corpus;
import org.testfx.api.FxRobot;

/**
 * The main window on the real services: S3Proxy and the audit receiver on 127.0.0.1, a vault in a
 * temporary home folder. Files go in through the drop handler, come back through the viewer, and the
 * open shows up at the receiver.
 */
class MainWindowEndToEndTest extends MainWindowTest {

    @Test
    void dropUploadOpenAndAudit(FxRobot robot) throws IOException, TimeoutException {
        showWindow(robot);
        Path folder = Files.createDirectories(root.resolve("dropped").resolve("referrals"));
        Path pdf = Files.copy(Corpus.pdf("pdflatex-4-pages.pdf"), folder.resolve("referral-4-pages.pdf"));
        Files.copy(Corpus.image("smile.png"), folder.resolve("smile.png"));
        Path photo = Files.copy(Corpus.image("image.jpg"), root.resolve("dropped").resolve("photo.jpg"));

        // TestFX cannot synthesize an operating-system drag that carries files under headless Monocle,
        // so the test calls the handler that the drop zone's DRAG_DROPPED handler passes
        // Dragboard.getFiles() to.
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(folder.toFile(), photo.toFile())));

        waitFor(() -> transfers().size() == 3 && transfers().stream().allMatch(item -> item.state().isFinal()));
        for (TransferItem item : transfers()) {
            assertEquals(TransferState.UPLOADED, item.state(), item.displayName() + ": " + item.problemProperty().get());
        }
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);

        Node pdfRow = visibleRow(robot, table, pdf.getFileName().toString());
        robot.doubleClickOn(pdfRow);
        waitFor(() -> window.viewers().size() == 1);
        ViewerWindow viewer = window.viewers().get(0);
        waitFor(() -> viewer.stage().getScene().lookup("#pageImage") != null
                && ((ImageView) viewer.stage().getScene().lookup("#pageImage")).getImage() != null);

        assertEquals("1", ((TextField) viewer.stage().getScene().lookup("#pageField")).getText());
        assertEquals("of 4", ((Label) viewer.stage().getScene().lookup("#pageCount")).getText());

        UUID pdfId = table.getItems().stream().filter(summary -> summary.name().equals("referral-4-pages.pdf"))
                .findFirst().orElseThrow().id();
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(1, receivedActions(pdfId, "open"));
        assertEquals(1, receivedActions(pdfId, "upload"));
    }

    @Test
    void patientReferenceGoesWithNextBatchOnly(FxRobot robot) throws IOException, TimeoutException {
        showWindow(robot);
        Path first = Files.copy(Corpus.image("smile.png"), root.resolve("first.png"));
        Path second = Files.copy(Corpus.image("smile.jpg"), root.resolve("second.jpg"));

        robot.clickOn("#patientReference").write("MRN-0042");
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(first.toFile())));
        assertEquals("", robot.lookup("#patientReference").queryAs(TextField.class).getText());
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(second.toFile())));
        waitFor(() -> transfers().size() == 2 && transfers().stream().allMatch(item -> item.state() == TransferState.UPLOADED));

        List<DocumentSummary> listed = services.documents().list();
        assertEquals("MRN-0042", find(listed, "first.png").patientReference());
        assertEquals(null, find(listed, "second.jpg").patientReference());

        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 2);
        assertEquals("MRN-0042", table.getColumns().get(1).getCellData(
                table.getItems().stream().filter(item -> item.name().equals("first.png")).findFirst().orElseThrow()));
    }

    @Test
    void dropWithoutFilesShowsMessage(FxRobot robot) throws TimeoutException {
        showWindow(robot);

        robot.interact(() -> window.documentsView().addDroppedFiles(List.of()));

        assertEquals(Messages.text("dropZone.noFiles"), robot.lookup("#dropHint").queryAs(Label.class).getText());
        assertTrue(transfers().isEmpty());
    }

    @Test
    void lockThenWrongAndRightPassphrase(FxRobot robot) throws TimeoutException {
        showWindow(robot);

        robot.clickOn("#lockButton");
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());

        robot.clickOn("#unlockPassphrase").write("not the passphrase").type(KeyCode.ENTER);
        Label problem = robot.lookup("#unlockProblem").queryAs(Label.class);
        waitFor(() -> !problem.getText().isEmpty());
        assertEquals(ErrorCatalog.presentation("SD-WRONG-PASSPHRASE", null).text(), problem.getText());
        assertEquals(VaultState.LOCKED, services.vault().state());

        robot.clickOn("#unlockPassphrase").write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);
        waitFor(() -> window.documentsView() != null);
        assertEquals(VaultState.UNLOCKED, services.vault().state());
    }

    @Test
    void lockClosesViewers(FxRobot robot) throws IOException, TimeoutException {
        showWindow(robot);
        Path pdf = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("minimal.pdf"));
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(pdf.toFile())));
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn(table).type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1);
        Stage viewerStage = window.viewers().get(0).stage();

        robot.interact(() -> stage.toFront());
        robot.clickOn("#lockButton");

        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertTrue(window.viewers().isEmpty());
        assertTrue(!viewerStage.isShowing(), "the viewer window closed");
    }

    private void showWindow(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        assertNotNull(window.documentsView());
    }

    private long receivedEvents(UUID documentId, String action, String outcome) {
        return fixture.environment().receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .count();
    }

    private List<TransferItem> transfers() {
        return fixture.transfers();
    }

    private long receivedActions(UUID documentId, String action) {
        return fixture.environment().receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .count();
    }

    private static DocumentSummary find(List<DocumentSummary> documents, String name) {
        return documents.stream().filter(summary -> summary.name().equals(name)).findFirst().orElseThrow();
    }
}

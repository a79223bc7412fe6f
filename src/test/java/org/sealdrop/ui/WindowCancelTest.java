package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.DocumentTableSteps.visibleRow;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.ThrottlingProxy;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.sealdrop.testsupport.Corpus;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * Cancelling in the main window on the real services: S3Proxy and the audit receiver on 127.0.0.1,
 * slowed by a proxy so that a transfer is still running. An upload, a duplicate check, an open and a
 * saved copy each stop and leave nothing behind.
 */
class WindowCancelTest extends MainWindowTest {

    @Test
    void cancelRunningUploadLeavesNoDocument(FxRobot robot) throws IOException, TimeoutException {
        Path scan = root.resolve("scan-40-mb.bin");
        byte[] content = new byte[40 * 1024 * 1024];
        new Random(40).nextBytes(content);
        Files.write(scan, content);
        try (FaultProxy slowStore = FaultProxy.inFrontOf(fixture.environment().s3().endpoint(), Duration.ofSeconds(30))) {
            // 5 MiB parts, 2 at a time, at about 2 MB/s: the upload runs for many seconds.
            Settings current = services.settings().orElseThrow();
            services.reconfigure(SettingsCopies.of(current).endpoint(slowStore.endpoint()).parts(5, 5)
                    .uploadParallelism(2).build());
            slowStore.throttleRequestBodies(2 * 1024 * 1024);
            showWindow(robot);

            robot.interact(() -> window.documentsView().addDroppedFiles(List.of(scan.toFile())));
            // The row appears once the duplicate check has read the file.
            waitFor(() -> robot.lookup("#transferList .transfer-state").tryQuery().isPresent());
            waitFor(() -> transferStateText(robot).matches("Uploading: .* of 42 MB, .*/s, about .* left"),
                    () -> transferStateText(robot));
            robot.clickOn("#transferList .transfer-cancel");

            waitFor(() -> transfers().get(0).state().isFinal());
            assertEquals(TransferState.CANCELLED, transfers().get(0).state(), transfers().get(0).problemProperty().get());
            waitFor(() -> transferStateText(robot).equals(Messages.text("transfer.state.CANCELLED")),
                    () -> transferStateText(robot));
            assertEquals(List.of(), services.documents().list());
            TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
            assertTrue(table.getItems().isEmpty(), "the table lists no document");
        }
    }

    @Test
    void cancelDuringCheckSkipsUpload(FxRobot robot) throws IOException, TimeoutException {
        Path scan = writeRandomFile("scan-64-mb.bin", 64 * 1024 * 1024, 64);
        Path note = Files.copy(Corpus.image("smile.png"), root.resolve("smile.png"));
        try (FaultProxy slowList = FaultProxy.inFrontOf(fixture.environment().s3().endpoint(), Duration.ofSeconds(15))) {
            // Every listing responds 15 s late, so the sync that starts the duplicate check holds it that long.
            slowList.inject(FaultProxy.Fault.DELAY_RESPONSE, "list-type=2", 1, 1000);
            useStoreThrough(slowList.endpoint());
            showWindow(robot);

            robot.interact(() -> window.documentsView().addDroppedFiles(List.of(scan.toFile(), note.toFile())));

            // The rows are there before the check can end, because it still waits for the listing.
            waitFor(() -> transfers().size() == 2);
            TransferItem scanRow = transfers().get(0);
            assertEquals(TransferState.CHECKING, scanRow.state());
            Label state = stateLabelOf(robot, "scan-64-mb.bin");
            waitFor(() -> state.getText().startsWith("Checking for duplicates: "));
            assertEquals(TransferState.CHECKING, scanRow.state(), "the check has not ended");
            robot.clickOn(cancelButtonOf(robot, "scan-64-mb.bin"));

            assertEquals(TransferState.CANCELLED, scanRow.state());
            waitFor(() -> transfers().get(1).state().isFinal());
            assertEquals(TransferState.UPLOADED, transfers().get(1).state(), transfers().get(1).problemProperty().get());
            assertEquals(TransferState.CANCELLED, scanRow.state(), "the check's result does not revive the row");
            List<DocumentSummary> listed = services.documents().list();
            assertEquals(List.of("smile.png"), listed.stream().map(DocumentSummary::name).toList());
        }
    }

    @Test
    void cancelledOpenShowsNoDocument(FxRobot robot) throws IOException, TimeoutException {
        Path scan = writeRandomFile("scan-24-mb.bin", 24 * 1024 * 1024, 24);
        try (ThrottlingProxy slowDownlink = ThrottlingProxy.inFrontOf(fixture.environment().s3().endpoint(), 0)) {
            useStoreThrough(slowDownlink.endpoint());
            DocumentSummary uploaded = services.documents().upload(scan, null, TransferListener.NONE);
            slowDownlink.limitDownloads(1024 * 1024);
            showWindow(robot);
            TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
            waitFor(() -> table.getItems().size() == 1);

            robot.doubleClickOn(visibleRow(robot, table, "scan-24-mb.bin"));
            waitFor(() -> !transfers().isEmpty());
            Label state = stateLabelOf(robot, "scan-24-mb.bin");
            waitFor(() -> state.getText().matches("Opening: .* of 25 MB, .*/s, about .* left"));
            robot.clickOn(cancelButtonOf(robot, "scan-24-mb.bin"));

            waitFor(() -> transfers().get(0).state().isFinal());
            assertEquals(TransferState.CANCELLED, transfers().get(0).state());
            waitFor(() -> state.getText().equals(Messages.text("transfer.state.CANCELLED")));
            assertTrue(window.viewers().isEmpty(), "no viewer shows the document");
            assertEquals("uploaded", services.documents().list().get(0).status(), "the row stays as it was");
            assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
            assertEquals(0, receivedEvents(uploaded.id(), "open", "success"));
            assertEquals(1, receivedEvents(uploaded.id(), "open", "failure"));
        }
    }

    @Test
    void cancelledSaveLeavesNoFile(FxRobot robot) throws IOException, TimeoutException {
        Path scan = writeRandomFile("scan-16-mb.bin", 16 * 1024 * 1024, 16);
        Path folder = Files.createDirectories(root.resolve("copies"));
        try (ThrottlingProxy slowDownlink = ThrottlingProxy.inFrontOf(fixture.environment().s3().endpoint(), 0)) {
            useStoreThrough(slowDownlink.endpoint());
            DocumentSummary uploaded = services.documents().upload(scan, null, TransferListener.NONE);
            showWindow(robot);
            TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
            waitFor(() -> table.getItems().size() == 1);
            robot.doubleClickOn(visibleRow(robot, table, "scan-16-mb.bin"));
            waitFor(() -> window.viewers().size() == 1);
            ViewerWindow viewer = window.viewers().get(0);
            waitFor(() -> viewer.stage().getScene().lookup("#cannotShowMessage") != null);

            // The progress line takes the status text's place while the save runs, so look the text up before.
            Label status = (Label) viewer.stage().getScene().lookup("#viewerStatus");
            slowDownlink.limitDownloads(1024 * 1024);
            robot.interact(() -> viewer.saveCopyTo(folder.resolve("scan-copy.bin")));
            Label progress = (Label) viewer.stage().getScene().lookup("#saveProgressText");
            waitFor(() -> progress.getText().matches("Saving a decrypted copy: .* of 17 MB, .*/s, about .* left"));
            robot.clickOn(viewer.stage().getScene().lookup("#cancelSaveButton"));

            waitFor(() -> Messages.text("viewer.saveCopy.cancelled").equals(status.getText()));
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.toList(), "neither the copy nor a temporary file");
            }
            assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
            assertEquals(0, receivedEvents(uploaded.id(), "export", "success"));
            assertEquals(1, fixture.environment().receivedEvents().stream()
                    .filter(event -> event.get("action").asText().equals("export"))
                    .filter(event -> event.path("reason").asText().equals("cancelled"))
                    .count());
        }
    }

    private void showWindow(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        assertNotNull(window.documentsView());
    }

    /** Points the services at {@code endpoint}, a relay in front of S3Proxy, with 5 MiB parts sent 2 at a time. */
    private void useStoreThrough(URI endpoint) {
        Settings current = services.settings().orElseThrow();
        services.reconfigure(new Settings(endpoint, current.region(), current.bucket(), current.prefix(),
                current.pathStyle(), current.checksumMode(), current.auditUrl(), current.auditTokenFile(), 5, 5,
                current.autoLockMinutes(), 2));
    }

    private Path writeRandomFile(String name, int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return Files.write(root.resolve(name), content);
    }

    /** Finds the state text of the transfer row named {@code name}, once the list shows it. */
    private static Label stateLabelOf(FxRobot robot, String name) throws TimeoutException {
        return (Label) transferRowPart(robot, name, ".transfer-state");
    }

    private static Node cancelButtonOf(FxRobot robot, String name) throws TimeoutException {
        return transferRowPart(robot, name, ".transfer-cancel");
    }

    private static Node transferRowPart(FxRobot robot, String name, String styleClass) throws TimeoutException {
        Node[] found = new Node[1];
        waitFor(() -> {
            robot.interact(() -> found[0] = robot.lookup("#transferList .list-cell")
                    .match((ListCell<TransferItem> cell) -> cell.getItem() != null && cell.getItem().displayName().equals(name)
                            && NodeQueryUtils.isVisible().test(cell))
                    .tryQuery().map(cell -> cell.lookup(styleClass)).orElse(null));
            return found[0] != null;
        });
        return found[0];
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

    /**
     * Returns the state text of the transfer row on screen, or "" while there is none. The lookup runs
     * anew on the application thread each time, because the list replaces and empties its cells, and
     * an emptied cell's label keeps its last text.
     */
    private static String transferStateText(FxRobot robot) {
        String[] text = {""};
        robot.interact(() -> text[0] = robot.lookup("#transferList .transfer-state").match(NodeQueryUtils.isVisible())
                .tryQuery().map(node -> ((Label) node).getText()).orElse(""));
        return text[0];
    }
}

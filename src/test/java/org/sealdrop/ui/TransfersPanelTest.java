package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;


import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * The transfer panel and the status bar's connection text on the real services (S3Proxy and the audit
 * receiver on 127.0.0.1). It covers Retry after a failed upload, Clear finished, the collapsed summary,
 * a drop of corpus files, and the connection going offline and back.
 */
class TransfersPanelTest extends MainWindowTest {

    /** The status bar's text while the endpoint does not respond, with the local clock time of the first failure. */
    private static final String OFFLINE = "Offline since \\d\\d:\\d\\d \u2014 retrying";

    @Test
    void retryAfterFailureListsOnce(FxRobot robot) throws Exception {
        Path scan = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("referral Müller.pdf"));
        URI direct = services.settings().orElseThrow().endpoint();
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        rootLogger.addAppender(log);
        try (FaultProxy failingStore = FaultProxy.inFrontOf(direct, Duration.ofSeconds(5))) {
            // Every upload of an object gets 500 until the services go back to S3Proxy directly.
            failingStore.inject(FaultProxy.Fault.INTERNAL_ERROR, "^PUT .*/objects/", 1, Integer.MAX_VALUE);
            useEndpoint(failingStore.endpoint());
            showWindow(robot);
            robot.clickOn("#patientReference").write("MRN-0815");

            drop(robot, scan);

            waitFor(() -> transfers().size() == 1 && transfers().get(0).state().isFinal());
            TransferItem failed = transfers().get(0);
            assertEquals(TransferState.FAILED, failed.state());
            assertTrue(failingStore.faultsInjected() > 0, "the proxy failed the upload");
            Label state = (Label) rowPart(robot, "referral Müller.pdf", ".transfer-state");
            assertTrue(state.getText().startsWith("Failed: "), state.getText());
            assertTrue(isShown(rowPart(robot, "referral Müller.pdf", ".transfer-retry")), "Retry is offered");
            assertFalse(isShown(rowPart(robot, "referral Müller.pdf", ".transfer-cancel")), "Cancel is gone");
            assertEquals(List.of(), services.documents().list());

            useEndpoint(direct);
            robot.clickOn(rowPart(robot, "referral Müller.pdf", ".transfer-retry"));

            waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.UPLOADED,
                    () -> transfers().toString());
        } finally {
            rootLogger.detachAppender(log);
        }
        assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().contains("Upload failed")),
                "the failure was logged");
        for (ILoggingEvent event : log.list) {
            assertFalse(event.getFormattedMessage().contains("Müller"), "logged a file name: " + event.getFormattedMessage());
            assertFalse(event.getFormattedMessage().contains("MRN-0815"), "logged a patient reference: "
                    + event.getFormattedMessage());
        }
        List<DocumentSummary> listed = services.documents().list();
        assertEquals(1, listed.size(), "the document is listed once");
        assertEquals("referral Müller.pdf", listed.get(0).name());
        assertEquals("MRN-0815", listed.get(0).patientReference(), "the retry keeps the patient reference");
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
    }

    @Test
    void retryAfterCancelUploads(FxRobot robot) throws Exception {
        byte[] content = new byte[12 * 1024 * 1024];
        new Random(12).nextBytes(content);
        Path scan = Files.write(root.resolve("scan-12-mb.bin"), content);
        try (FaultProxy slowStore = FaultProxy.inFrontOf(services.settings().orElseThrow().endpoint(),
                Duration.ofSeconds(30))) {
            // 5 MiB parts at about 1 MB/s: the upload runs long enough to cancel it.
            Settings current = services.settings().orElseThrow();
            services.reconfigure(SettingsCopies.of(current).endpoint(slowStore.endpoint()).parts(5, 5).build());
            slowStore.throttleRequestBodies(1024 * 1024);
            showWindow(robot);
            drop(robot, scan);
            waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.UPLOADING);
            robot.clickOn(rowPart(robot, "scan-12-mb.bin", ".transfer-cancel"));
            waitFor(() -> transfers().get(0).state() == TransferState.CANCELLED);
            assertEquals(List.of(), services.documents().list());

            slowStore.throttleRequestBodies(0);
            robot.clickOn(rowPart(robot, "scan-12-mb.bin", ".transfer-retry"));

            waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.UPLOADED,
                    () -> transfers().get(0).state() + " " + transfers().get(0).problemProperty().get());
        }
        assertEquals(List.of("scan-12-mb.bin"), services.documents().list().stream().map(DocumentSummary::name).toList());
    }

    @Test
    void retryOfVanishedFileSaysSo(FxRobot robot) throws Exception {
        Path scan = Files.copy(Corpus.image("smile.png"), root.resolve("on the USB stick.png"));
        URI direct = services.settings().orElseThrow().endpoint();
        try (FaultProxy failingStore = FaultProxy.inFrontOf(direct, Duration.ofSeconds(5))) {
            failingStore.inject(FaultProxy.Fault.INTERNAL_ERROR, "^PUT .*/objects/", 1, Integer.MAX_VALUE);
            useEndpoint(failingStore.endpoint());
            showWindow(robot);
            drop(robot, scan);
            waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.FAILED);

            Files.delete(scan);
            useEndpoint(direct);
            robot.clickOn(rowPart(robot, "on the USB stick.png", ".transfer-retry"));

            waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.SKIPPED,
                    () -> transfers().toString());
        }
        assertEquals(Messages.text("transfer.skipped.MISSING"), transfers().get(0).problemProperty().get());
        assertEquals(List.of(), services.documents().list());
    }

    @Test
    void clearFinishedAndCollapsedSummary(FxRobot robot) throws Exception {
        showWindow(robot);
        Path folder = Files.createDirectories(root.resolve("scans"));
        Path first = Files.copy(Corpus.image("smile.png"), folder.resolve("first.png"));
        Path second = Files.copy(Corpus.pdf("minimal-document.pdf"), folder.resolve("second.pdf"));
        Path missing = folder.resolve("gone.pdf");

        drop(robot, first, second, missing);

        waitFor(() -> transfers().size() == 3 && transfers().stream().allMatch(item -> item.state().isFinal()));
        Label summary = robot.lookup("#transfersSummary").queryAs(Label.class);
        waitFor(() -> summary.getText().equals("1 skipped, 2 uploaded"), summary::getText);

        robot.clickOn("#collapseTransfersButton");
        assertFalse(robot.lookup("#transferList").query().isVisible(), "the list is collapsed");
        assertTrue(summary.isVisible(), "the summary stays visible");
        assertEquals("1 skipped, 2 uploaded", summary.getText());

        robot.clickOn("#clearFinishedButton");
        assertEquals(List.of(), transfers());
        assertEquals("none", summary.getText());
        robot.clickOn("#collapseTransfersButton");
        assertTrue(robot.lookup("#transferList").query().isVisible(), "the list shows again");
        assertEquals(2, services.documents().list().size());
    }

    @Test
    void tenCorpusFilesAllUploaded(FxRobot robot) throws Exception {
        showWindow(robot);
        List<Path> corpus = Corpus.documents().subList(0, 10);

        drop(robot, corpus.toArray(Path[]::new));

        waitFor(() -> transfers().size() == 10 && transfers().stream().allMatch(item -> item.state().isFinal()));
        for (TransferItem item : transfers()) {
            assertEquals(TransferState.UPLOADED, item.state(), item.displayName() + ": " + item.problemProperty().get());
        }
        List<String> expected = corpus.stream().map(file -> file.getFileName().toString()).sorted().toList();
        assertEquals(expected, services.documents().list().stream().map(DocumentSummary::name).sorted().toList());
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 10);
    }

    @Test
    void statusBarGoesOfflineAndBack(FxRobot robot) throws Exception {
        URI direct = services.settings().orElseThrow().endpoint();
        useEndpoint(closedPort());
        showWindow(robot);
        Label connection = robot.lookup("#connectionStatus").queryAs(Label.class);

        // The sync at start cannot connect.
        waitFor(() -> connection.getText().matches(OFFLINE), connection::getText);
        assertTrue(connection.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("offline")));

        useEndpoint(direct);
        drop(robot, Files.copy(Corpus.image("smile.png"), root.resolve("smile.png")));

        waitFor(() -> connection.getText().equals("Connected"), connection::getText);
        waitFor(() -> transfers().size() == 1 && transfers().get(0).state() == TransferState.UPLOADED);

        // An upload that cannot connect turns it offline again.
        useEndpoint(closedPort());
        drop(robot, Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve("referral.pdf")));

        waitFor(() -> transfers().size() == 2 && transfers().get(1).state().isFinal());
        assertEquals(TransferState.FAILED, transfers().get(1).state());
        waitFor(() -> connection.getText().matches(OFFLINE), connection::getText);
    }

    /** Returns the URI of a port on 127.0.0.1 that nothing listens on, so every connection is refused. */
    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private void useEndpoint(URI endpoint) {
        Settings current = services.settings().orElseThrow();
        services.reconfigure(SettingsCopies.of(current).endpoint(endpoint).build());
    }

    private void showWindow(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
    }

    private void drop(FxRobot robot, Path... paths) {
        List<File> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(path.toFile());
        }
        robot.interact(() -> window.documentsView().addDroppedFiles(files));
    }

    private List<TransferItem> transfers() {
        return fixture.transfers();
    }

    private static boolean isShown(Node node) {
        return node.isVisible() && node.isManaged();
    }

    /** Finds a part of the visible transfer row named {@code name}, looked up anew on the application thread. */
    private static Node rowPart(FxRobot robot, String name, String styleClass) throws TimeoutException {
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
}

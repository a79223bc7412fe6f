package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.AuditSettings;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Print in the viewer, against S3Proxy and the real audit receiver on 127.0.0.1. The pages go to a
 * target that collects them, because the native print dialog cannot open on the headless display.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerPrintTest {

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
    private static final int PAGES = 4;

    @TempDir
    Path temp;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private TestEnvironment environment;
    private LocalServices services;
    private UUID documentId;
    private Stage stage;
    private ViewerWindow viewer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void uploadDocument() throws IOException {
        environment = TestEnvironment.start(temp);
        services = environment.services();
        documentId = services.documents().upload(Corpus.pdf("pdflatex-4-pages.pdf"), null, TransferListener.NONE).id();
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(window -> window != stage).toList()
                .forEach(Window::hide));
        executor.shutdownNow();
        environment.close();
    }

    @Test
    void printSendsWatermarkedPagesAndRecordsEvent(FxRobot robot) throws TimeoutException {
        CollectingPrintTarget target = CollectingPrintTarget.accepting();
        showWithTarget(robot, target);

        robot.clickOn("#printButton");
        waitForStatus(robot, "Sent 4 pages to the printer.");

        assertEquals(PAGES, target.pages.size());
        assertTrue(target.finished, "the job was not handed to the printer");
        String user = services.auditTrail().identity().user();
        String device = services.auditTrail().identity().deviceId();
        for (Node page : target.pages) {
            Watermark watermark = (Watermark) page.lookup("#watermark");
            assertTrue(watermark.text().contains(user), watermark.text());
            assertTrue(watermark.text().contains(device), watermark.text());
            assertFalse(watermark.lookupAll("." + Watermark.TEXT_STYLE_CLASS).isEmpty(), "the printed page has no watermark lines");
            // The page fills the printable area, so the watermark covers blank paper too, not only the image.
            assertEquals(CollectingPrintTarget.WIDTH_POINTS, ((Region) page).getPrefWidth());
            assertEquals(CollectingPrintTarget.HEIGHT_POINTS, ((Region) page).getPrefHeight());
            ImageView image = (ImageView) page.lookup(".image-view");
            // The corpus PDF is A4, 595.3 points wide; its page is rendered at the printer's 150 dpi, not the screen's.
            assertEquals(595.3 / 72 * CollectingPrintTarget.DOTS_PER_INCH, image.getImage().getWidth(), 2);
        }

        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(1, countEvents("print", "success"));
        assertEquals(0, countEvents("print", "failure"));
    }

    @Test
    void shortcutPrints(FxRobot robot) throws TimeoutException {
        CollectingPrintTarget target = CollectingPrintTarget.accepting();
        showWithTarget(robot, target);

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitForStatus(robot, "Sent 4 pages to the printer.");

        assertEquals(PAGES, target.pages.size());
    }

    @Test
    void cancelledDialogRecordsNothing(FxRobot robot) throws TimeoutException {
        CollectingPrintTarget target = CollectingPrintTarget.cancellingDialog();
        showWithTarget(robot, target);

        robot.clickOn("#printButton");
        waitForStatus(robot, "Nothing was printed: you cancelled the print dialog.");

        assertTrue(target.confirmed);
        assertTrue(target.pages.isEmpty());
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(0, countEvents("print", "success"));
        assertEquals(0, countEvents("print", "failure"));
    }

    @Test
    void rejectedJobRecordsFailure(FxRobot robot) throws TimeoutException {
        CollectingPrintTarget target = CollectingPrintTarget.failingJob();
        showWithTarget(robot, target);

        robot.clickOn("#printButton");
        waitFor(() -> target.cancelled);
        waitFor(() -> !robot.lookup("#printButton").query().isDisabled());

        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(1, countEvents("print", "success"));
        List<JsonNode> failures = events("print", "failure");
        assertEquals(1, failures.size());
        assertEquals(FxPrintTarget.PRINT_FAILED, failures.get(0).get("reason").asText());
    }

    @Test
    void strictPolicyWithReceiverDownRefusesPrint(FxRobot robot) throws Exception {
        CollectingPrintTarget target = CollectingPrintTarget.accepting();
        showWithTarget(robot, target);
        Settings reachable = services.settings().orElseThrow();
        services.reconfigure(AuditSettings.with(reachable, URI.create("http://127.0.0.1:" + closedPort()),
                Settings.AUDIT_POLICY_STRICT, null, null, 2));

        robot.clickOn("#printButton");
        waitFor(() -> target.cancelled);
        waitFor(() -> !robot.lookup("#printButton").query().isDisabled());

        assertTrue(target.pages.isEmpty(), "a page went to the printer without an acknowledged event");
        assertFalse(target.finished);

        // Once the receiver is back, it gets the print that was allowed locally and then refused.
        services.reconfigure(reachable);
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(1, countEvents("print", "success"));
        List<JsonNode> failures = events("print", "failure");
        assertEquals(1, failures.size());
        assertEquals("SD-AUDIT-UNREACHABLE", failures.get(0).get("reason").asText());
    }

    @Test
    void withoutPrinterSaysSo(FxRobot robot) throws TimeoutException {
        show(robot);
        robot.interact(() -> viewer.printing().useTargets(Optional::empty));
        waitFor(() -> !robot.lookup("#printButton").query().isDisabled());

        robot.clickOn("#printButton");

        waitForStatus(robot, "No printer is set up on this computer.");
        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(0, countEvents("print", "success"));
    }

    @Test
    void forbiddenPrintDisablesButton(FxRobot robot) throws TimeoutException {
        CollectingPrintTarget target = CollectingPrintTarget.accepting();
        showWithTarget(robot, target);

        robot.interact(() -> viewer.printing().setPrintAllowed(false));
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);

        assertTrue(robot.lookup("#printButton").queryAs(Button.class).isDisabled());
        assertFalse(target.confirmed, "Ctrl+P opened the print dialog although printing is forbidden");
    }

    private void showWithTarget(FxRobot robot, CollectingPrintTarget target) throws TimeoutException {
        show(robot);
        robot.interact(() -> viewer.printing().useTargets(() -> Optional.of(target)));
        waitFor(() -> !robot.lookup("#printButton").query().isDisabled());
    }

    private void show(FxRobot robot) {
        OpenedDocument document = services.documents().open(documentId, TransferListener.NONE);
        robot.interact(() -> viewer = ViewerWindow.showIn(stage, document, services.documents(), executor));
    }

    private static void waitForStatus(FxRobot robot, String expected) throws TimeoutException {
        waitFor(() -> expected.equals(robot.lookup("#viewerStatus").queryAs(Label.class).getText()),
                () -> robot.lookup("#viewerStatus").queryAs(Label.class).getText());
    }

    private long countEvents(String action, String outcome) {
        return events(action, outcome).size();
    }

    private List<JsonNode> events(String action, String outcome) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .filter(event -> event.get("documentId").asText().equals(documentId.toString()))
                .toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }
}

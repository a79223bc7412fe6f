package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.DocumentTableSteps.names;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.testfx.api.FxRobot;

/**
 * Deleting from the main window on the real services. The confirmation names the document and
 * defaults to Cancel. A confirmed delete removes object, row and viewer and records the event. A
 * delete that S3 rejects keeps everything and shows the error window.
 */
class WindowDeleteTest extends MainWindowTest {

    private DocumentSummary kept;
    private DocumentSummary target;

    @BeforeEach
    void uploadDocuments() {
        kept = services.documents().upload(Corpus.pdf("pdflatex-4-pages.pdf"), "MRN 0077", TransferListener.NONE);
        target = services.documents().upload(Corpus.pdf("minimal-document.pdf"), "MRN 0042", TransferListener.NONE);
    }

    @Test
    void confirmedDeleteRemovesEverything(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, target.name());

        robot.type(KeyCode.DELETE);
        DialogPane dialog = steps(robot).dialogWithHeader(Messages.text("documents.delete.header", target.name()));
        assertTrue(dialog.getContentText().contains("cannot be undone from SealDrop"), dialog.getContentText());
        steps(robot).clickVisible("#confirmDeleteButton");

        waitFor(() -> table.getItems().size() == 1);
        assertEquals(List.of(kept.name()), names(table));
        assertEquals(List.of(kept.id()), services.documents().list().stream().map(DocumentSummary::id).toList());
        assertFalse(steps(robot).objectExists(target.id()), "the object is gone from the bucket");
        assertTrue(steps(robot).objectExists(kept.id()), "the other object stays");
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(1, steps(robot).receivedEvents(target.id(), "delete", "success"));
    }

    @Test
    void cancelIsDefaultAndKeepsDocument(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, target.name());

        steps(robot).clickVisible("#deleteDocumentButton");
        DialogPane dialog = steps(robot).dialogWithHeader(Messages.text("documents.delete.header", target.name()));
        Button cancel = (Button) dialog.lookup("#cancelDeleteButton");
        assertTrue(cancel.isDefaultButton(), "Cancel is the default button");
        assertFalse(((Button) dialog.lookup("#confirmDeleteButton")).isDefaultButton());
        robot.type(KeyCode.ENTER);

        waitFor(() -> dialog.getScene() == null || !dialog.getScene().getWindow().isShowing());
        assertEquals(2, table.getItems().size());
        assertEquals(2, services.documents().list().size());
        assertTrue(steps(robot).objectExists(target.id()), "the object stays");
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(0, steps(robot).receivedEvents(target.id(), "delete", "success"));
        assertEquals(0, steps(robot).receivedEvents(target.id(), "delete", "failure"));
    }

    @Test
    void rejectedDeleteShowsErrorAndKeepsRow(FxRobot robot) throws TimeoutException, IOException {
        try (FaultProxy denying = FaultProxy.inFrontOf(fixture.environment().s3().endpoint(), Duration.ofSeconds(1))) {
            denying.inject(FaultProxy.Fault.ACCESS_DENIED, "^DELETE ", 1, 1000);
            Settings current = services.settings().orElseThrow();
            services.reconfigure(SettingsCopies.of(current).endpoint(denying.endpoint()).build());
            TableView<DocumentSummary> table = show(robot);
            steps(robot).select(table, target.name());

            robot.type(KeyCode.DELETE);
            steps(robot).dialogWithHeader(Messages.text("documents.delete.header", target.name()));
            steps(robot).clickVisible("#confirmDeleteButton");

            steps(robot).dialogWithHeader(Messages.text("error.known.SD-S3-ACCESS-DENIED.title"));
            assertTrue(denying.faultsInjected() > 0, "the proxy rejected the DELETE request");
            assertEquals(2, table.getItems().size());
            assertEquals(2, services.documents().list().size());
            assertTrue(steps(robot).objectExists(target.id()), "the object stays");
            assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
            assertEquals(1, steps(robot).receivedEvents(target.id(), "delete", "failure"));
        }
    }

    @Test
    void deleteClosesOpenViewer(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, kept.name());
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1);
        Stage keptViewer = window.viewers().get(0).stage();
        steps(robot).select(table, target.name());
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 2);
        Stage targetViewer = window.viewers().get(1).stage();

        steps(robot).select(table, target.name());
        robot.type(KeyCode.DELETE);
        steps(robot).dialogWithHeader(Messages.text("documents.delete.header", target.name()));
        steps(robot).clickVisible("#confirmDeleteButton");

        waitFor(() -> !targetViewer.isShowing());
        // The window removes a viewer from its list in a WINDOW_HIDDEN handler, which runs after isShowing turns false.
        waitFor(() -> window.viewers().size() == 1);
        assertTrue(keptViewer.isShowing(), "the other document's viewer stays open");
        assertEquals(List.of(kept.name()), names(table));
    }

    private TableView<DocumentSummary> show(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        return steps(robot).tableWith(2);
    }

    private DocumentTableSteps steps(FxRobot robot) {
        return new DocumentTableSteps(robot, fixture);
    }
}

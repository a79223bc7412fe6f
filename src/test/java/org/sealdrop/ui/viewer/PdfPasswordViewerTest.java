package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.ViewerSamples;
import org.sealdrop.ui.WindowFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/**
 * A password-protected PDF (AES-256, user and owner password) uploaded to S3Proxy, opened through
 * the services and shown in the viewer. The tests cover the password prompt, a wrong password, the
 * right one, and Cancel, which shows the protected note and records no integrity failure at the
 * audit receiver.
 */
@ExtendWith(ApplicationExtension.class)
class PdfPasswordViewerTest {

    private Stage stage;

    @TempDir
    Path temp;

    private WindowFixture fixture;
    private LocalServices services;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServers() throws IOException {
        fixture = WindowFixture.start(temp.resolve("env"), stage);
        services = fixture.services();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void wrongThenRightPasswordOpens(FxRobot robot) throws Exception {
        UUID id = showProtectedPdf(robot);

        waitForVisible(robot, "#pdfPassword");
        assertTrue(messageText(robot).startsWith("This PDF is protected by a password"), messageText(robot));
        robot.clickOn("#pdfPassword").write("not-the-password");
        robot.clickOn("Open");

        waitFor(() -> robot.lookup("#pdfPasswordMessage").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("That password does not open this PDF")).orElse(false));
        waitForVisible(robot, "#pdfPassword");
        PasswordField field = robot.lookup("#pdfPassword").match(NodeQueryUtils.isVisible()).queryAs(PasswordField.class);
        assertEquals("", field.getText(), "the field starts empty again");
        robot.clickOn(field).write(ViewerSamples.USER_PASSWORD);
        robot.clickOn("Open");

        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
        assertEquals("of 2", robot.lookup("#pageCount").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#cannotShowMessage").tryQuery().isPresent());
        assertNoIntegrityFailure(id);
    }

    @Test
    void cancelShowsProtectedNote(FxRobot robot) throws Exception {
        UUID id = showProtectedPdf(robot);

        waitForVisible(robot, "#pdfPassword");
        robot.clickOn("Cancel");

        waitFor(() -> robot.lookup("#passwordProtectedMessage").tryQuery().isPresent());
        String note = robot.lookup("#passwordProtectedMessage").queryAs(Label.class).getText();
        assertTrue(note.startsWith("This PDF is protected by a password"), note);
        assertFalse(note.contains("damaged"), note);
        assertFalse(robot.lookup("#cannotShowMessage").tryQuery().isPresent(), "no damaged or altered message");
        assertEquals("uploaded", services.documents().list().get(0).status(), "the row is not marked damaged");
        assertNoIntegrityFailure(id);

        // The note offers the prompt again, and the owner password opens the PDF too.
        robot.clickOn("#enterPdfPassword");
        waitForVisible(robot, "#pdfPassword");
        robot.clickOn("#pdfPassword").write(ViewerSamples.OWNER_PASSWORD);
        robot.clickOn("Open");
        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
    }

    private UUID showProtectedPdf(FxRobot robot) throws IOException {
        Path pdf = temp.resolve("referral.pdf");
        Files.write(pdf, ViewerSamples.protectedPdf());
        UUID id = services.documents().upload(pdf, null, TransferListener.NONE).id();
        OpenedDocument document = services.documents().open(id, TransferListener.NONE);
        robot.interact(() -> ViewerWindow.showIn(stage, document, services.documents(), fixture.executor()));
        return id;
    }

    /** Waits until TestFX can click the node: the dialog's window shows and has laid it out. */
    private static void waitForVisible(FxRobot robot, String query) throws TimeoutException {
        waitFor(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
    }

    private static String messageText(FxRobot robot) {
        return robot.lookup("#pdfPasswordMessage").queryAs(Label.class).getText();
    }

    /** Waits until the receiver has the open event, then checks that no integrity failure came with it. */
    private void assertNoIntegrityFailure(UUID id) throws TimeoutException {
        assertTrue(services.flushAudit(Duration.ofSeconds(30)), "the audit events were delivered");
        waitFor(() -> countEvents(id, "open") == 1);
        assertEquals(0, countEvents(id, "integrity_failure"));
    }

    private long countEvents(UUID id, String action) {
        return fixture.environment().receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> id.toString().equals(event.path("documentId").asText()))
                .count();
    }
}

package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.ui.WindowFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer window on real corpus documents. The document service is never called here (saving a
 * copy needs a native file chooser), so a stub that rejects every call replaces it.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerWindowTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void pdfShowsPageOneThenPageTwo(FxRobot robot) throws TimeoutException {
        OpenedDocument document = opened("pdflatex-4-pages.pdf", "application/pdf",
                Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf")));
        show(robot, document);
        waitForImage(robot);

        TextField pageField = robot.lookup("#pageField").queryAs(TextField.class);
        Label pageCount = robot.lookup("#pageCount").queryAs(Label.class);
        assertEquals("1", pageField.getText());
        assertEquals("of 4", pageCount.getText());
        assertEquals("referral-4-pages.pdf \u2013 SealDrop", stage.getTitle());

        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2", pageField.getText());

        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1", pageField.getText());
    }

    @Test
    void pageFieldJumpsToTypedPage(FxRobot robot) throws TimeoutException {
        show(robot, opened("pdflatex-4-pages.pdf", "application/pdf", Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"))));
        waitForImage(robot);

        TextField pageField = robot.lookup("#pageField").queryAs(TextField.class);
        robot.doubleClickOn(pageField).write("4").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4", pageField.getText());
        assertTrue(robot.lookup("#nextPage").query().isDisabled(), "next is disabled on the last page");

        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4", pageField.getText(), "paging past the end stays on the last page");
    }

    @Test
    void imageShowsAtItsOwnSize(FxRobot robot) throws TimeoutException {
        show(robot, opened("image.jpg", "image/jpeg", Corpus.read(Corpus.image("image.jpg"))));
        waitForImage(robot);

        ImageView image = robot.lookup("#pageImage").queryAs(ImageView.class);
        assertEquals(300, image.getImage().getWidth());
        assertEquals(200, image.getImage().getHeight());
        assertEquals("of 1", robot.lookup("#pageCount").queryAs(Label.class).getText());
    }

    @Test
    void tiffShowsAsImage(FxRobot robot) throws TimeoutException {
        show(robot, opened("smile.tiff", "image/tiff", Corpus.read(Corpus.image("smile.tiff"))));
        waitForImage(robot);

        ImageView image = robot.lookup("#pageImage").queryAs(ImageView.class);
        assertEquals(16, image.getImage().getWidth());
    }

    @Test
    void textShowsReadOnly(FxRobot robot) throws TimeoutException {
        byte[] content = "Referral\nBlood pressure 120/80\n".getBytes(StandardCharsets.UTF_8);
        show(robot, opened("note.txt", "text/plain", content));
        waitFor(() -> robot.lookup("#documentText").tryQuery().isPresent());

        TextArea text = robot.lookup("#documentText").queryAs(TextArea.class);
        assertEquals("Referral\nBlood pressure 120/80\n", text.getText());
        assertFalse(text.isEditable());
    }

    @Test
    void otherKindOffersSaving(FxRobot robot) {
        show(robot, opened("archive.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0}));

        Label message = robot.lookup("#cannotShowMessage").queryAs(Label.class);
        assertTrue(message.getText().startsWith("This type cannot be shown here"), message.getText());
        assertTrue(robot.lookup("#cannotShowSaveButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#saveCopyButton").tryQuery().isPresent());
    }

    @Test
    void damagedPdfShowsMessage(FxRobot robot) throws TimeoutException {
        byte[] truncated = java.util.Arrays.copyOf(Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf")), 200);
        show(robot, opened("damaged.pdf", "application/pdf", truncated));
        waitFor(() -> robot.lookup("#cannotShowMessage").tryQuery().isPresent());

        Label message = robot.lookup("#cannotShowMessage").queryAs(Label.class);
        assertTrue(message.getText().contains("damaged"), message.getText());
    }

    @Test
    void closingWipesThePlaintext(FxRobot robot) throws TimeoutException {
        byte[] content = Corpus.read(Corpus.pdf("minimal-document.pdf"));
        ViewerWindow viewer = show(robot, opened("minimal.pdf", "application/pdf", content));
        waitForImage(robot);

        robot.interact(viewer::close);

        waitFor(() -> isAllZero(content));
        assertFalse(stage.isShowing());
    }

    private ViewerWindow show(FxRobot robot, OpenedDocument document) {
        ViewerWindow[] shown = new ViewerWindow[1];
        robot.interact(() -> shown[0] = ViewerWindow.showIn(stage, document, new RejectingDocumentService(), executor));
        return shown[0];
    }

    private static void waitForImage(FxRobot robot) throws TimeoutException {
        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
    }

    private static OpenedDocument opened(String corpusName, String mediaType, byte[] content) {
        String name = corpusName.startsWith("pdflatex-4") ? "referral-4-pages.pdf" : corpusName;
        DocumentSummary summary = new DocumentSummary(UUID.randomUUID(), name, mediaType, content.length,
                "reception", Instant.parse("2026-03-01T09:30:00Z"), null, "uploaded");
        return new OpenedDocument(summary, content);
    }

    private static boolean isAllZero(byte[] content) {
        for (byte b : content) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.ViewerSamples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Navigation, zoom, fitting, rotation, thumbnails, shortcuts and the image formats of the viewer
 * window, driven by keys and clicks on documents held in memory.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerNavigationTest {

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
    void keysTurnAndScrollPages(FxRobot robot) throws TimeoutException {
        showPdf(robot);
        TextField pageField = robot.lookup("#pageField").queryAs(TextField.class);
        ScrollPane scroll = robot.lookup("#pageScroll").queryAs(ScrollPane.class);

        robot.type(KeyCode.END);
        waitFor(() -> pageField.getText().equals("4"));
        robot.type(KeyCode.HOME);
        waitFor(() -> pageField.getText().equals("1"));

        // At 100 % an A4 page is taller than the window, so Down scrolls before it turns the page.
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1", pageField.getText());
        assertTrue(scroll.getVvalue() > scroll.getVmin(), "Down scrolled the page");

        shortcut(robot, KeyCode.DIGIT2);
        waitFor(() -> robot.lookup("#zoomLevel").queryAs(Label.class).getText().matches("\\d\\d %"));
        robot.type(KeyCode.DOWN);
        waitFor(() -> pageField.getText().equals("2"));
        robot.type(KeyCode.UP);
        waitFor(() -> pageField.getText().equals("1"));
        robot.type(KeyCode.RIGHT);
        waitFor(() -> pageField.getText().equals("2"));
    }

    @Test
    void zoomShortcutsStepAndReset(FxRobot robot) throws TimeoutException {
        showPdf(robot);
        Label zoom = robot.lookup("#zoomLevel").queryAs(Label.class);
        waitFor(() -> zoom.getText().equals("100 %"));
        double width = shownImage(robot).getWidth();

        shortcut(robot, KeyCode.EQUALS);
        waitFor(() -> zoom.getText().equals("125 %"));
        waitFor(() -> Math.abs(shownImage(robot).getWidth() - width * 1.25) < 2);

        shortcut(robot, KeyCode.DIGIT0);
        waitFor(() -> zoom.getText().equals("100 %"));
        shortcut(robot, KeyCode.MINUS);
        waitFor(() -> zoom.getText().equals("75 %"));
        robot.clickOn("#zoomIn");
        waitFor(() -> zoom.getText().equals("100 %"));
    }

    @Test
    void fitWidthFollowsWindowResize(FxRobot robot) throws TimeoutException {
        showPdf(robot);
        ScrollPane scroll = robot.lookup("#pageScroll").queryAs(ScrollPane.class);

        shortcut(robot, KeyCode.DIGIT1);
        assertTrue(robot.lookup("#fitWidth").queryAs(ToggleButton.class).isSelected());
        waitFor(() -> fitsWidth(scroll, shownImage(robot)));
        double before = shownImage(robot).getWidth();

        robot.interact(() -> stage.setWidth(stage.getWidth() - 200));
        // The layout pass after the new picture decides whether a horizontal scroll bar is needed.
        waitFor(() -> fitsWidth(scroll, shownImage(robot))
                && scroll.getContent().getLayoutBounds().getWidth() <= scroll.getViewportBounds().getWidth() + 0.5);
        assertTrue(shownImage(robot).getWidth() < before - 150, "the page shrank with the window");

        shortcut(robot, KeyCode.DIGIT0);
        waitFor(() -> robot.lookup("#zoomLevel").queryAs(Label.class).getText().equals("100 %"));
        assertFalse(robot.lookup("#fitWidth").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void rotationSwapsShownImageSides(FxRobot robot) throws TimeoutException {
        show(robot, "image.jpg", "image/jpeg", Corpus.read(Corpus.image("image.jpg")));
        waitForImage(robot);
        assertEquals(300, shownImage(robot).getWidth());

        shortcut(robot, KeyCode.R);
        waitFor(() -> shownImage(robot).getWidth() == 200 && shownImage(robot).getHeight() == 300);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.R).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> shownImage(robot).getWidth() == 300 && shownImage(robot).getHeight() == 200);

        robot.clickOn("#rotateLeft");
        waitFor(() -> shownImage(robot).getWidth() == 200 && shownImage(robot).getHeight() == 300);
    }

    @Test
    void thumbnailClickAndEnterGoToPage(FxRobot robot) throws TimeoutException {
        showPdf(robot);
        TextField pageField = robot.lookup("#pageField").queryAs(TextField.class);

        robot.clickOn("#thumbnailsToggle");
        waitFor(() -> shownThumbnail(robot, 3) != null);
        robot.clickOn(shownThumbnail(robot, 3));
        waitFor(() -> pageField.getText().equals("3"));
        @SuppressWarnings("unchecked")
        ListView<Integer> thumbnails = robot.lookup("#thumbnails").queryAs(ListView.class);
        assertEquals(2, thumbnails.getSelectionModel().getSelectedIndex(), "the current page is highlighted");

        robot.type(KeyCode.DOWN, KeyCode.ENTER);
        waitFor(() -> pageField.getText().equals("4"));

        robot.type(KeyCode.PAGE_UP);
        waitFor(() -> thumbnails.getSelectionModel().getSelectedIndex() == 2);

        robot.type(KeyCode.F4);
        waitFor(() -> robot.lookup("#thumbnails").tryQuery().map(node -> node.getScene() == null).orElse(true));
    }

    @Test
    void hugePageShowsReducedNote(FxRobot robot) throws TimeoutException {
        show(robot, "poster.pdf", "application/pdf", ViewerSamples.hugePagePdf());
        waitForImage(robot);

        Label note = robot.lookup("#reducedResolutionNote").queryAs(Label.class);
        waitFor(note::isVisible);
        assertTrue(note.getText().startsWith("This page is shown at reduced resolution (21 %)"), note.getText());
        assertTrue(shownImage(robot).getWidth() <= 8192);
    }

    @Test
    void cmykJpegShowsPlausibleRed(FxRobot robot) throws TimeoutException {
        show(robot, "scan.jpg", "image/jpeg", ViewerSamples.cmykJpeg(new int[] {0, 255, 255, 0}, 2));
        waitForImage(robot);

        int argb = shownImage(robot).getPixelReader().getArgb(20, 15);
        assertTrue(((argb >> 16) & 0xFF) > 200, Integer.toHexString(argb));
        assertTrue(((argb >> 8) & 0xFF) < 60, Integer.toHexString(argb));
        assertTrue((argb & 0xFF) < 60, Integer.toHexString(argb));
    }

    @Test
    void multiPageTiffPagesNavigate(FxRobot robot) throws TimeoutException {
        show(robot, "scan.tiff", "image/tiff", ViewerSamples.multiPageTiff(3));
        waitForImage(robot);
        assertEquals("of 3", robot.lookup("#pageCount").queryAs(Label.class).getText());
        assertEquals(40, shownImage(robot).getWidth());

        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> shownImage(robot).getWidth() == 50);
        robot.type(KeyCode.END);
        waitFor(() -> shownImage(robot).getWidth() == 60);

        robot.clickOn("#thumbnailsToggle");
        waitFor(() -> shownThumbnail(robot, 1) != null);
        robot.clickOn(shownThumbnail(robot, 1));
        waitFor(() -> shownImage(robot).getWidth() == 40);
    }

    @Test
    void helpListsShortcuts(FxRobot robot) throws TimeoutException {
        showPdf(robot);

        robot.type(KeyCode.F1);
        waitFor(() -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        assertTrue(labelTexts(robot, "#shortcutsTable").contains("Ctrl+R"));
        assertTrue(labelTexts(robot, "#shortcutsTable").contains("Ctrl+1"));
        robot.clickOn("Close");
        waitFor(() -> robot.lookup("#shortcutsTable").tryQuery().isEmpty());

        robot.clickOn("#shortcutsButton");
        waitFor(() -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        robot.clickOn("Close");
    }

    private void showPdf(FxRobot robot) throws TimeoutException {
        show(robot, "referral.pdf", "application/pdf", Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf")));
        waitForImage(robot);
    }

    private void show(FxRobot robot, String name, String mediaType, byte[] content) {
        DocumentSummary summary = new DocumentSummary(UUID.randomUUID(), name, mediaType, content.length,
                "reception", Instant.parse("2026-03-01T09:30:00Z"), null, "uploaded");
        OpenedDocument document = new OpenedDocument(summary, content);
        robot.interact(() -> ViewerWindow.showIn(stage, document, new RejectingDocumentService(), executor));
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private static Image shownImage(FxRobot robot) {
        return robot.lookup("#pageImage").queryAs(ImageView.class).getImage();
    }

    private static void waitForImage(FxRobot robot) throws TimeoutException {
        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
    }

    /** Tells whether the page fills the viewport less its 16-pixel padding a side and at most a scroll bar's width. */
    private static boolean fitsWidth(ScrollPane scroll, Image page) {
        double room = scroll.getViewportBounds().getWidth() - 32;
        return page.getWidth() <= room && page.getWidth() >= room - 24;
    }

    /**
     * Returns the cell of page {@code number} that is on screen and shows its picture, or null. The
     * list keeps a hidden cell for measuring, which may carry the same id.
     */
    private static Node shownThumbnail(FxRobot robot, int number) {
        return robot.lookup("#thumbnail-" + number).queryAll().stream()
                .filter(ViewerNavigationTest::isOnScreen)
                .filter(cell -> cell.lookupAll(".image-view").stream()
                        .anyMatch(view -> ((ImageView) view).getImage() != null))
                .findFirst().orElse(null);
    }

    private static boolean isOnScreen(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String labelTexts(FxRobot robot, String query) {
        StringBuilder texts = new StringBuilder();
        robot.lookup(query).query().lookupAll(".label").forEach(label -> texts.append(((Label) label).getText()).append('\n'));
        return texts.toString();
    }
}

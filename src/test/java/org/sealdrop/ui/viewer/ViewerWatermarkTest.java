package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.testsupport.Corpus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The watermark over each kind of document the viewer shows, on real corpus files. */
@ExtendWith(ApplicationExtension.class)
class ViewerWatermarkTest {

    /** The open time as the watermark writes it: local date, time with seconds, and a zone name. */
    private static final Pattern OPEN_TIME = Pattern.compile("opened \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+");

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
    void pdfPageCarriesWatermark(FxRobot robot) throws TimeoutException {
        show(robot, "referral.pdf", "application/pdf", Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf")));
        waitForImage(robot);

        assertWatermarkOver(robot, robot.lookup("#pageScroll").query());
    }

    @Test
    void imageCarriesWatermark(FxRobot robot) throws TimeoutException {
        show(robot, "image.jpg", "image/jpeg", Corpus.read(Corpus.image("image.jpg")));
        waitForImage(robot);

        assertWatermarkOver(robot, robot.lookup("#pageScroll").query());
    }

    @Test
    void textCarriesWatermark(FxRobot robot) throws TimeoutException {
        byte[] content = "Referral\nBlood pressure 120/80\n".getBytes(StandardCharsets.UTF_8);
        show(robot, "note.txt", "text/plain", content);
        waitFor(() -> robot.lookup("#documentText").tryQuery().isPresent());

        assertWatermarkOver(robot, robot.lookup("#documentText").query());
    }

    @Test
    void watermarkTakesNoInput(FxRobot robot) throws TimeoutException {
        show(robot, "referral.pdf", "application/pdf", Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf")));
        waitForImage(robot);

        Watermark watermark = robot.lookup("#watermark").queryAs(Watermark.class);
        assertTrue(watermark.isMouseTransparent(), "the watermark would catch clicks and selection");
        assertFalse(watermark.isFocusTraversable(), "the watermark would take the keyboard focus");

        // Clicks on the page still reach the controls below the watermark.
        robot.clickOn("#nextPage");
        waitFor(() -> "2".equals(robot.lookup("#pageField").queryTextInputControl().getText()));
    }

    @Test
    void watermarkCoversResizedWindow(FxRobot robot) throws TimeoutException {
        show(robot, "image.jpg", "image/jpeg", Corpus.read(Corpus.image("image.jpg")));
        waitForImage(robot);

        Watermark watermark = robot.lookup("#watermark").queryAs(Watermark.class);
        double before = watermark.getWidth();
        double wider = before < 1000 ? 1150 : 800;
        robot.interact(() -> stage.setWidth(wider));
        waitFor(() -> Math.abs(watermark.getWidth() - before) > 50,
                () -> "a watermark " + watermark.getWidth() + " wide in a stage " + stage.getWidth() + " wide");

        Bounds area = watermark.localToScene(watermark.getLayoutBounds());
        List<Text> lines = lines(watermark);
        assertTrue(lines.stream().anyMatch(line -> covers(line, area.getMinX() + 40, area.getMinY() + 40)),
                "no watermark line near the top left corner");
        assertTrue(lines.stream().anyMatch(line -> covers(line, area.getMaxX() - 40, area.getMaxY() - 40)),
                "no watermark line near the bottom right corner");
    }

    private void assertWatermarkOver(FxRobot robot, Node content) {
        Watermark watermark = robot.lookup("#watermark").queryAs(Watermark.class);
        assertTrue(watermark.isVisible(), "the watermark is hidden");
        assertTrue(watermark.getOpacity() > 0, "the watermark is fully transparent");
        assertEquals(content.getParent(), watermark.getParent(), "the watermark is not stacked with the content");
        List<Node> layers = watermark.getParent().getChildrenUnmodifiable();
        assertTrue(layers.indexOf(watermark) > layers.indexOf(content), "the watermark lies under the content");

        Bounds covered = content.localToScene(content.getLayoutBounds());
        Bounds overlay = watermark.localToScene(watermark.getLayoutBounds());
        assertTrue(overlay.contains(covered.getCenterX(), covered.getCenterY()), "the watermark misses the content");

        List<Text> lines = lines(watermark);
        assertFalse(lines.isEmpty(), "the watermark has no lines");
        String text = lines.get(0).getText();
        assertTrue(text.contains(IdentifiedDocumentService.USER), text);
        assertTrue(text.contains(IdentifiedDocumentService.DEVICE), text);
        assertTrue(OPEN_TIME.matcher(text).find(), text);
        assertTrue(lines.get(0).getFill().getClass().getSimpleName().equals("Color")
                && ((javafx.scene.paint.Color) lines.get(0).getFill()).getOpacity() < 0.5, "the lines are not see-through");
    }

    private static boolean covers(Text line, double sceneX, double sceneY) {
        Bounds bounds = line.localToScene(line.getLayoutBounds());
        return Math.abs(bounds.getCenterX() - sceneX) < 300 && Math.abs(bounds.getCenterY() - sceneY) < 200;
    }

    private static List<Text> lines(Watermark watermark) {
        return watermark.lookupAll("." + Watermark.TEXT_STYLE_CLASS).stream().map(Text.class::cast).toList();
    }

    private void show(FxRobot robot, String name, String mediaType, byte[] content) {
        DocumentSummary summary = new DocumentSummary(UUID.randomUUID(), name, mediaType, content.length,
                "reception", Instant.parse("2026-03-01T09:30:00Z"), null, "uploaded");
        OpenedDocument document = new OpenedDocument(summary, content);
        robot.interact(() -> ViewerWindow.showIn(stage, document, new IdentifiedDocumentService(), executor));
    }

    private static void waitForImage(FxRobot robot) throws TimeoutException {
        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
    }
}

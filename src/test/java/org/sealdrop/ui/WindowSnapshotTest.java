package org.sealdrop.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.VaultState;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.sealdrop.testsupport.Corpus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the windows headless to {@code target/snapshots/*.png} so a developer can judge the layout
 * by eye. It checks nothing and runs only with {@code -Dsealdrop.snapshots=true}.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSnapshotTest {

    private static final Path OUTPUT = Path.of("target", "snapshots");

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private Stage stage;

    @BeforeAll
    static void onlyWhenAsked() {
        assumeTrue(Boolean.getBoolean("sealdrop.snapshots"), "set -Dsealdrop.snapshots=true to render snapshots");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void setupView(FxRobot robot) throws IOException {
        robot.interact(() -> MainWindow.show(stage, new ScriptedServices(VaultState.NOT_CONFIGURED), new ScriptedServices(VaultState.NOT_CONFIGURED), executor));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#setupButton");
        WaitForAsyncUtils.waitForFxEvents();
        save(stage.getScene(), "setup");
    }

    @Test
    void unlockViewAfterWrongPassphrase(FxRobot robot) throws IOException, TimeoutException {
        ScriptedServices services = new ScriptedServices(VaultState.LOCKED);
        robot.interact(() -> MainWindow.show(stage, services, services, executor));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        robot.clickOn("#unlockPassphrase").write("not the passphrase").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#unlockProblem")
                .queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        save(stage.getScene(), "unlock");
    }

    @Test
    void documentsViewWithTransfers(FxRobot robot, @TempDir Path folder) throws IOException, TimeoutException {
        ScriptedServices services = new ScriptedServices(VaultState.UNLOCKED);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = MainWindow.show(stage, services, services, executor));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window[0].documentsView() != null);
        Path first = Files.writeString(folder.resolve("Referral Dr Meyer.pdf"), "x");
        Path second = Files.writeString(folder.resolve("Lab results to-fail.pdf"), "x");
        Path third = Files.writeString(folder.resolve("Scan page 3.tiff"), "x");
        Path fourth = Files.writeString(folder.resolve(".DS_Store"), "x");
        robot.interact(() -> window[0].documentsView().addDroppedFiles(List.of(first.toFile(), second.toFile(),
                third.toFile(), folder.toFile())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window[0].documentsView().transfers().items().size() >= 4);
        Thread.yield();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        save(stage.getScene(), "documents");
        services.releaseUploads();
        fourth.toFile().deleteOnExit();
    }

    @Test
    void pdfViewer(FxRobot robot) throws IOException, TimeoutException {
        showViewer(robot, "Referral Dr Meyer 2026-02-27.pdf", "application/pdf", Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf")));
        save(stage.getScene(), "viewer-pdf");
    }

    @Test
    void imageViewer(FxRobot robot) throws IOException, TimeoutException {
        showViewer(robot, "Wound photo.jpg", "image/jpeg", Corpus.read(Corpus.image("image.jpg")));
        save(stage.getScene(), "viewer-image");
    }

    @Test
    void otherViewer(FxRobot robot) throws IOException {
        OpenedDocument document = opened("Spreadsheet.xlsx", "application/vnd.ms-excel", new byte[] {'P', 'K', 3, 4});
        robot.interact(() -> ViewerWindow.showIn(stage, document, new ScriptedServices(VaultState.UNLOCKED), executor));
        WaitForAsyncUtils.waitForFxEvents();
        save(stage.getScene(), "viewer-other");
    }

    private void showViewer(FxRobot robot, String name, String mediaType, byte[] content) throws TimeoutException {
        OpenedDocument document = opened(name, mediaType, content);
        robot.interact(() -> ViewerWindow.showIn(stage, document, new ScriptedServices(VaultState.UNLOCKED), executor));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static OpenedDocument opened(String name, String mediaType, byte[] content) {
        return new OpenedDocument(new DocumentSummary(UUID.randomUUID(), name, mediaType, content.length, "reception",
                Instant.now(), null, "uploaded"), content);
    }

    private static void save(Scene scene, String name) throws IOException {
        WritableImage[] picture = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> picture[0] = scene.snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        int width = (int) picture[0].getWidth();
        int height = (int) picture[0].getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = picture[0].getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(OUTPUT);
        File file = OUTPUT.resolve(name + ".png").toFile();
        ImageIO.write(image, "png", file);
    }
}

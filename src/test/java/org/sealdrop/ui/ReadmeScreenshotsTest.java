package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sealdrop.ui.DocumentTableSteps.indexOf;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.ui.theme.ThemeChoice;
import org.sealdrop.ui.theme.UiPreferences;
import org.sealdrop.ui.theme.UiTheme;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the README's screenshots from the real window on the real services: the documents view
 * with ten corpus documents, the viewer on a corpus PDF, the Settings window and the unlock form, each in the light and the
 * dark theme. Runs only when asked, and writes PNG files into the folder the property names:
 *
 * <pre>mvn -B -o test -Dgroups=screenshots -Dscreenshots=docs/images</pre>
 */
@Tag("screenshots")
class ReadmeScreenshotsTest extends MainWindowTest {

    /** Names under which the documents are listed, with the corpus file each one holds. */
    private static final Map<String, Path> DOCUMENTS = new LinkedHashMap<>();

    static {
        DOCUMENTS.put("Referral letter cardiology.pdf", Corpus.pdf("pdflatex-4-pages.pdf"));
        DOCUMENTS.put("Lab results March.pdf", Corpus.pdf("multicolumn.pdf"));
        DOCUMENTS.put("Discharge summary.pdf", Corpus.pdf("google-doc-document.pdf"));
        DOCUMENTS.put("Consent form signed.pdf", Corpus.pdf("002-trivial-libre-office-writer.pdf"));
        DOCUMENTS.put("Wound photo left knee.jpg", Corpus.image("image.jpg"));
        DOCUMENTS.put("Radiology report.pdf", Corpus.pdf("pdflatex-image.pdf"));
        DOCUMENTS.put("Prescription renewal.pdf", Corpus.pdf("minimal-document.pdf"));
        DOCUMENTS.put("Insurance form.pdf", Corpus.pdf("crazyones-pdfa.pdf"));
        DOCUMENTS.put("Dental chart.png", Corpus.image("smile.png"));
        DOCUMENTS.put("Scanned referral.tiff", Corpus.image("smile.tiff"));
    }

    /** Share of pixels that must differ from black; a failed software render comes out black. */
    private static final double MIN_PAINTED_SHARE = 0.5;

    @BeforeAll
    static void onlyWhenAsked() {
        assumeTrue(!System.getProperty("screenshots", "").isBlank(),
                "set -Dscreenshots=FOLDER to render the README screenshots");
    }

    @Test
    void renderWindowsInBothThemes(FxRobot robot) throws IOException, TimeoutException {
        Path output = Files.createDirectories(Path.of(System.getProperty("screenshots")));
        robot.interact(() -> UiTheme.load(UiPreferences.inMemory()));

        int patient = 1040;
        for (Map.Entry<String, Path> document : DOCUMENTS.entrySet()) {
            Path named = Files.copy(document.getValue(), Files.createDirectories(root.resolve("clinic"))
                    .resolve(document.getKey()));
            services.documents().upload(named, "P-" + patient++, TransferListener.NONE);
        }

        window = fixture.showUnlocked(robot);
        TableView<DocumentSummary> table = AccessibilityChecks.documentTable(robot);
        waitFor(() -> table.getItems().size() == DOCUMENTS.size());

        for (ThemeChoice theme : new ThemeChoice[] {ThemeChoice.LIGHT, ThemeChoice.DARK}) {
            String suffix = "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png";
            robot.interact(() -> {
                UiTheme.choose(theme);
                int row = indexOf(table, "Discharge summary.pdf");
                table.getSelectionModel().select(row);
                table.requestFocus();
            });
            save(stage.getScene(), output.resolve("main-window" + suffix));

            robot.type(KeyCode.ENTER);
            waitFor(() -> window.viewers().size() == 1);
            Scene viewer = window.viewers().get(0).stage().getScene();
            waitFor(() -> viewer.lookup("#pageImage") != null
                    && ((ImageView) viewer.lookup("#pageImage")).getImage() != null);
            save(viewer, output.resolve("viewer" + suffix));
            robot.interact(() -> window.closeViewers());
            waitFor(() -> window.viewers().isEmpty());

            robot.interact(() -> window.openSettings());
            waitFor(() -> window.settingsWindow() != null);
            save(window.settingsWindow().stage().getScene(), output.resolve("settings" + suffix));
            robot.interact(() -> window.settingsWindow().close());
        }

        robot.interact(() -> stage.getScene().getAccelerators().get(WindowShortcuts.LOCK).run());
        WindowFixture.waitForShowing(robot, "#unlockPassphrase");
        for (ThemeChoice theme : new ThemeChoice[] {ThemeChoice.LIGHT, ThemeChoice.DARK}) {
            robot.interact(() -> UiTheme.choose(theme));
            save(stage.getScene(), output.resolve("unlock-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        robot.interact(() -> UiTheme.load(UiPreferences.inMemory()));
    }

    /** Writes a snapshot of {@code scene} to {@code file} and checks that the render painted it. */
    private static void save(Scene scene, Path file) throws IOException {
        // A theme change restyles in one pulse and lays the table out again in the next; let both pass.
        for (int pass = 0; pass < 3; pass++) {
            WaitForAsyncUtils.waitForAsyncFx(20_000, () -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        WritableImage[] picture = new WritableImage[1];
        WaitForAsyncUtils.waitForAsyncFx(20_000, () -> picture[0] = scene.snapshot(null));
        int width = (int) picture[0].getWidth();
        int height = (int) picture[0].getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = picture[0].getPixelReader();
        long painted = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = pixels.getArgb(x, y);
                image.setRGB(x, y, argb);
                if ((argb & 0xffffff) != 0) {
                    painted++;
                }
            }
        }
        double share = painted / (double) ((long) width * height);
        assertTrue(share >= MIN_PAINTED_SHARE, file.getFileName() + " is mostly black: " + share);
        ImageIO.write(image, "png", file.toFile());
    }
}

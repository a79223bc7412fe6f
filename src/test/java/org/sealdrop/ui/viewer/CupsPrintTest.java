package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javafx.print.Printer;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Print through the real JavaFX {@code PrinterJob} to a local CUPS PDF printer (Debian's
 * {@code cups-pdf}), which writes each job as a PDF named after the job. The test runs only where
 * such a printer is set up: its queue name comes from the system property {@code sealdrop.test.printer}
 * (default {@code SealDropPDF}) and its output folder from {@code sealdrop.test.printerOutput}
 * (default {@code ~/PDF}, where cups-pdf writes a user's jobs). Elsewhere it is skipped.
 */
@ExtendWith(ApplicationExtension.class)
class CupsPrintTest {

    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private TestEnvironment environment;
    private Stage stage;
    private Path output;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws IOException {
        executor.shutdownNow();
        if (environment != null) {
            environment.close();
        }
        if (output != null) {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void pdfPrinterReceivesEveryPage(FxRobot robot) throws Exception {
        Path printed = printThroughCups(robot, Corpus.pdf("pdflatex-4-pages.pdf"), "Sent 4 pages to the printer.");

        try (PDDocument document = Loader.loadPDF(printed.toFile())) {
            assertEquals(4, document.getNumberOfPages());
        }
        assertTrue(environment.services().flushAudit(Duration.ofSeconds(60)));
        assertEquals(1, environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("print"))
                .filter(event -> event.get("outcome").asText().equals("success"))
                .count());
    }

    @Test
    void printedPaperCarriesWatermark(FxRobot robot) throws Exception {
        // The 300 × 200 image, fitted to the page width, fills the middle of the page. Its lower quarter is
        // blank paper but for the watermark.
        Path printed = printThroughCups(robot, Corpus.image("image.jpg"), "Sent 1 page to the printer.");

        try (PDDocument document = Loader.loadPDF(printed.toFile())) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 50);
            double share = greyShare(page, page.getHeight() * 3 / 4, page.getHeight() * 9 / 10);
            assertTrue(share > 0.01, "the blank lower part of the printed page has " + share + " grey pixels");
        }
    }

    /** Uploads, opens and prints {@code file} through the CUPS queue; returns the PDF that the queue wrote. */
    private Path printThroughCups(FxRobot robot, Path file, String doneStatus) throws Exception {
        String queue = System.getProperty("sealdrop.test.printer", "SealDropPDF");
        Optional<Printer> printer = Printer.getAllPrinters().stream().filter(p -> p.getName().equals(queue)).findFirst();
        assumeTrue(printer.isPresent(), "no CUPS printer named " + queue + " is set up");
        Path outputFolder = Paths.get(System.getProperty("sealdrop.test.printerOutput",
                Paths.get(System.getProperty("user.home"), "PDF").toString()));

        environment = TestEnvironment.start(temp);
        LocalServices services = environment.services();
        UUID documentId = services.documents().upload(file, null, TransferListener.NONE).id();
        OpenedDocument document = services.documents().open(documentId, TransferListener.NONE);
        String jobName = "sealdrop-print-test-" + UUID.randomUUID();
        robot.interact(() -> {
            ViewerWindow viewer = ViewerWindow.showIn(stage, document, services.documents(), executor);
            viewer.printing().useTargets(() -> FxPrintTarget.withoutDialog(printer.get(), jobName));
        });
        waitFor(() -> !robot.lookup("#printButton").query().isDisabled());

        robot.clickOn("#printButton");
        waitFor(() -> doneStatus.equals(robot.lookup("#viewerStatus").queryAs(Label.class).getText()),
                () -> robot.lookup("#viewerStatus").queryAs(Label.class).getText());

        output = awaitOutput(outputFolder, jobName);
        return output;
    }

    /** Returns the share of light grey pixels in rows {@code fromRow} to {@code toRow}: the watermark's lines on white paper. */
    private static double greyShare(BufferedImage page, int fromRow, int toRow) {
        long grey = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - g) < 10 && Math.abs(g - b) < 10 && r >= 150 && r <= 235) {
                    grey++;
                }
            }
        }
        return (double) grey / (page.getWidth() * (long) (toRow - fromRow));
    }

    /** Polls for the PDF that cups-pdf names after the job, once it has been written completely. */
    private static Path awaitOutput(Path folder, String jobName) throws Exception {
        Instant deadline = Instant.now().plus(OUTPUT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    Optional<Path> found = files.filter(file -> file.getFileName().toString().startsWith(jobName)).findFirst();
                    if (found.isPresent() && isCompletePdf(found.get())) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The printer wrote no PDF for job " + jobName + " to " + folder + " within "
                + OUTPUT_TIMEOUT.toSeconds() + " s; check `lpstat -W completed -o` and the CUPS error log.");
    }

    private static boolean isCompletePdf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String tail = new String(bytes, Math.max(0, bytes.length - 64), Math.min(64, bytes.length),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }
}

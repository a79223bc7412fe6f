package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Viewing a document writes no plaintext to disk. While a PDF or an image is opened, paged through,
 * zoomed and closed in the viewer, {@link DiskWatch} watches the home folder, {@code java.io.tmpdir},
 * {@code user.home} (a folder of this test) and the working folder for any new or changed file that
 * contains a piece of the document.
 *
 * <p>Each document is a corpus file made unique for the run (a page of random text with a marker
 * added to the PDF, a block of random pixels painted into the image), so a copy of the corpus file
 * that another test or program writes meanwhile is not mistaken for a leak. So the test recognises
 * the parts that make the document unique: its marker page and text, or its re-encoded image.
 * NOTE: a leak of only a corpus page's decoded stream would not be recognised.
 */
@ExtendWith(ApplicationExtension.class)
class NoPlaintextOnDiskTest {

    @TempDir
    Path temp;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private TestEnvironment environment;
    private Stage stage;
    private String savedUserHome;
    private Path userHome;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServices() throws IOException {
        environment = TestEnvironment.start(temp.resolve("environment"));
        environment.services();
        userHome = Files.createDirectories(temp.resolve("user-home"));
        savedUserHome = System.getProperty("user.home");
        System.setProperty("user.home", userHome.toString());
    }

    @AfterEach
    void stop() {
        System.setProperty("user.home", savedUserHome);
        executor.shutdownNow();
        environment.close();
    }

    @Test
    void pdfViewWritesNoPlaintext(FxRobot robot) throws Exception {
        byte[] corpus = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        String marker = "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID();
        byte[] pdf = pdfWithMarkerPage(corpus, marker);
        byte[] sibling = pdfWithMarkerPage(corpus, "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID());

        assertNoPlaintextWhileViewing(robot, pdf, "referral.pdf",
                new PlaintextFingerprint(pdf, List.of(corpus, sibling), marker), 5);
    }

    @Test
    void imageViewWritesNoPlaintext(FxRobot robot) throws Exception {
        byte[] corpus = Corpus.read(Corpus.image("image.jpg"));
        String marker = "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID();
        byte[] png = imageWithRandomBlock(corpus);
        byte[] sibling = imageWithRandomBlock(corpus);

        assertNoPlaintextWhileViewing(robot, png, "scan.png",
                new PlaintextFingerprint(png, List.of(corpus, sibling), marker), 1);
    }

    @Test
    void watchFindsPlaintextWrittenMeanwhile() throws Exception {
        byte[] corpus = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        String marker = "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID();
        byte[] pdf = pdfWithMarkerPage(corpus, marker);

        byte[] sibling = pdfWithMarkerPage(corpus, "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID());

        List<String> findings;
        try (DiskWatch watch = new DiskWatch(watchedRoots(), NoPlaintextOnDiskTest::isOtherProgramsFolder,
                new PlaintextFingerprint(pdf, List.of(corpus, sibling), marker))) {
            // A scratch file that lives only while the watch runs, and one that stays.
            Path scratch = userHome.resolve("scratch.bin");
            Files.write(scratch, pdf);
            waitFor(() -> watch.hasFound(scratch));
            Files.delete(scratch);
            Files.writeString(userHome.resolve("extracted.txt"), "page 5: " + marker);
            findings = watch.finish();
        }

        assertEquals(2, findings.size(), findings.toString());
    }

    @Test
    void savedCopyIsOnlyFileWithPlaintext(FxRobot robot) throws Exception {
        byte[] corpus = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        String marker = "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID();
        byte[] pdf = pdfWithMarkerPage(corpus, marker);
        byte[] sibling = pdfWithMarkerPage(corpus, "SEALDROP-PLAINTEXT-MARKER-" + UUID.randomUUID());
        Path chosen = Files.createDirectories(userHome.resolve("Documents")).resolve("referral copy.pdf");

        List<String> findings = viewWhileWatching(robot, pdf, "referral.pdf",
                new PlaintextFingerprint(pdf, List.of(corpus, sibling), marker), 5, chosen);

        assertArrayEquals(pdf, Files.readAllBytes(chosen), "the copy is the uploaded file");
        assertTrue(findings.stream().anyMatch(finding -> finding.startsWith(chosen + " ")), findings.toString());
        // The copy is written to a hidden .part file beside the chosen one and renamed when complete, so
        // the watch may also have read that file before the rename.
        Path partPrefix = chosen.resolveSibling(".sealdrop-");
        List<String> elsewhere = findings.stream()
                .filter(finding -> !finding.startsWith(chosen + " "))
                .filter(finding -> !(finding.startsWith(partPrefix.toString()) && finding.contains(".part ")))
                .toList();
        assertEquals(List.of(), elsewhere, "only the chosen file contains plaintext");
        try (var left = Files.list(chosen.getParent())) {
            assertEquals(List.of(chosen), left.toList(), "no .part file is left beside the copy");
        }
    }

    private void assertNoPlaintextWhileViewing(FxRobot robot, byte[] plaintext, String name,
            PlaintextFingerprint fingerprint, int pages) throws Exception {
        List<String> findings = viewWhileWatching(robot, plaintext, name, fingerprint, pages, null);

        assertEquals(List.of(), findings, "files with plaintext of the viewed document");
    }

    /**
     * Uploads {@code plaintext}, then opens it in the viewer with the thumbnail strip shown, pages,
     * zooms, saves a copy to {@code chosenCopy} unless it is null, and closes the viewer while the disk
     * is watched. Returns the watch's findings.
     */
    private List<String> viewWhileWatching(FxRobot robot, byte[] plaintext, String name,
            PlaintextFingerprint fingerprint, int pages, Path chosenCopy) throws Exception {
        assertTrue(fingerprint.runCount() > 100, "too few pieces of the plaintext to look for: " + fingerprint.runCount());
        LocalServices services = environment.services();
        Path source = temp.resolve("source").resolve(name);
        Files.createDirectories(source.getParent());
        Files.write(source, plaintext);
        UUID id = services.documents().upload(source, null, TransferListener.NONE).id();
        // The upload's source is the one copy of the plaintext on disk that the user made.
        Files.delete(source);
        // The viewer must turn ImageIO's file cache off itself.
        ImageIO.setUseCache(true);

        List<String> findings;
        try (DiskWatch watch = new DiskWatch(watchedRoots(), NoPlaintextOnDiskTest::isOtherProgramsFolder, fingerprint)) {
            assertTrue(watch.filesBefore() > 0, "the snapshot saw no files");
            OpenedDocument document = services.documents().open(id, TransferListener.NONE);
            ViewerWindow[] viewer = new ViewerWindow[1];
            robot.interact(() -> viewer[0] = ViewerWindow.showIn(stage, document, services.documents(), executor));
            robot.lookup("#thumbnailsToggle").tryQuery()
                    .ifPresent(toggle -> robot.interact(() -> ((ToggleButton) toggle).setSelected(true)));
            pageThrough(robot, pages);
            robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
            if (chosenCopy != null) {
                robot.interact(() -> viewer[0].saveCopyTo(chosenCopy));
                waitFor(() -> Files.exists(chosenCopy));
            }
            robot.interact(viewer[0]::close);
            waitFor(() -> isAllZero(document.content()));
            findings = watch.finish();
            // The open event goes into the index database in the home folder, so the watch must have seen it.
            assertTrue(watch.filesSeenDuringWatch() > 0, "the watch service reported no file at all");
        }

        assertFalse(ImageIO.getUseCache(), "ImageIO caches decoded image streams in temporary files");
        return findings;
    }

    /** Waits for each page's image, then turns to the next one, up to the last page. */
    private static void pageThrough(FxRobot robot, int pages) throws TimeoutException {
        ImageView[] image = new ImageView[1];
        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> (image[0] = (ImageView) node).getImage() != null).orElse(false));
        for (int page = 2; page <= pages; page++) {
            Image shown = image[0].getImage();
            robot.type(KeyCode.PAGE_DOWN);
            String expected = Integer.toString(page);
            waitFor(() -> expected.equals(robot.lookup("#pageField").queryAs(TextField.class).getText())
                    && image[0].getImage() != shown);
        }
    }

    private List<Path> watchedRoots() {
        List<Path> candidates = new ArrayList<>(List.of(environment.home().root(),
                Path.of(System.getProperty("java.io.tmpdir")), userHome, Path.of("").toAbsolutePath()));
        // The caches that JavaFX, the Java preferences and PDFBox keep below the real home folder, which
        // they locate before this test moves user.home.
        for (String cache : List.of(".openjfx", ".java", ".cache")) {
            candidates.add(Path.of(savedUserHome, cache));
        }
        String pdfboxCache = System.getProperty("pdfbox.fontcache");
        if (pdfboxCache != null) {
            candidates.add(Path.of(pdfboxCache));
        }
        candidates.removeIf(candidate -> !Files.isDirectory(candidate));
        List<Path> roots = new ArrayList<>();
        for (Path candidate : candidates) {
            Path real = candidate.toAbsolutePath().normalize();
            boolean inside = candidates.stream().map(other -> other.toAbsolutePath().normalize())
                    .anyMatch(other -> !other.equals(real) && real.startsWith(other));
            if (!inside) {
                roots.add(real);
            }
        }
        return roots;
    }

    /**
     * Tells whether {@code folder} is a private folder of the tools that run shell commands on this
     * machine, which this test does not read.
     */
    private static boolean isOtherProgramsFolder(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith("bash_jobs") || name.startsWith("bash_tool_");
    }

    private static byte[] pdfWithMarkerPage(byte[] corpus, String marker) throws IOException {
        try (PDDocument document = Loader.loadPDF(corpus)) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(marker);
                Random random = new Random();
                for (int line = 0; line < 40; line++) {
                    content.newLineAtOffset(0, -14);
                    content.showText(Long.toHexString(random.nextLong()) + " " + Long.toHexString(random.nextLong())
                            + " " + Long.toHexString(random.nextLong()));
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] imageWithRandomBlock(byte[] corpus) throws IOException {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(corpus));
        Random random = new Random();
        Graphics2D graphics = image.createGraphics();
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                graphics.setColor(new Color(random.nextInt(0x1000000)));
                graphics.fillRect(20 + x, 20 + y, 1, 1);
            }
        }
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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

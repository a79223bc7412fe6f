package org.sealdrop.viewer;

import org.sealdrop.testsupport.Corpus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealdrop.SealDropException;

class PageRendererTest {

    static Stream<Path> corpusFiles() {
        return Stream.concat(Corpus.filesIn("pdf").stream(), Corpus.filesIn("images").stream());
    }

    /**
     * Corpus files that PDFBox 3.0.8 cannot parse, even from a file. This one fails with "Page tree
     * root must be a dictionary" after PDFBox warns about a wrong stream length. The viewer must reject it
     * cleanly. When a PDFBox upgrade reads it, the test fails and the entry should go.
     */
    private static final Set<String> UNREADABLE_BY_PDFBOX = Set.of("unreadablemetadata.pdf");

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void rendersFirstPageOfCorpusFile(Path file) {
        byte[] content = Corpus.read(file);
        DocumentKind kind = DocumentKind.detect(null, content);

        if (UNREADABLE_BY_PDFBOX.contains(file.getFileName().toString())) {
            SealDropException e = assertThrows(SealDropException.class, () -> PageRenderer.open(kind, content));
            assertEquals("SD-VIEWER-DAMAGED", e.errorCode());
            return;
        }
        try (PageRenderer renderer = PageRenderer.open(kind, content)) {
            assertTrue(renderer.pageCount() >= 1, "page count " + renderer.pageCount());

            BufferedImage page = renderer.render(0, 1f);
            assertTrue(page.getWidth() > 0, "width");
            assertTrue(page.getHeight() > 0, "height");
            assertTrue(distinctColours(page, 2) >= 2, "a rendered page shows more than one colour");
        }
    }

    @Test
    void latexPdfHasFourPages() {
        byte[] content = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, content)) {
            assertEquals(4, renderer.pageCount());
            assertTrue(renderer.render(3, 0.5f).getWidth() > 0, "the last page renders");
            assertThrows(IllegalArgumentException.class, () -> renderer.render(4, 1f));
            assertThrows(IllegalArgumentException.class, () -> renderer.render(-1, 1f));
        }
    }

    @Test
    void pdfZoomScalesTheRendering() {
        byte[] content = Corpus.read(Corpus.pdf("minimal-document.pdf"));

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, content)) {
            BufferedImage normal = renderer.render(0, 1f);
            BufferedImage doubled = renderer.render(0, 2f);

            assertEquals(normal.getWidth() * 2, doubled.getWidth(), 2);
            assertEquals(normal.getHeight() * 2, doubled.getHeight(), 2);
            assertThrows(IllegalArgumentException.class, () -> renderer.render(0, 0f));
            assertThrows(IllegalArgumentException.class, () -> renderer.render(0, Float.NaN));
        }
    }

    @Test
    void smileTiffLoads() {
        byte[] content = Corpus.read(Corpus.image("smile.tiff"));

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.TIFF, content)) {
            assertEquals(1, renderer.pageCount());
            BufferedImage image = renderer.render(0, 1f);
            assertEquals(16, image.getWidth());
            assertEquals(16, image.getHeight());
        }
    }

    @Test
    void multiPageTiffHasOnePagePerFrame(@TempDir Path folder) throws IOException {
        byte[] content = MultiPageTiff.write(folder, 3);

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.TIFF, content)) {
            assertEquals(3, renderer.pageCount());
            for (int page = 0; page < 3; page++) {
                assertEquals(MultiPageTiff.widthOfFrame(page), renderer.render(page, 1f).getWidth(), "frame " + page);
            }
        }
    }

    @Test
    void imageAtZoomOneKeepsItsSize() {
        byte[] content = Corpus.read(Corpus.image("image.jpg"));

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.JPEG, content)) {
            assertEquals(300, renderer.render(0, 1f).getWidth());
            assertEquals(200, renderer.render(0, 1f).getHeight());
            assertEquals(150, renderer.render(0, 0.5f).getWidth());
        }
    }

    @Test
    void truncatedPdfGivesSealDropException() {
        byte[] content = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        byte[] truncated = Arrays.copyOf(content, 200);

        SealDropException e = assertThrows(SealDropException.class,
                () -> PageRenderer.open(DocumentKind.PDF, truncated).render(0, 1f));
        assertEquals("SD-VIEWER-DAMAGED", e.errorCode());
    }

    /** Cuts a PDF at many lengths: each one either renders or fails with SealDropException. */
    @Test
    void everyTruncationFailsCleanlyOrRenders() {
        byte[] content = Corpus.read(Corpus.pdf("minimal-document.pdf"));
        int failures = 0;

        for (int length = 0; length < content.length; length += 257) {
            byte[] truncated = Arrays.copyOf(content, length);
            try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, truncated)) {
                renderer.render(0, 0.5f);
            } catch (SealDropException e) {
                failures++;
            } catch (RuntimeException e) {
                fail("Truncation at " + length + " bytes escaped as " + e, e);
            }
        }
        assertTrue(failures > 0, "some truncations must fail");
    }

    @Test
    void truncatedImageGivesSealDropException() {
        byte[] content = Corpus.read(Corpus.image("page-23-Im2.png"));
        byte[] truncated = Arrays.copyOf(content, content.length / 3);

        SealDropException e = assertThrows(SealDropException.class,
                () -> PageRenderer.open(DocumentKind.PNG, truncated).render(0, 1f));
        assertEquals("SD-VIEWER-DAMAGED", e.errorCode());
    }

    @Test
    void renderAfterCloseIsRejected() {
        byte[] content = Corpus.read(Corpus.pdf("minimal-document.pdf"));
        PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, content);
        renderer.close();

        assertThrows(IllegalStateException.class, () -> renderer.render(0, 1f));
    }

    @Test
    void renderingLeavesContentUnchanged() {
        byte[] content = Corpus.read(Corpus.pdf("pdflatex-image.pdf"));
        byte[] copy = content.clone();

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, content)) {
            renderer.render(0, 1f);
        }
        assertArrayEquals(copy, content);
    }

    /**
     * PDFBox decodes JPEG images through ImageIO, whose default cache writes the stream to a
     * temporary file and deletes it on close. A watch on the cache folder records even such a short-lived
     * file.
     */
    @Test
    void jpegInPdfLeavesNoCacheFile(@TempDir Path cacheFolder) throws IOException, InterruptedException {
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cacheFolder.toFile());
        try (WatchService watch = cacheFolder.getFileSystem().newWatchService()) {
            cacheFolder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

            byte[] content = Corpus.read(Corpus.pdf("pdflatex-image.pdf"));
            try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, content)) {
                renderer.render(0, 1f);
            }

            WatchKey key = watch.poll(1, TimeUnit.SECONDS);
            List<String> created = key == null ? List.of()
                    : key.pollEvents().stream().map(event -> String.valueOf(event.context())).collect(Collectors.toList());
            assertEquals(List.of(), created, "files created in the ImageIO cache folder");
        } finally {
            ImageIO.setCacheDirectory(null);
        }
    }

    @Test
    void textKindHasNoPages() {
        assertThrows(IllegalArgumentException.class, () -> PageRenderer.open(DocumentKind.TEXT, new byte[] {'a'}));
    }

    /** Counts distinct RGB values on a grid of sample points, stopping once {@code enough} are found. */
    private static int distinctColours(BufferedImage image, int enough) {
        Set<Integer> colours = new HashSet<>();
        int stepX = Math.max(1, image.getWidth() / 200);
        int stepY = Math.max(1, image.getHeight() / 200);
        for (int y = 0; y < image.getHeight(); y += stepY) {
            for (int x = 0; x < image.getWidth(); x += stepX) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
                if (colours.size() >= enough) {
                    return colours.size();
                }
            }
        }
        return colours.size();
    }
}

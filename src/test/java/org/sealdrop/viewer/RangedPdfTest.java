package org.sealdrop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealdrop.SealDropException;
import org.sealdrop.testsupport.Corpus;

/**
 * PDFs rendered from {@link RangedContent} over a byte array: the same pixels as from the array, the
 * lenient retry for a PDF the strict parser rejects, and a failing read reported as its own error.
 */
class RangedPdfTest {

    /**
     * Ranged content over an array that fails every read that reaches {@code failFrom} with
     * {@code failureCode}.
     */
    private static final class ArrayContent implements RangedContent {
        private final byte[] bytes;
        private volatile long failFrom;
        private volatile String failureCode = "SD-INTEGRITY";

        ArrayContent(byte[] bytes, long failFrom) {
            this.bytes = bytes;
            this.failFrom = failFrom;
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            if (position + length > failFrom) {
                throw new SealDropException(failureCode, "Test content failed at byte " + position + ".");
            }
            int count = (int) Math.min(length, bytes.length - position);
            System.arraycopy(bytes, (int) position, buffer, offset, count);
            return count;
        }
    }

    static Stream<Path> corpusPdfs() {
        return Corpus.filesIn("pdf").stream().filter(file -> !file.getFileName().toString().equals("unreadablemetadata.pdf"));
    }

    @ParameterizedTest
    @MethodSource("corpusPdfs")
    void rangedPageOneEqualsInMemoryPageOne(Path pdf) {
        byte[] bytes = Corpus.read(pdf);
        try (PageRenderer inMemory = PageRenderer.open(DocumentKind.PDF, bytes);
                PageRenderer ranged = PageRenderer.openPdf(new ArrayContent(bytes, Long.MAX_VALUE))) {
            assertEquals(inMemory.pageCount(), ranged.pageCount());
            assertSamePixels(inMemory.render(0, 0.5f), ranged.render(0, 0.5f));
        }
    }

    @Test
    void shiftedOffsetsParseOnLenientRetry() {
        // One extra byte after the header line moves every object away from its cross-reference offset.
        byte[] original = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        int lineEnd = indexOf(original, (byte) '\n') + 1;
        byte[] shifted = new byte[original.length + 1];
        System.arraycopy(original, 0, shifted, 0, lineEnd);
        shifted[lineEnd] = '\n';
        System.arraycopy(original, lineEnd, shifted, lineEnd + 1, original.length - lineEnd);

        try (PageRenderer ranged = PageRenderer.openPdf(new ArrayContent(shifted, Long.MAX_VALUE))) {
            assertEquals(4, ranged.pageCount());
            assertTrue(ranged.render(0, 0.5f).getWidth() > 0);
        }
    }

    @Test
    void failedReadAtLoadIsReportedAsItself() {
        byte[] bytes = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));

        SealDropException e = assertThrows(SealDropException.class,
                () -> PageRenderer.openPdf(new ArrayContent(bytes, bytes.length - 100)));

        assertEquals("SD-INTEGRITY", e.errorCode());
    }

    @Test
    void integrityFailureFailsEveryLaterPage() {
        byte[] bytes = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        ArrayContent content = new ArrayContent(bytes, Long.MAX_VALUE);
        try (PageRenderer ranged = PageRenderer.openPdf(content)) {
            content.failFrom = 0;

            SealDropException first = assertThrows(SealDropException.class, () -> ranged.render(1, 0.5f));
            content.failFrom = Long.MAX_VALUE;
            SealDropException later = assertThrows(SealDropException.class, () -> ranged.render(0, 0.5f));

            assertEquals("SD-INTEGRITY", first.errorCode());
            assertEquals("SD-INTEGRITY", later.errorCode());
        }
    }

    @Test
    void otherFailureFailsOnlyThatRender() {
        byte[] bytes = Corpus.read(Corpus.pdf("pdflatex-4-pages.pdf"));
        ArrayContent content = new ArrayContent(bytes, Long.MAX_VALUE);
        try (PageRenderer ranged = PageRenderer.openPdf(content);
                PageRenderer inMemory = PageRenderer.open(DocumentKind.PDF, bytes)) {
            content.failureCode = "SD-S3-UNREACHABLE";
            content.failFrom = 0;

            SealDropException e = assertThrows(SealDropException.class, () -> ranged.render(1, 0.5f));
            content.failFrom = Long.MAX_VALUE;

            assertEquals("SD-S3-UNREACHABLE", e.errorCode());
            assertSamePixels(inMemory.render(1, 0.5f), ranged.render(1, 0.5f));
        }
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("byte " + value + " not found");
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs");
                }
            }
        }
    }
}

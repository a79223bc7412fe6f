package org.sealdrop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;
import org.sealdrop.testsupport.ViewerSamples;

/** Password-protected PDFs, huge pages, CMYK JPEGs, multi-page TIFFs and rotation, without JavaFX. */
class ViewerFormatsTest {

    @Test
    void protectedPdfNeedsPassword() {
        byte[] pdf = ViewerSamples.protectedPdf();

        SealDropException missing = assertThrows(SealDropException.class, () -> PageRenderer.open(DocumentKind.PDF, pdf));
        assertEquals(PageRenderer.PDF_PASSWORD, missing.errorCode());
        SealDropException wrong = assertThrows(SealDropException.class,
                () -> PageRenderer.open(DocumentKind.PDF, pdf, "guess".toCharArray()));
        assertEquals(PageRenderer.PDF_PASSWORD, wrong.errorCode());
        assertFalse(wrong.getMessage().contains("guess"), "the message never repeats the password");
    }

    @Test
    void protectedPdfOpensWithUserOrOwnerPassword() {
        byte[] pdf = ViewerSamples.protectedPdf();

        for (String password : new String[] {ViewerSamples.USER_PASSWORD, ViewerSamples.OWNER_PASSWORD}) {
            try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, pdf, password.toCharArray())) {
                assertEquals(2, renderer.pageCount());
                BufferedImage page = renderer.render(0, 0.5f);
                int centre = page.getRGB(page.getWidth() / 2, page.getHeight() / 2) & 0xFFFFFF;
                assertEquals(0x0000FF, centre, "page 1 has a blue square in its middle");
            }
        }
    }

    @Test
    void protectedPdfOpensRangedWithPassword() {
        byte[] pdf = ViewerSamples.protectedPdf();
        char[] password = ViewerSamples.USER_PASSWORD.toCharArray();

        SealDropException missing = assertThrows(SealDropException.class, () -> PageRenderer.openPdf(content(pdf)));
        assertEquals(PageRenderer.PDF_PASSWORD, missing.errorCode());
        try (PageRenderer renderer = PageRenderer.openPdf(content(pdf), password)) {
            // The caller may wipe its array at once; the renderer keeps its own copy for parsing again.
            java.util.Arrays.fill(password, '\0');
            assertEquals(2, renderer.pageCount());
            assertTrue(renderer.render(1, 0.5f).getWidth() > 0);
        }
    }

    @Test
    void hugePageRendersWithinBudget() {
        try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, ViewerSamples.hugePagePdf())) {
            PageSize size = renderer.pageSize(0);
            assertEquals(200 * 96, size.width(), 0.5);

            RenderedPage page = renderer.renderPage(0, 1f, 0);
            BufferedImage image = page.image();
            assertTrue(image.getWidth() <= PixelBudget.MAX_SIDE, "width " + image.getWidth());
            assertTrue((long) image.getWidth() * image.getHeight() <= PixelBudget.MAX_PIXELS, "pixels");
            assertTrue(page.reduced());
            int expectedPercent = (int) Math.round(100.0 * image.getWidth() / size.width());
            assertEquals(expectedPercent, page.resolutionPercent());
            assertEquals(0x00FF00, image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFFFFFF);
        }
    }

    @Test
    void normalPageIsNotReduced() {
        try (PageRenderer renderer = PageRenderer.open(DocumentKind.PDF, ViewerSamples.protectedPdf(),
                ViewerSamples.USER_PASSWORD.toCharArray())) {
            RenderedPage page = renderer.renderPage(0, 1f, 0);
            assertFalse(page.reduced());
            assertEquals(100, page.resolutionPercent());
        }
    }

    @Test
    void pixelBudgetLimitsSideAndArea() {
        assertEquals(2.0, PixelBudget.limitScale(100, 100, 2.0), 1e-9);
        assertEquals(PixelBudget.MAX_SIDE, 100_000 * PixelBudget.limitScale(100_000, 10, 1.0), 1e-6);
        double square = PixelBudget.limitScale(10_000, 10_000, 1.0);
        assertEquals(PixelBudget.MAX_PIXELS, 10_000 * square * 10_000 * square, 1.0);
    }

    @Test
    void cmykJpegShowsRed() {
        int[] red = {0, 255, 255, 0};
        for (int transform : new int[] {-1, 0, 2}) {
            byte[] jpeg = ViewerSamples.cmykJpeg(red, transform);
            assertEquals(4, JpegMarkers.scan(jpeg).components(), "transform " + transform);
            assertEquals(transform >= 0, JpegMarkers.scan(jpeg).adobe(), "transform " + transform);

            try (PageRenderer renderer = PageRenderer.open(DocumentKind.detect("image/jpeg", jpeg), jpeg)) {
                assertFalse(javax.imageio.ImageIO.getUseCache(), "ImageIO keeps decoded data in memory, not in temp files");
                BufferedImage image = renderer.render(0, 1f);
                int rgb = image.getRGB(20, 15);
                assertTrue(((rgb >> 16) & 0xFF) > 200, "red of transform " + transform + ": " + Integer.toHexString(rgb));
                assertTrue(((rgb >> 8) & 0xFF) < 60, "green of transform " + transform + ": " + Integer.toHexString(rgb));
                assertTrue((rgb & 0xFF) < 60, "blue of transform " + transform + ": " + Integer.toHexString(rgb));
            }
        }
    }

    @Test
    void rgbJpegIsNotCmyk() {
        byte[] jpeg = org.sealdrop.testsupport.Corpus.read(org.sealdrop.testsupport.Corpus.image("image.jpg"));
        assertEquals(3, JpegMarkers.scan(jpeg).components());
    }

    @Test
    void threePageTiffHasThreePages() {
        byte[] tiff = ViewerSamples.multiPageTiff(3);

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.TIFF, tiff)) {
            assertEquals(3, renderer.pageCount());
            for (int page = 0; page < 3; page++) {
                assertEquals(40 + 10 * page, renderer.pageSize(page).width(), 0.0);
                assertEquals(40 + 10 * page, renderer.render(page, 1f).getWidth());
            }
        }
    }

    @Test
    void rotationSwapsWidthAndHeight() {
        byte[] tiff = ViewerSamples.multiPageTiff(1);

        try (PageRenderer renderer = PageRenderer.open(DocumentKind.TIFF, tiff)) {
            BufferedImage upright = renderer.renderPage(0, 1f, 0).image();
            BufferedImage right = renderer.renderPage(0, 1f, 1).image();
            BufferedImage upsideDown = renderer.renderPage(0, 1f, 2).image();
            BufferedImage left = renderer.renderPage(0, 1f, -1).image();

            assertEquals(upright.getWidth(), right.getHeight());
            assertEquals(upright.getHeight(), right.getWidth());
            assertEquals(upright.getWidth(), upsideDown.getWidth());
            assertEquals(upright.getHeight(), left.getWidth());
            // The blue circle sits near the top-left corner; a clockwise turn moves it to the top right.
            assertEquals(upright.getRGB(15, 15), right.getRGB(right.getWidth() - 16, 15));
            assertEquals(upright.getRGB(15, 15), left.getRGB(15, left.getHeight() - 16));
        }
    }

    private static RangedContent content(byte[] bytes) {
        return new RangedContent() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public int read(long position, byte[] buffer, int offset, int length) {
                if (position >= bytes.length) {
                    return -1;
                }
                int count = (int) Math.min(length, bytes.length - position);
                System.arraycopy(bytes, (int) position, buffer, offset, count);
                return count;
            }
        };
    }
}

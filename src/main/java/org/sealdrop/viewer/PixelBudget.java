package org.sealdrop.viewer;

/**
 * The largest picture the viewer renders for one page, so that a huge page or a high zoom shows at
 * reduced resolution instead of exhausting the heap.
 *
 * <p>A page passes through up to four pictures of its size at once (the rendered page, its rotated
 * copy, the pixel array handed to JavaFX and the JavaFX image), plus the page still on screen. At
 * {@link #MAX_PIXELS} and 4 bytes a pixel that is about 320 MB, which fits the 1 GiB heap the tests
 * run with.
 */
public final class PixelBudget {

    /** Maximum width or height of a rendered page, in pixels. */
    public static final int MAX_SIDE = 8192;

    /** Maximum pixels of a rendered page (64 MB as 32-bit pixels). */
    public static final long MAX_PIXELS = 16L * 1024 * 1024;

    private PixelBudget() {
    }

    /**
     * Returns {@code scale}, or the largest smaller scale at which a {@code width} × {@code height}
     * picture stays within {@link #MAX_SIDE} on each side and {@link #MAX_PIXELS} in all.
     */
    public static double limitScale(double width, double height, double scale) {
        double limited = scale;
        double longestSide = Math.max(width, height) * limited;
        if (longestSide > MAX_SIDE) {
            limited *= MAX_SIDE / longestSide;
        }
        double pixels = width * height * limited * limited;
        if (pixels > MAX_PIXELS) {
            limited *= Math.sqrt(MAX_PIXELS / pixels);
        }
        return limited;
    }
}

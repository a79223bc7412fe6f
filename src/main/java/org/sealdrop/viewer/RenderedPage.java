package org.sealdrop.viewer;

import java.awt.image.BufferedImage;

/**
 * One rendered page, as shown.
 *
 * @param image the picture, already turned by the requested rotation
 * @param resolution the rendered size divided by the requested size: 1.0 normally, below 1.0 when
 *     {@link PixelBudget} reduced a page that would have been too large
 */
public record RenderedPage(BufferedImage image, double resolution) {

    /** Reductions smaller than this come from rounding pixel sizes, not from the budget. */
    private static final double ROUNDING = 0.99;

    /** Tells whether the page is shown at lower resolution than requested. */
    public boolean reduced() {
        return resolution < ROUNDING;
    }

    /** Returns the resolution as a whole percentage, at least 1. */
    public int resolutionPercent() {
        return (int) Math.max(1, Math.round(resolution * 100));
    }
}

package org.sealdrop.viewer;

/**
 * Size of a page at zoom 1.0, in pixels, before the view's rotation: a PDF page at 96 pixels per
 * inch after its own /Rotate entry, an image at its own pixel size.
 */
public record PageSize(double width, double height) {

    /** Returns the size after {@code quarterTurns} turns of 90°: width and height swap on odd turns. */
    public PageSize rotated(int quarterTurns) {
        return PageRotation.normalize(quarterTurns) % 2 == 0 ? this : new PageSize(height, width);
    }
}

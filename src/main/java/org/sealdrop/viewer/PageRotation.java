package org.sealdrop.viewer;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turns rendered pages by quarter turns for display; the document itself is never changed. */
public final class PageRotation {

    private PageRotation() {
    }

    /** Maps any number of clockwise quarter turns, negative ones too, to 0..3. */
    public static int normalize(int quarterTurns) {
        return Math.floorMod(quarterTurns, 4);
    }

    /**
     * Returns {@code source} turned clockwise by {@code quarterTurns} × 90°; the source itself when the
     * turns add up to none, otherwise a new picture.
     */
    public static BufferedImage rotate(BufferedImage source, int quarterTurns) {
        int turns = normalize(quarterTurns);
        if (turns == 0) {
            return source;
        }
        int width = source.getWidth();
        int height = source.getHeight();
        boolean swap = turns % 2 == 1;
        BufferedImage target = new BufferedImage(swap ? height : width, swap ? width : height,
                BufferedImage.TYPE_INT_ARGB);

        // Rotate about the origin, then move the turned picture back into the positive quadrant.
        AffineTransform transform = new AffineTransform();
        switch (turns) {
            case 1:
                transform.translate(height, 0);
                break;
            case 2:
                transform.translate(width, height);
                break;
            default:
                transform.translate(0, width);
                break;
        }
        transform.quadrantRotate(turns);

        Graphics2D graphics = target.createGraphics();
        try {
            graphics.drawImage(source, transform, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }
}

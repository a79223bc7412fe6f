package org.sealdrop.ui.viewer;

import java.awt.image.BufferedImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Converts AWT images from the viewer core into JavaFX images. The project depends on
 * javafx-controls only, so {@code SwingFXUtils} from javafx-swing is not available.
 */
final class FxImages {

    private FxImages() {
    }

    /** Copies the pixels; safe to call off the application thread because the image is not shown yet. */
    static WritableImage toFxImage(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        int[] argb = source.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}

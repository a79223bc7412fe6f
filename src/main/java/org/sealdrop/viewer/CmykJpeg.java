package org.sealdrop.viewer;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Decodes 4-component (CMYK or YCCK) JPEGs into RGB pictures.
 *
 * <p>The JDK 17 JPEG reader returns wrong colours for many of them: black for CMYK without an Adobe
 * segment, and a colour cast for YCCK. Its {@code readRaster} returns the CMYK values unconverted
 * (libjpeg turns YCCK into CMYK), so this class converts them itself with the naive formula
 * R = (1 − C)(1 − K), and likewise G from M and B from Y. That ignores the ink profile, so colours are
 * approximate, as in other viewers without a colour management module.
 */
final class CmykJpeg {

    private CmykJpeg() {
    }

    /**
     * Reads frame {@code index} and converts it to RGB.
     *
     * @param inverted whether the values are stored inverted, as Adobe applications write them
     * @throws IOException if the reader cannot decode the frame
     */
    static BufferedImage read(ImageReader reader, int index, ImageReadParam param, boolean inverted)
            throws IOException {
        Raster cmyk = reader.readRaster(index, param);
        int width = cmyk.getWidth();
        int height = cmyk.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);

        int[] row = new int[width * 4];
        int[] pixels = new int[width];
        for (int y = 0; y < height; y++) {
            cmyk.getPixels(cmyk.getMinX(), cmyk.getMinY() + y, width, 1, row);
            for (int x = 0; x < width; x++) {
                pixels[x] = toRgb(row, x * 4, inverted);
            }
            rgb.setRGB(0, y, width, 1, pixels, 0, width);
        }
        return rgb;
    }

    /** Converts one CMYK sample (0..255 each) to a packed RGB value. */
    static int toRgb(int[] samples, int offset, boolean inverted) {
        int c = ink(samples[offset], inverted);
        int m = ink(samples[offset + 1], inverted);
        int yellow = ink(samples[offset + 2], inverted);
        int k = ink(samples[offset + 3], inverted);
        int red = (255 - c) * (255 - k) / 255;
        int green = (255 - m) * (255 - k) / 255;
        int blue = (255 - yellow) * (255 - k) / 255;
        return (red << 16) | (green << 8) | blue;
    }

    private static int ink(int sample, boolean inverted) {
        return inverted ? 255 - sample : sample;
    }
}

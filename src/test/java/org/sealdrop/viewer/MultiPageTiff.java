package org.sealdrop.viewer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes a multi-page TIFF with the JDK's TIFF writer, because the corpus has only single-page ones. */
final class MultiPageTiff {

    private MultiPageTiff() {
    }

    /** Frame {@code i} is {@code 40 + 10 * i} pixels wide, so a test can tell the frames apart. */
    static int widthOfFrame(int index) {
        return 40 + 10 * index;
    }

    static byte[] write(Path folder, int frames) throws IOException {
        Path file = folder.resolve("frames.tiff");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("TIFF").next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new IIOImage(frame(widthOfFrame(i)), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return Files.readAllBytes(file);
    }

    private static BufferedImage frame(int width) {
        BufferedImage image = new BufferedImage(width, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, 30);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(5, 5, 20, 20);
        graphics.dispose();
        return image;
    }
}

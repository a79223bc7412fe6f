package org.sealdrop.viewer;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * JPEG, PNG and TIFF images decoded with the JDK's ImageIO readers; every frame of a multi-page TIFF
 * is a page.
 *
 * <p>A frame larger than {@link PixelBudget} allows is decoded with subsampling, so a huge scan shows
 * at a reduced size instead of exhausting the heap. CMYK and YCCK JPEGs are converted by
 * {@link CmykJpeg}. The last decoded frame is kept, so zooming does not decode it again. An
 * ImageReader is not thread-safe, so every method locks this object.
 */
final class ImagePageRenderer implements PageRenderer {

    private final ImageReader reader;
    private final ByteArrayImageInputStream input;
    private final int pageCount;
    /** Whether frames are 4-component JPEG data, and if so whether the values are stored inverted. */
    private final boolean cmyk;
    private final boolean invertedCmyk;
    private int decodedIndex = -1;
    private BufferedImage decoded;
    private boolean closed;

    private ImagePageRenderer(ImageReader reader, ByteArrayImageInputStream input, int pageCount, JpegMarkers jpeg) {
        this.reader = reader;
        this.input = input;
        this.pageCount = pageCount;
        this.cmyk = jpeg != null && jpeg.components() == 4;
        this.invertedCmyk = cmyk && jpeg.adobe();
    }

    /** Finds a reader for the image format and counts its frames; the array is read in place. */
    static ImagePageRenderer load(byte[] content) {
        ByteArrayImageInputStream input = new ByteArrayImageInputStream(content);
        ImageReader reader = null;
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("No ImageIO reader accepts this image format.");
            }
            reader = readers.next();
            reader.setInput(input, false, true);

            int pageCount = reader.getNumImages(true);
            if (pageCount < 1) {
                throw new IOException("The image contains no frames.");
            }
            JpegMarkers jpeg = DocumentKind.detect(null, content) == DocumentKind.JPEG ? JpegMarkers.scan(content) : null;
            return new ImagePageRenderer(reader, input, pageCount, jpeg);
        } catch (IOException | RuntimeException e) {
            // ImageIO plug-ins report some malformed files as unchecked exceptions.
            if (reader != null) {
                reader.dispose();
            }
            throw ViewerErrors.damaged("image", e);
        }
    }

    @Override
    public synchronized int pageCount() {
        return pageCount;
    }

    @Override
    public synchronized BufferedImage render(int pageIndex, float zoom) {
        if (closed) {
            throw new IllegalStateException("The image renderer was closed.");
        }
        ViewerErrors.checkPageRequest(pageIndex, pageCount, zoom);

        BufferedImage frame = decode(pageIndex);
        double scale = PixelBudget.limitScale(frame.getWidth(), frame.getHeight(), zoom);
        if (scale == 1.0) {
            return frame;
        }
        return scaled(frame, scale);
    }

    @Override
    public synchronized PageSize pageSize(int pageIndex) {
        if (closed) {
            throw new IllegalStateException("The image renderer was closed.");
        }
        ViewerErrors.checkPageRequest(pageIndex, pageCount, 1f);
        try {
            return new PageSize(reader.getWidth(pageIndex), reader.getHeight(pageIndex));
        } catch (IOException | RuntimeException e) {
            throw ViewerErrors.damaged("image", e);
        }
    }

    private BufferedImage decode(int pageIndex) {
        if (pageIndex == decodedIndex) {
            return decoded;
        }
        try {
            double fit = PixelBudget.limitScale(reader.getWidth(pageIndex), reader.getHeight(pageIndex), 1.0);
            ImageReadParam param = reader.getDefaultReadParam();
            if (fit < 1.0) {
                int step = (int) Math.ceil(1.0 / fit);
                param.setSourceSubsampling(step, step, 0, 0);
            }
            decoded = cmyk ? CmykJpeg.read(reader, pageIndex, param, invertedCmyk) : reader.read(pageIndex, param);
            decodedIndex = pageIndex;
            return decoded;
        } catch (IOException | RuntimeException e) {
            throw ViewerErrors.damaged("image", e);
        }
    }

    private static BufferedImage scaled(BufferedImage source, double scale) {
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            decoded = null;
            reader.dispose();
            try {
                input.close();
            } catch (IOException e) {
                // Closing a stream over an array releases nothing that could fail.
            }
        }
    }
}

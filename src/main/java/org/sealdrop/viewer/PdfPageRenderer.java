package org.sealdrop.viewer;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDF pages rendered with PDFBox 3 from a byte array.
 *
 * <p>Loading uses PDFBox's memory-only stream cache, so neither parsing nor rendering creates
 * scratch files. A PDDocument is not safe for concurrent use, so every method locks this object.
 */
final class PdfPageRenderer implements PageRenderer {

    private static final float POINTS_PER_INCH = 72f;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final int pageCount;
    private boolean closed;

    private PdfPageRenderer(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
        this.pageCount = document.getNumberOfPages();
    }

    /** Parses a PDF; the array is wrapped, not copied. */
    static PdfPageRenderer load(byte[] content) {
        PDDocument document = null;
        try {
            document = Loader.loadPDF(content, "", null, null, IOUtils.createMemoryOnlyStreamCache());
            if (document.getNumberOfPages() == 0) {
                throw new IOException("The PDF has no pages.");
            }
            return new PdfPageRenderer(document);
        } catch (InvalidPasswordException e) {
            throw ViewerErrors.pdfPassword(e);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports some malformed structures as unchecked exceptions.
            closeQuietly(document);
            throw ViewerErrors.damaged("PDF", e);
        }
    }

    @Override
    public synchronized int pageCount() {
        return pageCount;
    }

    @Override
    public synchronized BufferedImage render(int pageIndex, float zoom) {
        if (closed) {
            throw new IllegalStateException("The PDF renderer was closed.");
        }
        ViewerErrors.checkPageRequest(pageIndex, pageCount, zoom);

        float pixelsPerInch = PIXELS_PER_INCH_AT_ZOOM_1 * zoom;
        try {
            pixelsPerInch = limitResolution(pageIndex, pixelsPerInch);
            return renderer.renderImageWithDPI(pageIndex, pixelsPerInch);
        } catch (IOException | RuntimeException e) {
            throw ViewerErrors.damaged("PDF", e);
        }
    }

    /** Lowers the resolution so that the page's picture stays within {@link #MAX_PIXELS}. */
    private float limitResolution(int pageIndex, float pixelsPerInch) {
        Rectangle2D box = document.getPage(pageIndex).getCropBox().toGeneralPath().getBounds2D();
        double widthInches = box.getWidth() / POINTS_PER_INCH;
        double heightInches = box.getHeight() / POINTS_PER_INCH;
        double pixels = widthInches * heightInches * pixelsPerInch * pixelsPerInch;
        if (pixels <= MAX_PIXELS) {
            return pixelsPerInch;
        }
        return (float) (pixelsPerInch * Math.sqrt(MAX_PIXELS / pixels));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(document);
        }
    }

    private static void closeQuietly(PDDocument document) {
        if (document == null) {
            return;
        }
        try {
            document.close();
        } catch (IOException e) {
            // Closing an in-memory document releases buffers only; there is nothing to report.
        }
    }
}

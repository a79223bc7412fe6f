package org.sealdrop.viewer;

import java.awt.image.BufferedImage;
import org.sealdrop.SealDropException;

/**
 * Pages of a PDF read from {@link RangedContent}, through a {@link PdfPageRenderer} that is replaced
 * after a failed read.
 *
 * <p>PDFBox 3.0.8 keeps an object it could not read as null for the life of the document, so after
 * a broken connection a retried page would render without that object and without an error. So a
 * read failure other than {@code SD-INTEGRITY} fails only the render it happened in, and the next
 * render parses the PDF again from the content. After {@code SD-INTEGRITY} every render throws that
 * failure, and no page is drawn again. Every method locks this object.
 */
final class RangedPdfRenderer implements PageRenderer {

    private final RangedContent content;
    private final int pageCount;
    private PdfPageRenderer current;
    private SealDropException integrityFailure;
    private boolean closed;

    private RangedPdfRenderer(RangedContent content, PdfPageRenderer first) {
        this.content = content;
        this.current = first;
        this.pageCount = first.pageCount();
    }

    /** Parses the PDF; see {@link PageRenderer#openPdf} for the failures. */
    static RangedPdfRenderer load(RangedContent content) {
        return new RangedPdfRenderer(content, PdfPageRenderer.load(content));
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
        if (integrityFailure != null) {
            throw integrityFailure;
        }
        ViewerErrors.checkPageRequest(pageIndex, pageCount, zoom);

        try {
            if (current == null) {
                current = PdfPageRenderer.load(content);
            }
            return current.render(pageIndex, zoom);
        } catch (SealDropException e) {
            if (ViewerErrors.INTEGRITY.equals(e.errorCode())) {
                integrityFailure = e;
                discardCurrent();
            } else if (!ViewerErrors.DAMAGED.equals(e.errorCode())) {
                // The content failed, not the PDF: parse again at the next render.
                discardCurrent();
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        discardCurrent();
    }

    private void discardCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

package org.sealdrop.viewer;

import java.awt.image.BufferedImage;
import java.util.function.Function;
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
    /** The PDF's own password, kept for parsing again after a failed read and wiped on close; null for none. */
    private final char[] password;
    private final int pageCount;
    private PdfPageRenderer current;
    private SealDropException integrityFailure;
    private boolean closed;

    private RangedPdfRenderer(RangedContent content, char[] password, PdfPageRenderer first) {
        this.content = content;
        this.password = password;
        this.current = first;
        this.pageCount = first.pageCount();
    }

    /** Parses the PDF; see {@link PageRenderer#openPdf} for the failures. */
    static RangedPdfRenderer load(RangedContent content, char[] password) {
        char[] copy = password == null ? null : password.clone();
        try {
            return new RangedPdfRenderer(content, copy, PdfPageRenderer.load(content, copy));
        } catch (RuntimeException e) {
            wipe(copy);
            throw e;
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Override
    public synchronized int pageCount() {
        return pageCount;
    }

    @Override
    public synchronized BufferedImage render(int pageIndex, float zoom) {
        ViewerErrors.checkPageRequest(pageIndex, pageCount, zoom);
        return withCurrent(pdf -> pdf.render(pageIndex, zoom));
    }

    @Override
    public synchronized PageSize pageSize(int pageIndex) {
        ViewerErrors.checkPageRequest(pageIndex, pageCount, 1f);
        return withCurrent(pdf -> pdf.pageSize(pageIndex));
    }

    /** Runs {@code step} on the parsed PDF, parsing it again first when a failed read discarded it. */
    private <T> T withCurrent(Function<PdfPageRenderer, T> step) {
        if (closed) {
            throw new IllegalStateException("The PDF renderer was closed.");
        }
        if (integrityFailure != null) {
            throw integrityFailure;
        }
        try {
            if (current == null) {
                current = PdfPageRenderer.load(content, password);
            }
            return step.apply(current);
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
        wipe(password);
    }

    private void discardCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

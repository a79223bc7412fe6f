package org.sealdrop.viewer;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.sealdrop.SealDropException;

/**
 * PDF pages rendered with PDFBox 3 from a byte array or from {@link RangedContent}.
 *
 * <p>Loading uses PDFBox's memory-only stream cache, so neither parsing nor rendering creates
 * scratch files. From ranged content PDFBox reads the header and the cross-reference data at load,
 * then each page's objects and streams when that page renders. A failure of the ranged content is
 * reported as the content's own exception, such as {@code SD-INTEGRITY}, even when PDFBox recovered
 * from it. A PDDocument is not safe for concurrent use, so every method locks this object.
 */
final class PdfPageRenderer implements PageRenderer {

    private static final float POINTS_PER_INCH = 72f;

    private final PDDocument document;
    private final RangedContentRead source;
    private final PDFRenderer renderer;
    private final int pageCount;
    private boolean closed;

    private PdfPageRenderer(PDDocument document, RangedContentRead source) {
        this.document = document;
        this.source = source;
        this.renderer = new PDFRenderer(document);
        this.pageCount = document.getNumberOfPages();
    }

    /** Parses a PDF; the array is wrapped, not copied. {@code password} may be null for none. */
    static PdfPageRenderer load(byte[] content, char[] password) {
        PDDocument document = null;
        try {
            document = Loader.loadPDF(content, pdfBoxPassword(password), null, null,
                    IOUtils.createMemoryOnlyStreamCache());
            if (document.getNumberOfPages() == 0) {
                throw new IOException("The PDF has no pages.");
            }
            return new PdfPageRenderer(document, null);
        } catch (InvalidPasswordException e) {
            throw ViewerErrors.pdfPassword(e);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports some malformed structures as unchecked exceptions.
            closeQuietly(document);
            throw ViewerErrors.damaged("PDF", e);
        }
    }

    /**
     * Parses a PDF from ranged content, reading only what the document catalog and page tree need.
     *
     * <p>PDFBox's lenient parser (the default of {@link Loader}) first checks every offset of the
     * cross-reference data by reading each object's header, which touches the whole file of a large
     * scan. So the first attempt parses strictly, which reads objects only when they are used. Only
     * a PDF that the strict parser rejects is parsed again leniently, and that repair may read all of it.
     */
    static PdfPageRenderer load(RangedContent content, char[] password) {
        RangedContentRead strictSource = new RangedContentRead(content);
        try {
            return load(strictSource, password, false);
        } catch (SealDropException e) {
            if (!ViewerErrors.DAMAGED.equals(e.errorCode())) {
                throw e;
            }
        }
        return load(new RangedContentRead(content), password, true);
    }

    private static PdfPageRenderer load(RangedContentRead source, char[] password, boolean lenient) {
        PDDocument document = null;
        try {
            document = new PDFParser(source, pdfBoxPassword(password), null, null,
                    IOUtils.createMemoryOnlyStreamCache()) {
                {
                    setLenient(lenient);
                }
            }.parse();
            int pages = document.getNumberOfPages();
            source.throwIfFailed();
            if (pages == 0) {
                throw new IOException("The PDF has no pages.");
            }
            return new PdfPageRenderer(document, source);
        } catch (InvalidPasswordException e) {
            source.close();
            throw ViewerErrors.pdfPassword(e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(document);
            source.close();
            source.throwIfFailed();
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
            BufferedImage page = renderer.renderImageWithDPI(pageIndex, pixelsPerInch);
            // PDFBox draws what it can of a page whose image failed, so a failed source must win over the picture.
            throwIfSourceFailed();
            return page;
        } catch (IOException | RuntimeException e) {
            throwIfSourceFailed();
            throw ViewerErrors.damaged("PDF", e);
        }
    }

    @Override
    public synchronized PageSize pageSize(int pageIndex) {
        if (closed) {
            throw new IllegalStateException("The PDF renderer was closed.");
        }
        ViewerErrors.checkPageRequest(pageIndex, pageCount, 1f);
        try {
            return sizeInInches(pageIndex, PIXELS_PER_INCH_AT_ZOOM_1);
        } catch (RuntimeException e) {
            throwIfSourceFailed();
            throw ViewerErrors.damaged("PDF", e);
        }
    }

    /** Returns the page's size at {@code pixelsPerInch}, turned by the page's own /Rotate as PDFBox renders it. */
    private PageSize sizeInInches(int pageIndex, double pixelsPerInch) {
        PDPage page = document.getPage(pageIndex);
        Rectangle2D box = page.getCropBox().toGeneralPath().getBounds2D();
        PageSize size = new PageSize(box.getWidth() / POINTS_PER_INCH * pixelsPerInch,
                box.getHeight() / POINTS_PER_INCH * pixelsPerInch);
        return size.rotated(page.getRotation() / 90);
    }

    /** Lowers the resolution so that the page's picture stays within {@link PixelBudget}. */
    private float limitResolution(int pageIndex, float pixelsPerInch) {
        PageSize inches = sizeInInches(pageIndex, 1.0);
        return (float) PixelBudget.limitScale(inches.width(), inches.height(), pixelsPerInch);
    }

    /**
     * Returns the password as PDFBox takes it. NOTE: PDFBox 3 accepts only a String, which cannot be
     * wiped, so the password stays in the heap until the garbage collector reclaims it.
     */
    private static String pdfBoxPassword(char[] password) {
        return password == null ? "" : new String(password);
    }

    private void throwIfSourceFailed() {
        if (source != null) {
            source.throwIfFailed();
        }
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

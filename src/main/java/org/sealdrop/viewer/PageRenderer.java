package org.sealdrop.viewer;

import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;

/**
 * Pages of a decrypted PDF or image, rendered to pictures.
 *
 * <p>Implementations read only the bytes they were given and never write plaintext to disk.
 * They are thread-safe: {@link #render} may run on a background thread while the window thread
 * calls {@link #pageCount()}, and {@link #close()} waits for a render in progress.
 */
public interface PageRenderer extends AutoCloseable {

    /** Resolution of a PDF page at zoom 1.0, in pixels per inch: the size desktop PDF readers show at 100 %. */
    float PIXELS_PER_INCH_AT_ZOOM_1 = 96f;

    /**
     * Error code of a PDF that needs a password: none was given, or the one given does not open it.
     * It is never a sign of a damaged or altered document.
     */
    String PDF_PASSWORD = ViewerErrors.PDF_PASSWORD;

    /** Number of pages (PDF) or frames (multi-page TIFF); 1 for other images. */
    int pageCount();

    /**
     * Returns the size of a page at zoom 1.0, which the window needs to fit a page to its width or height.
     *
     * @throws IllegalArgumentException if the page index is out of range
     * @throws IllegalStateException if the renderer was closed
     * @throws org.sealdrop.SealDropException as {@link #render} does
     */
    PageSize pageSize(int pageIndex);

    /**
     * Renders one page.
     *
     * <p>At zoom 1.0 a PDF page is rendered at 96 pixels per inch and an image at its own pixel size.
     * The result is smaller than requested when it would exceed {@link PixelBudget}.
     *
     * @param pageIndex zero-based page index, below {@link #pageCount()}
     * @param zoom scale factor, greater than 0
     * @throws IllegalArgumentException if the page index or zoom is out of range
     * @throws IllegalStateException if the renderer was closed
     * @throws org.sealdrop.SealDropException with code {@code SD-VIEWER-DAMAGED} when the page cannot be decoded
     */
    BufferedImage render(int pageIndex, float zoom);

    /**
     * Renders one page as {@link #render} does, turned clockwise by {@code quarterTurns} × 90°, and
     * states how far {@link PixelBudget} reduced it.
     *
     * @throws IllegalArgumentException, IllegalStateException, org.sealdrop.SealDropException as {@link #render}
     */
    default RenderedPage renderPage(int pageIndex, float zoom, int quarterTurns) {
        PageSize size = pageSize(pageIndex);
        BufferedImage page = render(pageIndex, zoom);
        double widthRatio = page.getWidth() / Math.max(1.0, size.width() * zoom);
        double heightRatio = page.getHeight() / Math.max(1.0, size.height() * zoom);
        double resolution = Math.min(1.0, Math.max(widthRatio, heightRatio));
        return new RenderedPage(PageRotation.rotate(page, quarterTurns), resolution);
    }

    /** Releases the parsed document. Does not wipe the byte array, which belongs to the caller. */
    @Override
    void close();

    /** Parses a PDF from ranged content without a password; see {@link #openPdf(RangedContent, char[])}. */
    static PageRenderer openPdf(RangedContent content) {
        return openPdf(content, null);
    }

    /**
     * Parses a PDF from ranged content, fetching only the parts that parsing and each rendered page
     * need. The content stays owned by the caller, who closes it after the renderer.
     *
     * @param password the PDF's own password, or {@code null} for none. The renderer keeps a copy
     *     while open, because a failed read makes it parse the PDF again, and wipes it on close. The
     *     caller may wipe its array once this method returns.
     * @throws org.sealdrop.SealDropException with code {@code SD-VIEWER-DAMAGED} or
     *     {@link #PDF_PASSWORD} when the content cannot be parsed, or the content's own
     *     exception, such as {@code SD-INTEGRITY}, when reading it failed. {@link #render} throws the
     *     content's exception in the same way.
     */
    static PageRenderer openPdf(RangedContent content, char[] password) {
        ImageIO.setUseCache(false);
        return RangedPdfRenderer.load(content, password);
    }

    /** Parses {@code content} without a PDF password; see {@link #open(DocumentKind, byte[], char[])}. */
    static PageRenderer open(DocumentKind kind, byte[] content) {
        return open(kind, content, null);
    }

    /**
     * Parses {@code content} as a document of the given paged kind.
     *
     * <p>The array is used in place, not copied, so the caller must keep it unchanged until the
     * renderer is closed and may wipe it afterwards.
     *
     * @param pdfPassword the PDF's own password, or {@code null} for none; ignored for images, and not
     *     kept after this method returns
     * @throws IllegalArgumentException if {@code kind} is not paged
     * @throws org.sealdrop.SealDropException with code {@code SD-VIEWER-DAMAGED} or
     *     {@link #PDF_PASSWORD} when the content cannot be parsed
     */
    static PageRenderer open(DocumentKind kind, byte[] content, char[] pdfPassword) {
        // ImageIO caches streams in temporary files by default, and PDFBox's JPEG and JBIG2 filters
        // open ImageIO streams on decrypted image data. Turning the cache off keeps it in memory.
        ImageIO.setUseCache(false);

        switch (kind) {
            case PDF:
                return PdfPageRenderer.load(content, pdfPassword);
            case JPEG:
            case PNG:
            case TIFF:
                return ImagePageRenderer.load(content);
            default:
                throw new IllegalArgumentException("Documents of kind " + kind + " have no pages to render.");
        }
    }
}

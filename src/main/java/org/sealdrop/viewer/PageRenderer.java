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

    /** Upper limit on the pixels of one rendered page (about 200 MB as ARGB), to keep the heap safe. */
    long MAX_PIXELS = 50_000_000L;

    /** Number of pages (PDF) or frames (multi-page TIFF); 1 for other images. */
    int pageCount();

    /**
     * Renders one page.
     *
     * <p>At zoom 1.0 a PDF page is rendered at 96 pixels per inch and an image at its own pixel size.
     * The result is smaller than requested when it would exceed {@link #MAX_PIXELS}.
     *
     * @param pageIndex zero-based page index, below {@link #pageCount()}
     * @param zoom scale factor, greater than 0
     * @throws IllegalArgumentException if the page index or zoom is out of range
     * @throws IllegalStateException if the renderer was closed
     * @throws org.sealdrop.SealDropException with code {@code SD-VIEWER-DAMAGED} when the page cannot be decoded
     */
    BufferedImage render(int pageIndex, float zoom);

    /** Releases the parsed document. Does not wipe the byte array, which belongs to the caller. */
    @Override
    void close();

    /**
     * Parses a PDF from ranged content, fetching only the parts that parsing and each rendered page
     * need. The content stays owned by the caller, who closes it after the renderer.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-VIEWER-DAMAGED} or
     *     {@code SD-VIEWER-PDF-PASSWORD} when the content cannot be parsed, or the content's own
     *     exception, such as {@code SD-INTEGRITY}, when reading it failed. {@link #render} throws the
     *     content's exception in the same way.
     */
    static PageRenderer openPdf(RangedContent content) {
        ImageIO.setUseCache(false);
        return RangedPdfRenderer.load(content);
    }

    /**
     * Parses {@code content} as a document of the given paged kind.
     *
     * <p>The array is used in place, not copied, so the caller must keep it unchanged until the
     * renderer is closed and may wipe it afterwards.
     *
     * @throws IllegalArgumentException if {@code kind} is not paged
     * @throws org.sealdrop.SealDropException with code {@code SD-VIEWER-DAMAGED} or
     *     {@code SD-VIEWER-PDF-PASSWORD} when the content cannot be parsed
     */
    static PageRenderer open(DocumentKind kind, byte[] content) {
        // ImageIO caches streams in temporary files by default, and PDFBox's JPEG and JBIG2 filters
        // open ImageIO streams on decrypted image data. Turning the cache off keeps it in memory.
        ImageIO.setUseCache(false);

        switch (kind) {
            case PDF:
                return PdfPageRenderer.load(content);
            case JPEG:
            case PNG:
            case TIFF:
                return ImagePageRenderer.load(content);
            default:
                throw new IllegalArgumentException("Documents of kind " + kind + " have no pages to render.");
        }
    }
}

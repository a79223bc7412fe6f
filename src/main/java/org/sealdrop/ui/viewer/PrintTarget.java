package org.sealdrop.ui.viewer;

import javafx.scene.Node;
import javafx.stage.Window;

/**
 * The destination of the viewer's printed pages: one print job, page by page. The real target is a JavaFX
 * {@code PrinterJob} ({@link FxPrintTarget}); tests use targets that collect the pages.
 */
public interface PrintTarget {

    /**
     * Shows the print dialog; call on the application thread.
     *
     * @return false when the user cancelled the dialog, and then the job is over
     */
    boolean confirm(Window owner);

    /** Width of the printable area of a page, in points (1/72 inch). */
    double printableWidth();

    /** Height of the printable area of a page, in points (1/72 inch). */
    double printableHeight();

    /** Resolution the printer prints at, in dots per inch. */
    int dotsPerInch();

    /**
     * Prints one page laid out in the printable area; call off the application thread.
     *
     * @throws org.sealdrop.SealDropException with code {@value FxPrintTarget#PRINT_FAILED} when the
     *     printer rejects the page
     */
    void printPage(Node page);

    /**
     * Hands the job to the printer once every page is printed.
     *
     * @throws org.sealdrop.SealDropException with code {@value FxPrintTarget#PRINT_FAILED} when the
     *     printer rejects the job
     */
    void finish();

    /** Cancels the job, so the printer drops the pages sent so far where it still can. */
    void cancel();
}

package org.sealdrop.ui.viewer;

import java.util.Optional;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.stage.Window;
import org.sealdrop.SealDropException;

/** A {@link PrintTarget} that sends the pages to a printer through a JavaFX {@link PrinterJob}. */
public final class FxPrintTarget implements PrintTarget {

    /** Error code of a page or job that the printer or its driver rejected. */
    public static final String PRINT_FAILED = "SD-PRINT-FAILED";

    /** Name of the print job as the printer queue and a PDF printer show it; it names no document. */
    static final String JOB_NAME = "SealDrop document";

    private final PrinterJob job;
    private final boolean showDialog;

    private FxPrintTarget(PrinterJob job, boolean showDialog) {
        this.job = job;
        this.showDialog = showDialog;
        job.getJobSettings().setJobName(JOB_NAME);
    }

    /** Returns a job on the computer's default printer, or empty when no printer is set up. */
    public static Optional<PrintTarget> forDefaultPrinter() {
        Printer printer = Printer.getDefaultPrinter();
        if (printer == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(PrinterJob.createPrinterJob(printer)).map(job -> new FxPrintTarget(job, true));
    }

    /**
     * Returns a job on {@code printer} whose {@link #confirm} shows no dialog and accepts the printer's
     * default settings, for tests on a headless display, where the native print dialog cannot open.
     * {@code jobName} replaces the default job name so a test can find its own output.
     */
    static Optional<PrintTarget> withoutDialog(Printer printer, String jobName) {
        return Optional.ofNullable(PrinterJob.createPrinterJob(printer)).map(job -> {
            FxPrintTarget target = new FxPrintTarget(job, false);
            job.getJobSettings().setJobName(jobName);
            return target;
        });
    }

    @Override
    public boolean confirm(Window owner) {
        return !showDialog || job.showPrintDialog(owner);
    }

    @Override
    public double printableWidth() {
        return layout().getPrintableWidth();
    }

    @Override
    public double printableHeight() {
        return layout().getPrintableHeight();
    }

    @Override
    public int dotsPerInch() {
        return job.getJobSettings().getPrintResolution().getFeedResolution();
    }

    @Override
    public void printPage(Node page) {
        if (!job.printPage(page)) {
            throw failed("a page");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>NOTE: in JavaFX 17 on Linux, a job whose spooler command ({@code /usr/bin/lpr}) is missing
     * still ends with success, so a job can be lost without an error reaching this method.
     */
    @Override
    public void finish() {
        if (!job.endJob()) {
            throw failed("the job");
        }
    }

    @Override
    public void cancel() {
        job.cancelJob();
    }

    private PageLayout layout() {
        return job.getJobSettings().getPageLayout();
    }

    private SealDropException failed(String what) {
        return new SealDropException(PRINT_FAILED, "The printer did not accept " + what + " (job state "
                + job.getJobStatus() + "); check that the printer is on and ready, then print again.");
    }
}

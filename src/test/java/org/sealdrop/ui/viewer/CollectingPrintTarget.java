package org.sealdrop.ui.viewer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.stage.Window;
import org.sealdrop.SealDropException;

/**
 * A print target that keeps the pages it receives instead of printing them, with a US Letter
 * printable area (one inch margins) at 150 dpi. It can cancel the dialog or reject the job.
 */
final class CollectingPrintTarget implements PrintTarget {

    static final double WIDTH_POINTS = 468;
    static final double HEIGHT_POINTS = 648;
    static final int DOTS_PER_INCH = 150;

    final List<Node> pages = new CopyOnWriteArrayList<>();
    volatile boolean confirmed;
    volatile boolean finished;
    volatile boolean cancelled;
    private final boolean acceptDialog;
    private final boolean failJob;

    private CollectingPrintTarget(boolean acceptDialog, boolean failJob) {
        this.acceptDialog = acceptDialog;
        this.failJob = failJob;
    }

    static CollectingPrintTarget accepting() {
        return new CollectingPrintTarget(true, false);
    }

    static CollectingPrintTarget cancellingDialog() {
        return new CollectingPrintTarget(false, false);
    }

    /** A target whose printer rejects the job after taking every page. */
    static CollectingPrintTarget failingJob() {
        return new CollectingPrintTarget(true, true);
    }

    @Override
    public boolean confirm(Window owner) {
        confirmed = true;
        return acceptDialog;
    }

    @Override
    public double printableWidth() {
        return WIDTH_POINTS;
    }

    @Override
    public double printableHeight() {
        return HEIGHT_POINTS;
    }

    @Override
    public int dotsPerInch() {
        return DOTS_PER_INCH;
    }

    @Override
    public void printPage(Node page) {
        pages.add(page);
    }

    @Override
    public void finish() {
        if (failJob) {
            throw new SealDropException(FxPrintTarget.PRINT_FAILED, "The test printer rejected the job.");
        }
        finished = true;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}

package org.sealdrop.ui.viewer;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.sealdrop.app.DocumentService;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;
import org.sealdrop.viewer.DocumentKind;
import org.sealdrop.viewer.PageRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's Print command for PDFs and images: the print dialog, then an audited print of every
 * page with the watermark, rendered at the printer's resolution off the application thread.
 *
 * <p>Audit: a cancelled dialog records nothing, because no page left the computer. Once the dialog is
 * confirmed, {@link DocumentService#authorizePrint} records the print with outcome success under the
 * audit policy before the first page goes out; a rejection stops the print with no page sent. A
 * failure after that (a page that does not render, a printer that rejects the job) cancels the job
 * and records a second print event with outcome failure and the error code as reason.
 */
public final class ViewerPrinting {

    /** Highest resolution pages are rendered at; a 600 dpi A4 page would take about 140 MB as ARGB. */
    static final int MAX_DOTS_PER_INCH = 300;

    private static final Logger LOG = LoggerFactory.getLogger(ViewerPrinting.class);

    private final Window owner;
    private final UUID documentId;
    private final DocumentKind kind;
    private final DocumentService documents;
    private final Executor executor;
    private final WatermarkText watermark;
    private final Consumer<String> status;
    private final Button button = new Button(Messages.text("viewer.print"));
    private final BooleanProperty printing = new SimpleBooleanProperty(this, "printing", false);
    private final BooleanProperty allowed = new SimpleBooleanProperty(this, "allowed", true);
    private final BooleanProperty attached = new SimpleBooleanProperty(this, "attached", false);
    private volatile PageRenderer renderer;
    private Supplier<Optional<PrintTarget>> targets = FxPrintTarget::forDefaultPrinter;

    /** @param status shows a one-line result in the viewer's status text */
    ViewerPrinting(Window owner, UUID documentId, DocumentKind kind, DocumentService documents, Executor executor,
            WatermarkText watermark, Consumer<String> status) {
        this.owner = owner;
        this.documentId = documentId;
        this.kind = kind;
        this.documents = documents;
        this.executor = executor;
        this.watermark = watermark;
        this.status = status;

        button.setId("printButton");
        button.setAccessibleText(Messages.text("viewer.print.accessible"));
        button.setOnAction(event -> print());
        button.disableProperty().bind(printing.or(allowed.not()).or(attached.not()));
        // Only paged kinds have pages to print; text and other kinds show no Print button.
        button.setVisible(kind.isPaged());
        button.setManaged(kind.isPaged());
    }

    /** Returns the toolbar's Print button. */
    Button button() {
        return button;
    }

    /** Prints from {@code pages}, the renderer the window shows; enables the button. Application thread. */
    void attach(PageRenderer pages) {
        renderer = pages;
        attached.set(true);
    }

    /**
     * Allows or forbids printing, such as by a setting of IT. A forbidden print keeps the button
     * disabled and ignores Ctrl+P; a print already running finishes. Call on the application thread.
     */
    public void setPrintAllowed(boolean printAllowed) {
        allowed.set(printAllowed);
    }

    /** Replaces the source of print jobs, normally the default printer; tests pass targets that collect pages. */
    public void useTargets(Supplier<Optional<PrintTarget>> printTargets) {
        this.targets = printTargets;
    }

    /**
     * Prints the document as the Print button does: shows the print dialog, then prints in the
     * background. Without a printer it shows "No printer is set up on this computer" and prints nothing.
     * Does nothing while printing is forbidden, no page is shown yet, or a print runs. Application thread.
     */
    public void print() {
        if (button.isDisabled() || !kind.isPaged()) {
            return;
        }
        Optional<PrintTarget> found = targets.get();
        if (found.isEmpty()) {
            status.accept(Messages.text("viewer.print.noPrinter"));
            return;
        }
        PrintTarget target = found.get();
        if (!target.confirm(owner)) {
            status.accept(Messages.text("viewer.print.cancelled"));
            return;
        }

        PageRenderer pages = renderer;
        printing.set(true);
        status.accept(Messages.text("viewer.print.running"));
        BackgroundTasks.run(executor, () -> printAll(target, pages), printed -> {
            printing.set(false);
            status.accept(Messages.text("viewer.print.done", printed));
        }, failure -> {
            printing.set(false);
            status.accept("");
            ErrorDialog.show(owner, "print", failure);
        });
    }

    /** Records the print, then sends every page and the job; runs on a background thread. */
    private int printAll(PrintTarget target, PageRenderer pages) {
        try {
            documents.authorizePrint(documentId);
        } catch (RuntimeException e) {
            target.cancel();
            throw e;
        }
        try {
            float zoom = zoomFor(target);
            int count = pages.pageCount();
            for (int index = 0; index < count; index++) {
                target.printPage(PrintedPage.of(pages.render(index, zoom), target.printableWidth(),
                        target.printableHeight(), watermark));
            }
            target.finish();
            return count;
        } catch (RuntimeException e) {
            target.cancel();
            recordFailure(e);
            throw e;
        }
    }

    /**
     * Returns the zoom that renders a PDF page at the printer's resolution, capped at
     * {@link #MAX_DOTS_PER_INCH}. Images are rendered at their own pixel size and scaled by the printer.
     */
    private float zoomFor(PrintTarget target) {
        if (kind != DocumentKind.PDF) {
            return 1f;
        }
        int dotsPerInch = Math.min(MAX_DOTS_PER_INCH, Math.max(72, target.dotsPerInch()));
        return dotsPerInch / PageRenderer.PIXELS_PER_INCH_AT_ZOOM_1;
    }

    private void recordFailure(RuntimeException failure) {
        String code = ErrorReport.of(failure).code();
        try {
            documents.recordPrintFailure(documentId, code);
        } catch (RuntimeException e) {
            // The dialog shows the print failure to the user; the event that could not be recorded is logged for IT.
            LOG.warn("The failed print of document {} ({}) could not be recorded: {}", documentId, code,
                    ErrorReport.of(e).code());
        }
    }
}

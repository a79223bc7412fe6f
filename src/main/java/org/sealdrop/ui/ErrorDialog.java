package org.sealdrop.ui;

import java.time.Clock;
import java.util.UUID;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error window: a title, what happened and what to do next, the stable error code, and an
 * expandable "Details for IT" area whose text the Copy button puts on the clipboard. The same details
 * go to the log; they contain no PHI (see {@link ErrorDetails}).
 */
public final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private ErrorDialog() {
    }

    /**
     * Logs the failure with its details and shows it without blocking the caller.
     *
     * @param action what was attempted, for the log, such as "upload"; never a document name
     */
    public static Alert show(Window owner, String action, Throwable failure) {
        return show(owner, action, failure, null);
    }

    /**
     * Like {@link #show(Window, String, Throwable)} for an action on one document, whose id goes into
     * the details.
     */
    public static Alert show(Window owner, String action, Throwable failure, UUID documentId) {
        ErrorReport report = ErrorReport.of(failure, documentId, Clock.systemUTC());
        LOG.warn("{} failed with {}; details for IT:\n{}", action, report.code(), report.details());

        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        Dialogs.prepare(alert);
        alert.setTitle(Messages.text("error.window.title"));
        alert.setHeaderText(report.title());
        alert.getDialogPane().setContent(summary(report));
        alert.getDialogPane().setExpandableContent(detailsPane(report));
        alert.getDialogPane().setExpanded(false);
        alert.getDialogPane().setId("errorDialog");
        alert.show();
        return alert;
    }

    private static VBox summary(ErrorReport report) {
        Label message = new Label(report.presentation().message());
        message.setId("errorMessage");
        message.setWrapText(true);
        Label nextStep = new Label(report.presentation().nextStep());
        nextStep.setId("errorNextStep");
        nextStep.setWrapText(true);
        Label code = new Label(Messages.text("error.code", report.code()));
        code.setId("errorCode");
        code.getStyleClass().add("secondary");
        VBox box = new VBox(8, message, nextStep, code);
        box.setMaxWidth(520);
        return box;
    }

    private static VBox detailsPane(ErrorReport report) {
        Label label = new Label(Messages.text("error.details.label"));
        TextArea details = new TextArea(report.details());
        details.setId("errorDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(10);
        details.setAccessibleText(Messages.text("error.details.accessible"));
        label.setLabelFor(details);

        Button copy = new Button(Messages.text("error.details.copy"));
        copy.setId("errorCopyDetails");
        copy.setAccessibleText(Messages.text("error.details.copy.accessible"));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(report.details());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox heading = new HBox(10, label, copy);

        VBox pane = new VBox(6, heading, details);
        pane.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(details, Priority.ALWAYS);
        return pane;
    }
}

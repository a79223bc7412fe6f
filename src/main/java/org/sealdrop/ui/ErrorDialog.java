package org.sealdrop.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error window: a title, the explanation, and the error code with details the user can
 * select and copy for IT.
 */
public final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private ErrorDialog() {
    }

    /**
     * Logs the failure by code and type and shows it without blocking the caller.
     *
     * @param action what was attempted, for the log, such as "upload"; never a document name
     */
    public static Alert show(Window owner, String action, Throwable failure) {
        ErrorReport report = ErrorReport.of(failure);
        LOG.warn("{} failed with {} ({})", action, report.code(), failure.getClass().getName());

        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        Dialogs.prepare(alert);
        alert.setTitle(Messages.text("error.window.title"));
        alert.setHeaderText(report.title());
        alert.setContentText(report.text());
        alert.getDialogPane().setExpandableContent(detailsPane(report));
        alert.getDialogPane().setExpanded(false);
        alert.show();
        return alert;
    }

    private static GridPane detailsPane(ErrorReport report) {
        Label label = new Label(Messages.text("error.details.label"));
        TextArea details = new TextArea(report.details());
        details.setId("errorDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(4);
        details.setAccessibleText(Messages.text("error.details.label"));
        label.setLabelFor(details);

        GridPane pane = new GridPane();
        pane.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(details, Priority.ALWAYS);
        GridPane.setVgrow(details, Priority.ALWAYS);
        pane.add(label, 0, 0);
        pane.add(details, 0, 1);
        return pane;
    }
}

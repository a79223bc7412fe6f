package org.sealdrop.ui.documents;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogEvent;
import javafx.stage.Window;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.Dialogs;

/**
 * The confirmation before a delete. It names the document, states that the delete cannot be undone from
 * SealDrop, and makes Cancel the default button, so Enter or Escape keeps the document. It does not
 * block the caller. The name is shown to the user, never logged.
 */
final class DeleteConfirmation {

    private DeleteConfirmation() {
    }

    /** Shows the question over {@code owner} and runs {@code onConfirmed} only when the user chooses Delete. */
    static Alert show(Window owner, DocumentSummary document, Runnable onConfirmed) {
        ButtonType delete = new ButtonType(Messages.text("documents.delete.confirm"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(Messages.text("documents.delete.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.text("documents.delete.text"), delete, cancel);
        if (owner != null) {
            alert.initOwner(owner);
        }
        Dialogs.prepare(alert);
        alert.setTitle(Messages.text("documents.delete.title"));
        String shownName = document.name() == null || document.name().isBlank() ? document.id().toString() : document.name();
        alert.setHeaderText(Messages.text("documents.delete.header", shownName));
        alert.getDialogPane().setId("deleteDialog");

        Button deleteButton = (Button) alert.getDialogPane().lookupButton(delete);
        deleteButton.setId("confirmDeleteButton");
        deleteButton.setDefaultButton(false);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelDeleteButton");
        cancelButton.setDefaultButton(true);
        alert.addEventHandler(DialogEvent.DIALOG_SHOWN, event -> cancelButton.requestFocus());

        alert.setOnHidden(event -> {
            if (alert.getResult() == delete) {
                onConfirmed.run();
            }
        });
        alert.show();
        return alert;
    }
}

package org.sealdrop.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sealdrop.app.SetUpResult;

/**
 * Shows a new vault's recovery key once. The key is in a read-only field so IT can copy it or write
 * it down; SealDrop stores it nowhere, and the dialog wipes it from the result when it closes.
 */
public final class RecoveryKeyDialog {

    private RecoveryKeyDialog() {
    }

    /** Shows the dialog; call on the application thread. */
    public static Alert show(Window owner, SetUpResult result) {
        // NOTE: the text field keeps the key as a String, which cannot be wiped; clearing it on close
        // drops the reference so the collector can reclaim it.
        TextField key = new TextField(new String(result.recoveryKey()));
        key.setEditable(false);
        key.setId("recoveryKey");
        key.setPrefColumnCount(40);
        key.setAccessibleText(Messages.text("recovery.key.accessible"));

        Label explanation = new Label(Messages.text("recovery.key.explanation"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(520);

        Alert dialog = new Alert(Alert.AlertType.WARNING);
        dialog.initOwner(owner);
        Dialogs.prepare(dialog);
        dialog.setTitle(Messages.text("app.title"));
        dialog.setHeaderText(Messages.text("recovery.key.header"));
        dialog.getDialogPane().setContent(new VBox(12, explanation, key));
        dialog.setOnHidden(event -> {
            key.clear();
            result.close();
        });
        dialog.show();
        return dialog;
    }
}

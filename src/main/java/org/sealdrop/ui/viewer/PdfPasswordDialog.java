package org.sealdrop.ui.viewer;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.theme.UiTheme;

/**
 * Asks for the password of a password-protected PDF. The password is handed over as a {@code char[]}
 * that the receiver wipes after use; the dialog clears its field. Nothing here logs or stores it.
 */
final class PdfPasswordDialog {

    private PdfPasswordDialog() {
    }

    /**
     * Shows the dialog without blocking and passes the typed password, or null for Cancel, to
     * {@code onClosed} on the application thread.
     *
     * @param retry whether a password was already tried and did not open the PDF
     */
    static void ask(Window owner, boolean retry, Consumer<char[]> onClosed) {
        Label message = new Label(Messages.text(retry ? "viewer.pdfPassword.wrong" : "viewer.pdfPassword.prompt"));
        message.setId("pdfPasswordMessage");
        message.setWrapText(true);
        PasswordField field = new PasswordField();
        field.setId("pdfPassword");
        field.setAccessibleText(Messages.text("viewer.pdfPassword.accessible"));

        ButtonType open = new ButtonType(Messages.text("viewer.pdfPassword.open"), ButtonBar.ButtonData.OK_DONE);
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        UiTheme.apply(dialog.getDialogPane());
        dialog.setTitle(Messages.text("viewer.pdfPassword.title"));
        dialog.getDialogPane().setId("pdfPasswordDialog");
        dialog.getDialogPane().setContent(new VBox(10, message, field));
        dialog.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == open ? field.getText().toCharArray() : null);
        dialog.setOnHidden(event -> {
            char[] password = dialog.getResult();
            // NOTE: PasswordField keeps its text in a String, which cannot be wiped; clearing drops the reference.
            field.clear();
            onClosed.accept(password);
        });
        dialog.show();
        Platform.runLater(field::requestFocus);
    }
}

package org.sealdrop.ui.documents;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.sealdrop.app.CheckedFile;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.Dialogs;

/**
 * The one question after a drop that contains duplicates. It lists every file whose content the vault
 * or an earlier file of the drop already has, with the reason. "Skip duplicates" is the default and
 * also what closing the window means. "Add anyway" uploads them too.
 *
 * <p>The dialog does not block the caller. File names are shown to the user who dropped them, never logged.
 */
final class DuplicateDialog {

    private DuplicateDialog() {
    }

    /**
     * Shows the dialog for {@code duplicates} and passes the choice to {@code onChoice} when it closes.
     *
     * @param onChoice receives {@code true} for "Add anyway" and {@code false} for "Skip duplicates" or a closed window
     */
    static Alert show(Window owner, List<CheckedFile> duplicates, Consumer<Boolean> onChoice) {
        ButtonType skip = new ButtonType(Messages.text("duplicates.skip"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType addAnyway = new ButtonType(Messages.text("duplicates.addAnyway"), ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", addAnyway, skip);
        if (owner != null) {
            alert.initOwner(owner);
        }
        Dialogs.prepare(alert);
        alert.setTitle(Messages.text("duplicates.title"));
        alert.setHeaderText(Messages.text("duplicates.header", duplicates.size()));
        alert.getDialogPane().setId("duplicateDialog");

        ListView<String> files = new ListView<>();
        files.setId("duplicateList");
        files.setAccessibleText(Messages.text("duplicates.list.accessible"));
        double listHeight = Math.min(10, duplicates.size()) * 26 + 4;
        // An Alert sizes its content to its minimum, which squeezed the list to a line; pin its height.
        files.setPrefHeight(listHeight);
        files.setMinHeight(listHeight);
        files.setPrefWidth(560);
        for (CheckedFile file : duplicates) {
            files.getItems().add(describe(file));
        }
        alert.getDialogPane().setContent(files);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);

        Button skipButton = (Button) alert.getDialogPane().lookupButton(skip);
        skipButton.setId("skipDuplicatesButton");
        skipButton.setDefaultButton(true);
        Button addButton = (Button) alert.getDialogPane().lookupButton(addAnyway);
        addButton.setId("addDuplicatesButton");
        addButton.setDefaultButton(false);

        alert.setOnHidden(event -> onChoice.accept(alert.getResult() == addAnyway));
        alert.show();
        return alert;
    }

    /** Returns one line of the list: the file's name and why it is a duplicate. */
    static String describe(CheckedFile file) {
        String name = String.valueOf(file.file().getFileName());
        if (!file.existingDocuments().isEmpty()) {
            return Messages.text("duplicates.inVault", name);
        }
        return Messages.text("duplicates.inDrop", name,
                file.earlierFile().map(earlier -> String.valueOf(earlier.getFileName())).orElse(""));
    }
}

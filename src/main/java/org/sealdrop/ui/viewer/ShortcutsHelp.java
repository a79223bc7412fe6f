package org.sealdrop.ui.viewer;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.theme.UiTheme;

/** The "Keyboard shortcuts" help of the viewer, opened with F1 or the "?" button. */
final class ShortcutsHelp {

    /** Names of the bundle entries {@code viewer.shortcut.NAME.keys} and {@code viewer.shortcut.NAME.action}, in order. */
    static final List<String> SHORTCUTS = List.of("pages", "firstLast", "arrows", "zoom", "actualSize",
            "fitWidth", "fitPage", "rotateRight", "rotateLeft", "thumbnails", "print", "help", "close");

    private ShortcutsHelp() {
    }

    /** Shows the help next to {@code owner} without blocking; it closes with its Close button or Escape. */
    static Dialog<ButtonType> show(Window owner) {
        GridPane table = new GridPane();
        table.setId("shortcutsTable");
        table.setHgap(24);
        table.setVgap(6);
        int row = 0;
        for (String name : SHORTCUTS) {
            Label keys = new Label(Messages.text("viewer.shortcut." + name + ".keys"));
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(row++, keys, new Label(Messages.text("viewer.shortcut." + name + ".action")));
        }

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        UiTheme.apply(dialog.getDialogPane());
        dialog.setTitle(Messages.text("viewer.shortcuts.title"));
        dialog.setHeaderText(Messages.text("viewer.shortcuts.title"));
        dialog.getDialogPane().setId("shortcutsHelp");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.show();
        return dialog;
    }
}

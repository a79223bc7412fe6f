package org.sealdrop.ui.theme;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;
import org.sealdrop.ui.Messages;

/**
 * The theme choice on the Settings screen: System, Light or Dark. A choice applies at once to every
 * window and is stored in the UI preferences, apart from the settings that Save writes, because it
 * changes only the look.
 */
public final class ThemePicker {

    private ThemePicker() {
    }

    /** Creates the labelled choice box, showing the current choice. */
    public static Node create() {
        ComboBox<ThemeChoice> choices = new ComboBox<>();
        choices.setId("themeChoice");
        choices.getItems().setAll(ThemeChoice.values());
        choices.setValue(UiTheme.choice());
        choices.setCellFactory(list -> new ChoiceCell());
        choices.setButtonCell(new ChoiceCell());
        choices.setAccessibleText(Messages.text("theme.picker.accessible"));
        choices.valueProperty().addListener((property, was, chosen) -> {
            if (chosen != null) {
                UiTheme.choose(chosen);
            }
        });

        Label label = new Label(Messages.text("theme.picker.label"));
        label.setLabelFor(choices);
        label.setMnemonicParsing(true);
        HBox row = new HBox(8, label, choices);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static final class ChoiceCell extends ListCell<ThemeChoice> {
        @Override
        protected void updateItem(ThemeChoice choice, boolean empty) {
            super.updateItem(choice, empty);
            setText(empty || choice == null ? null : Messages.text(choice.messageKey()));
        }
    }
}

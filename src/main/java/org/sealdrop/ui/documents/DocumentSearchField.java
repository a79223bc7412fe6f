package org.sealdrop.ui.documents;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.ui.Messages;

/**
 * The search field above the document table and the count of the rows it shows. Ctrl+F (Cmd+F on
 * macOS) focuses it while its scene shows, Escape clears it, and Down or Enter moves to the table.
 * The typed text goes to {@link DocumentListModel#queryProperty()} and is never logged.
 */
final class DocumentSearchField {

    private static final KeyCombination FOCUS_SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final TextField field = new TextField();
    private final Label count = new Label();
    private final HBox root;

    /**
     * @param extra nodes at the end of the row, such as the Delete button
     */
    DocumentSearchField(DocumentListModel model, TableView<DocumentSummary> table, Node... extra) {
        field.setId("documentSearch");
        field.setPromptText(Messages.text("documents.search.prompt"));
        field.setAccessibleText(Messages.text("documents.search.accessible"));
        field.textProperty().bindBidirectional(model.queryProperty());
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                event.consume();
                field.clear();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                event.consume();
                focusTable(table);
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(420);

        count.setId("documentCount");
        count.textProperty().bind(model.countTextProperty());
        count.getStyleClass().add("document-count");

        root = new HBox(8, field, count);
        root.getChildren().addAll(extra);
        root.setAlignment(Pos.CENTER_LEFT);
        root.sceneProperty().addListener((property, before, after) -> moveShortcut(before, after));
    }

    Node root() {
        return root;
    }

    /** Empties the field, which shows every row again. */
    void clear() {
        field.clear();
    }

    /** Registers Ctrl+F on the scene that shows the field, and removes it from a scene that no longer does. */
    private void moveShortcut(Scene before, Scene after) {
        if (before != null) {
            before.getAccelerators().remove(FOCUS_SEARCH);
        }
        if (after != null) {
            after.getAccelerators().put(FOCUS_SEARCH, () -> {
                field.requestFocus();
                field.selectAll();
            });
        }
    }

    /** Moves focus to the table and selects its first row when none is selected, so arrows and Enter work at once. */
    private static void focusTable(TableView<DocumentSummary> table) {
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
        table.requestFocus();
    }
}

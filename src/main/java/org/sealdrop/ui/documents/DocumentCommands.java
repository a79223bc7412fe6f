package org.sealdrop.ui.documents;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.Dialogs;

/**
 * The commands on the selected document: the table's context menu (Open, Verify, Delete, Sort by),
 * also shown by the menu key and Shift+F10, the Delete key and the Delete button. Delete shows a
 * confirmation first ({@link DeleteConfirmation}). Verify and delete run on the executor.
 */
final class DocumentCommands {

    /** Callbacks into the view that shows the table. */
    interface Host {

        /** Opens {@code document} as a double-click does. */
        void open(DocumentSummary document);

        /** Reloads the rows from the index. */
        void refresh();

        /** Shows a failure through the window's error path; {@code action} is for the log, never a name. */
        void showFailure(String action, Throwable failure);

        /** Called on the application thread once document {@code id} was deleted and its row removed. */
        void deleted(UUID id);

        /** The window to put dialogs over, or {@code null}. */
        Window window();
    }

    private final DocumentService documents;
    private final Executor executor;
    private final TableView<DocumentSummary> table;
    private final DocumentListModel model;
    private final Host host;
    private final ContextMenu menu = new ContextMenu();
    // Documents whose delete runs, so a second Delete press does not start another and fail with "not found".
    private final Set<UUID> deleting = new HashSet<>();
    private final Button deleteButton = new Button(Messages.text("documents.delete"));
    private final boolean deleteAllowed;

    /**
     * @param deleteAllowed false when IT turned deleting off ({@code deleteAllowed} in the managed settings):
     *     the Delete button and menu item are hidden and the Delete key does nothing
     */
    DocumentCommands(DocumentService documents, Executor executor, TableView<DocumentSummary> table,
            DocumentListModel model, Host host, boolean deleteAllowed) {
        this.deleteAllowed = deleteAllowed;
        this.documents = documents;
        this.executor = executor;
        this.table = table;
        this.model = model;
        this.host = host;

        MenuItem open = item("openMenuItem", "documents.menu.open", this::open);
        MenuItem verify = item("verifyMenuItem", "documents.menu.verify", this::verify);
        MenuItem delete = item("deleteMenuItem", "documents.menu.delete", this::confirmDelete);
        menu.getItems().setAll(open, verify, delete, new SeparatorMenuItem(), DocumentTable.sortMenu(table));
        menu.setOnShowing(event -> {
            boolean none = selected() == null;
            open.setDisable(none);
            verify.setDisable(none);
            delete.setDisable(none);
        });
        table.setContextMenu(menu);
        table.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        deleteButton.setId("deleteDocumentButton");
        deleteButton.setAccessibleText(Messages.text("documents.delete.accessible"));
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.setOnAction(event -> confirmDelete(selected()));
        delete.setVisible(deleteAllowed);
        deleteButton.setVisible(deleteAllowed);
        deleteButton.setManaged(deleteAllowed);
    }

    /** Returns the Delete button, which acts on the selected row. */
    Button deleteButton() {
        return deleteButton;
    }

    /** Asks whether to delete {@code document} and deletes it when the user confirms. */
    void confirmDelete(DocumentSummary document) {
        if (deleteAllowed && document != null && !deleting.contains(document.id())) {
            DeleteConfirmation.show(host.window(), document, () -> delete(document));
        }
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.DELETE && selected() != null) {
            event.consume();
            confirmDelete(selected());
        } else if (event.getCode() == KeyCode.CONTEXT_MENU || (event.getCode() == KeyCode.F10 && event.isShiftDown())) {
            event.consume();
            showMenuAtSelection();
        }
    }

    private void open(DocumentSummary document) {
        host.open(document);
    }

    /** Downloads and authenticates the document; the row shows "damaged" afterwards if it failed. */
    private void verify(DocumentSummary document) {
        BackgroundTasks.run(executor, () -> documents.verify(document.id()), verified -> {
            Alert note = new Alert(Alert.AlertType.INFORMATION);
            if (host.window() != null) {
                note.initOwner(host.window());
            }
            Dialogs.prepare(note);
            note.setTitle(Messages.text("documents.verify.title"));
            note.setHeaderText(Messages.text("documents.verify.passed", verified.name()));
            note.getDialogPane().setId("verifiedDialog");
            note.show();
            host.refresh();
        }, failure -> {
            host.showFailure("verify", failure);
            host.refresh();
        });
    }

    private void delete(DocumentSummary document) {
        UUID id = document.id();
        if (!deleting.add(id)) {
            return;
        }
        BackgroundTasks.run(executor, () -> {
            documents.delete(id);
            return Boolean.TRUE;
        }, deleted -> {
            deleting.remove(id);
            model.remove(id);
            host.deleted(id);
            host.refresh();
        }, failure -> {
            deleting.remove(id);
            host.showFailure("delete", failure);
            host.refresh();
        });
    }

    /** Shows the context menu under the selected row, or at the table's top left when no row shows. */
    private void showMenuAtSelection() {
        Node anchor = table;
        int index = table.getSelectionModel().getSelectedIndex();
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getIndex() == index && row.isVisible()) {
                anchor = row;
            }
        }
        Bounds bounds = anchor.localToScreen(anchor.getBoundsInLocal());
        if (bounds != null) {
            menu.show(anchor, bounds.getMinX() + 24, bounds.getMaxY());
        }
    }

    private DocumentSummary selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private MenuItem item(String id, String key, java.util.function.Consumer<DocumentSummary> action) {
        MenuItem item = new MenuItem(Messages.text(key));
        item.setId(id);
        item.setOnAction(event -> {
            DocumentSummary document = selected();
            if (document != null) {
                action.accept(document);
            }
        });
        return item;
    }
}

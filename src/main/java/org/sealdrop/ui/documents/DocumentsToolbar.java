package org.sealdrop.ui.documents;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sealdrop.ui.Messages;

/**
 * The bar at the top of the documents view: the title, "Add files…", "Add folder…", and Lock at the
 * right end. {@link #addTool} puts further buttons, such as Settings, just before Lock.
 *
 * <p>Shortcuts use the platform's shortcut key, Ctrl on Linux and Windows and Cmd on macOS:
 * Shortcut+O adds files and Shortcut+L locks.
 */
final class DocumentsToolbar {

    /** Opens the file chooser to add files. */
    static final KeyCombination ADD_FILES = KeyCombination.keyCombination("Shortcut+O");

    /** Locks the vault. */
    static final KeyCombination LOCK = KeyCombination.keyCombination("Shortcut+L");

    private final Runnable addFiles;
    private final Runnable lock;
    private final Button lockButton;
    private final HBox root;
    private Scene shortcutScene;

    DocumentsToolbar(Runnable addFiles, Runnable addFolder, Runnable lock) {
        this.addFiles = addFiles;
        this.lock = lock;

        Label title = new Label(Messages.text("documents.title"));
        title.getStyleClass().add("view-title");
        Button addFilesButton = button("addFilesButton", "documents.addFiles", addFiles);
        Button addFolderButton = button("addFolderButton", "documents.addFolder", addFolder);
        lockButton = button("lockButton", "documents.lock", lock);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        root = new HBox(8, title, addFilesButton, addFolderButton, gap, lockButton);
        root.setId("documentsToolbar");
        root.getStyleClass().add("documents-toolbar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(12, 16, 4, 16));
    }

    Node root() {
        return root;
    }

    /** Adds {@code tool}, such as a Settings button, to the right end of the bar, just before Lock. */
    void addTool(Node tool) {
        root.getChildren().add(root.getChildren().indexOf(lockButton), tool);
    }

    /** Registers the keyboard shortcuts in {@code scene}, once the view shows in it. */
    void installShortcuts(Scene scene) {
        removeShortcuts();
        shortcutScene = scene;
        scene.getAccelerators().put(ADD_FILES, addFiles);
        scene.getAccelerators().put(LOCK, lock);
    }

    /**
     * Removes the shortcuts this bar registered, because the scene outlives the view: after a lock it
     * shows the passphrase prompt, where Shortcut+O must do nothing.
     */
    void removeShortcuts() {
        if (shortcutScene == null) {
            return;
        }
        shortcutScene.getAccelerators().remove(ADD_FILES, addFiles);
        shortcutScene.getAccelerators().remove(LOCK, lock);
        shortcutScene = null;
    }

    private static Button button(String id, String key, Runnable action) {
        Button button = new Button(Messages.text(key));
        button.setId(id);
        button.setAccessibleText(Messages.text(key + ".accessible"));
        button.setOnAction(event -> action.run());
        return button;
    }
}

package org.sealdrop.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * A line at the top of the main window that shows how many handed files wait for the vault to be
 * unlocked. It shows a count only, never a file name, and takes no space while no file waits.
 */
final class HandedFilesNotice {

    private final Label label = new Label();

    HandedFilesNotice() {
        label.setId("handedFilesNotice");
        label.getStyleClass().add("handed-files-notice");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        show(0);
    }

    /** Returns a root that puts this notice above {@code content}. */
    Parent wrap(Node content) {
        BorderPane root = new BorderPane(content);
        root.setTop(label);
        return root;
    }

    /** Shows the number of waiting files, or hides the notice when it is 0. */
    void show(int waiting) {
        boolean visible = waiting > 0;
        label.setText(visible ? Messages.text("handOff.waiting", waiting) : "");
        label.setVisible(visible);
        label.setManaged(visible);
    }
}

package org.sealdrop.ui.documents;

import java.io.File;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.sealdrop.ui.Messages;

/**
 * The area that accepts files and folders dragged from the desktop, with an "Add files…" button for
 * users who prefer a file chooser.
 *
 * <p>A drag that carries no files (text, a link from a browser) is not accepted, and the zone shows
 * the reason instead of failing.
 */
final class DropZone {

    private final VBox root;
    private final Label hint = new Label(Messages.text("dropZone.hint"));

    /**
     * @param onFiles receives the dropped files on the application thread and returns whether any
     *     were taken
     * @param addFiles button that opens the file chooser
     */
    DropZone(Predicate<List<File>> onFiles, Button addFiles) {
        hint.setId("dropHint");
        hint.setWrapText(true);
        root = new VBox(10, hint, addFiles);
        root.setId("dropZone");
        root.getStyleClass().add("drop-zone");
        root.setAlignment(Pos.CENTER);
        root.setAccessibleText(Messages.text("dropZone.accessible"));

        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                setHighlighted(true);
                hint.setText(Messages.text("dropZone.release"));
            } else {
                hint.setText(Messages.text("dropZone.notFiles"));
            }
            event.consume();
        });
        root.setOnDragExited(event -> {
            setHighlighted(false);
            if (event.getDragboard().hasFiles()) {
                hint.setText(Messages.text("dropZone.hint"));
            }
        });
        root.setOnDragDropped(event -> {
            event.setDropCompleted(onFiles.test(filesOf(event)));
            setHighlighted(false);
            event.consume();
        });
    }

    VBox root() {
        return root;
    }

    /** Shows a message in the zone, such as why a drop was not taken. */
    void showMessage(String text) {
        hint.setText(text);
    }

    private static List<File> filesOf(DragEvent event) {
        Dragboard board = event.getDragboard();
        return board.hasFiles() ? board.getFiles() : List.of();
    }

    private void setHighlighted(boolean highlighted) {
        if (highlighted && !root.getStyleClass().contains("drag-over")) {
            root.getStyleClass().add("drag-over");
        } else if (!highlighted) {
            root.getStyleClass().remove("drag-over");
        }
    }
}

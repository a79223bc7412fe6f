package org.sealdrop.ui.documents;

import java.io.File;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.sealdrop.ui.Messages;

/**
 * The area that accepts files and folders dragged from the desktop.
 *
 * <p>A drag that carries no files (text, a link from a browser, a mail attachment without a path) is
 * not accepted, and the zone shows the reason instead of failing. A drag that offers only a
 * {@code text/uri-list} is taken when it lists {@code file:} URIs, and those files are added.
 */
final class DropZone {

    private final VBox root;
    private final Label hint = new Label(Messages.text("dropZone.hint"));
    private final Predicate<List<File>> onFiles;

    /**
     * @param onFiles receives the dropped files on the application thread and returns whether any
     *     were taken
     */
    DropZone(Predicate<List<File>> onFiles) {
        this.onFiles = onFiles;
        hint.setId("dropHint");
        hint.setWrapText(true);
        root = new VBox(10, hint);
        root.setId("dropZone");
        root.getStyleClass().add("drop-zone");
        root.setAlignment(Pos.CENTER);
        root.setAccessibleText(Messages.text("dropZone.accessible"));

        root.setOnDragOver(event -> {
            if (!DraggedFiles.of(event.getDragboard()).isEmpty()) {
                event.acceptTransferModes(TransferMode.COPY);
                setHighlighted(true);
                hint.setText(Messages.text("dropZone.release"));
            } else {
                hint.setText(Messages.text("dropZone.noFiles"));
            }
            event.consume();
        });
        root.setOnDragExited(event -> {
            setHighlighted(false);
            if (!DraggedFiles.of(event.getDragboard()).isEmpty()) {
                hint.setText(Messages.text("dropZone.hint"));
            }
        });
        root.setOnDragDropped(event -> {
            event.setDropCompleted(drop(event.getDragboard()));
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

    /**
     * Hands the files of a drop to the callback. A drop without files (text, a link, a mail attachment
     * that has no path on disk) reaches it as an empty list, and the callback shows the user why
     * nothing happened.
     *
     * @param board the drop's dragboard; a {@link Clipboard} so that tests can pass one
     * @return whether any files were taken
     */
    boolean drop(Clipboard board) {
        return onFiles.test(DraggedFiles.of(board));
    }

    private void setHighlighted(boolean highlighted) {
        if (highlighted && !root.getStyleClass().contains("drag-over")) {
            root.getStyleClass().add("drag-over");
        } else if (!highlighted) {
            root.getStyleClass().remove("drag-over");
        }
    }
}

package org.sealdrop.ui.viewer;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.TransferListener;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;

/**
 * "Save a decrypted copy…" of one viewer: the buttons, the file chooser and the audited export with
 * its progress line, which takes the place of the viewer's status text while the save runs. One save
 * runs at a time; the buttons wait meanwhile.
 */
final class ViewerSaving {

    /** Error code of a save that stopped because the user cancelled it. */
    private static final String CANCELLED = "SD-CANCELLED";

    private final Stage stage;
    private final OpenedDocument document;
    private final DocumentService documents;
    private final Executor executor;
    private final Label status;
    private final HBox statusSlot;
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving", false);

    /**
     * @param status the viewer's status text, which reports the outcome
     * @param statusSlot the box that shows {@code status}, or the progress line while a save runs
     */
    ViewerSaving(Stage stage, OpenedDocument document, DocumentService documents, Executor executor, Label status,
            HBox statusSlot) {
        this.stage = stage;
        this.document = document;
        this.documents = documents;
        this.executor = executor;
        this.status = status;
        this.statusSlot = statusSlot;
    }

    /** Creates a "Save a decrypted copy…" button with {@code id}, disabled while a save runs. */
    Button button(String id) {
        Button save = new Button(Messages.text("viewer.saveCopy"));
        save.setId(id);
        save.setAccessibleText(Messages.text("viewer.saveCopy.accessible"));
        save.setOnAction(event -> chooseAndSave());
        save.disableProperty().bind(saving);
        return save;
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.text("viewer.saveCopy.chooserTitle"));
        chooser.setInitialFileName(document.summary().name());
        chooser.setInitialDirectory(startFolder());
        File target = chooser.showSaveDialog(stage);
        if (target != null) {
            saveTo(target.toPath());
        }
    }

    /**
     * Returns the user's Documents folder, or the home folder without one. Without a start folder the
     * chooser opens in the working folder, which may be the program's own folder.
     */
    private static File startFolder() {
        File home = new File(System.getProperty("user.home"));
        File documents = new File(home, "Documents");
        return documents.isDirectory() ? documents : home;
    }

    /** See {@link ViewerWindow#saveCopyTo(Path)}. */
    void saveTo(Path target) {
        SaveProgress progress = new SaveProgress();
        TransferListener listener = progress.listener();
        showSaving(progress.root());
        BackgroundTasks.run(executor, () -> {
            documents.export(document.id(), target, listener);
            return Boolean.TRUE;
        }, saved -> {
            progress.stop();
            showSaving(null);
            status.setText(Messages.text("viewer.saveCopy.saved"));
        }, failure -> {
            progress.stop();
            showSaving(null);
            if (CANCELLED.equals(ErrorReport.of(failure).code())) {
                status.setText(Messages.text("viewer.saveCopy.cancelled"));
                return;
            }
            status.setText("");
            ErrorDialog.show(stage, "export", failure);
        });
    }

    /** Puts the progress line of a running save in place of the status text, or the status text back for null. */
    private void showSaving(Node progressLine) {
        statusSlot.getChildren().setAll(progressLine == null ? status : progressLine);
        saving.set(progressLine != null);
    }
}

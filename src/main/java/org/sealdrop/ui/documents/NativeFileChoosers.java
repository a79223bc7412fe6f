package org.sealdrop.ui.documents;

import java.io.File;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sealdrop.ui.Messages;

/** The operating system's file and folder dialogs, through JavaFX's {@link FileChooser} and {@link DirectoryChooser}. */
final class NativeFileChoosers implements FileChoosers {

    @Override
    public List<File> chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.text("documents.addFiles.chooserTitle"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen;
    }

    @Override
    public File chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.text("documents.addFolder.chooserTitle"));
        return chooser.showDialog(owner);
    }
}

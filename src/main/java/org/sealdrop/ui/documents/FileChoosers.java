package org.sealdrop.ui.documents;

import java.io.File;
import java.util.List;
import javafx.stage.Window;

/**
 * The dialogs in which the user picks files or a folder to add. The window uses
 * {@link NativeFileChoosers}. A native dialog cannot be driven in a headless test, so tests pass an
 * implementation that returns files directly.
 */
public interface FileChoosers {

    /**
     * Lets the user pick one or more files.
     *
     * @param owner the window the dialog belongs to, or {@code null}
     * @return the chosen files, empty when the user cancelled
     */
    List<File> chooseFiles(Window owner);

    /**
     * Lets the user pick a folder.
     *
     * @param owner the window the dialog belongs to, or {@code null}
     * @return the chosen folder, or {@code null} when the user cancelled
     */
    File chooseFolder(Window owner);
}

package org.sealdrop.ui.documents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.sealdrop.app.CheckedFile;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.TransferListener;
import org.sealdrop.transfer.FolderExpansion;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;

/**
 * The way from a drop to queued uploads: folders are expanded, every file gets a "Checking" row at
 * once, and the duplicate check reads the files off the application thread with each row's progress
 * and cancel. When the vault or the drop already has the content of some files, one dialog per drop
 * lists them and offers to skip them. Then the remaining rows queue their uploads, which reuse the
 * check's SHA-256. Call every method on the JavaFX application thread.
 */
final class DroppedFiles {

    private final DocumentService documents;
    private final Executor executor;
    private final TransferQueue transfers;
    private final DropZone dropZone;
    private final Supplier<Window> window;
    private final BiConsumer<String, Throwable> showFailure;
    private Alert duplicateDialog;
    private boolean stopped;

    /** @param showFailure shows a failed step, named by its first argument, unless the view has stopped */
    DroppedFiles(DocumentService documents, Executor executor, TransferQueue transfers, DropZone dropZone,
            Supplier<Window> window, BiConsumer<String, Throwable> showFailure) {
        this.documents = documents;
        this.executor = executor;
        this.transfers = transfers;
        this.dropZone = dropZone;
        this.window = window;
        this.showFailure = showFailure;
    }

    /**
     * Expands {@code paths}, adds a row per file and starts the duplicate check.
     *
     * @param patientReference stored with every file of this drop, or {@code null}
     */
    void add(List<Path> paths, String patientReference) {
        dropZone.showMessage(Messages.text("dropZone.checking"));
        BackgroundTasks.run(executor, () -> FolderExpansion.expand(paths), expanded -> {
            if (stopped) {
                return;
            }
            List<TransferItem> rows = transfers.addChecking(expanded.files(), patientReference);
            transfers.addSkipped(expanded.skipped());
            if (rows.isEmpty()) {
                dropZone.showMessage(Messages.text("dropZone.nothingToUpload"));
                return;
            }
            // The rows now show each file's check, so the drop zone is free for the next drop.
            dropZone.showMessage(Messages.text("dropZone.hint"));
            check(rows, expanded.files(), patientReference);
        }, failure -> {
            dropZone.showMessage(Messages.text("dropZone.hint"));
            showFailure.accept("duplicate check", failure);
        });
    }

    /**
     * Closes an open duplicate question without queuing its files, because it shows file names that
     * must not stay on screen, and ignores the results of checks still running.
     */
    void stop() {
        stopped = true;
        if (duplicateDialog != null) {
            duplicateDialog.close();
        }
    }

    private void check(List<TransferItem> rows, List<Path> files, String patientReference) {
        List<TransferListener> listeners = rows.stream().map(TransferItem::listener).toList();
        BackgroundTasks.run(executor, () -> documents.checkContent(files, listeners), checked -> {
            if (!stopped) {
                queueOrAsk(rows, checked, patientReference);
            }
        }, failure -> {
            transfers.failChecking(rows, ErrorReport.of(failure).text());
            showFailure.accept("duplicate check", failure);
        });
    }

    /** Queues the checked rows, after one question when some of them are duplicates. */
    private void queueOrAsk(List<TransferItem> rows, List<CheckedFile> checked, String patientReference) {
        // Rows cancelled during the check are left out of the question and the queue.
        List<TransferItem> duplicateRows = new ArrayList<>();
        List<CheckedFile> duplicates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).state() == TransferState.CHECKING && checked.get(i).isDuplicate()) {
                duplicateRows.add(rows.get(i));
                duplicates.add(checked.get(i));
            }
        }
        if (duplicates.isEmpty()) {
            transfers.enqueueChecked(rows, checked, patientReference);
            return;
        }
        duplicateDialog = DuplicateDialog.show(window.get(), duplicates, addAnyway -> {
            duplicateDialog = null;
            if (stopped) {
                return;
            }
            if (!addAnyway) {
                transfers.skipDuplicates(duplicateRows, duplicates);
            }
            transfers.enqueueChecked(rows, checked, patientReference);
        });
    }
}

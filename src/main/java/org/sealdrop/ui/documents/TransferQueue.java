package org.sealdrop.ui.documents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.sealdrop.app.CheckedFile;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.PendingUpload;
import org.sealdrop.app.TransferListener;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.BoundedExecutor;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.transfer.FolderExpansion;
import org.sealdrop.ui.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the transfer list: keeps one {@link TransferItem} per dropped file, from its duplicate
 * check through its upload, and one per document being opened.
 *
 * <p>Uploads run {@value #MAX_CONCURRENT_UPLOADS} at a time on the injected executor, so a drop of
 * hundreds of files queues them. Opens run at once. Call every method on the JavaFX application thread.
 */
public final class TransferQueue {

    /** Uploads running at once: each one already uploads its parts in parallel. */
    public static final int MAX_CONCURRENT_UPLOADS = 2;

    /** Time between two updates of the progress text, so a fast transfer does not flood the application thread. */
    static final Duration PROGRESS_INTERVAL = Duration.millis(250);

    /** Error code of an upload that stopped because the user cancelled it. */
    private static final String CANCELLED = "SD-CANCELLED";

    private static final Logger LOG = LoggerFactory.getLogger(TransferQueue.class);

    private final DocumentService documents;
    private final Executor executor;
    private final Executor uploads;
    private final Consumer<DocumentSummary> onUploaded;
    private StorageContact storageContact = StorageContact.NONE;
    private BiConsumer<Path, String> recheck = (file, patientReference) -> { };
    // The extractor makes the list report a state change as an update, so rows restyle themselves.
    private final ObservableList<TransferItem> items =
            FXCollections.observableArrayList(item -> new Observable[] {item.stateProperty()});
    private final Timeline ticker = new Timeline(new KeyFrame(PROGRESS_INTERVAL, event -> showProgress()));

    /** @param onUploaded called on the application thread after each successful upload */
    public TransferQueue(DocumentService documents, Executor executor, Consumer<DocumentSummary> onUploaded) {
        this.documents = documents;
        this.executor = executor;
        this.uploads = new BoundedExecutor(executor, MAX_CONCURRENT_UPLOADS);
        this.onUploaded = onUploaded;
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    public ObservableList<TransferItem> items() {
        return items;
    }

    /** Sets where the results of uploads and opens go, so the status bar can show whether storage responds. */
    void setStorageContact(StorageContact storageContact) {
        this.storageContact = storageContact;
    }

    /**
     * Sets how a retried file goes through the duplicate check again, as in a new drop.
     *
     * @param recheck receives the file and its patient reference, which may be {@code null}
     */
    void setRecheck(BiConsumer<Path, String> recheck) {
        this.recheck = recheck;
    }

    /**
     * Removes a failed or cancelled row and queues its file again with the same patient reference. A
     * dropped file goes through the duplicate check again, so a file that changed is checked anew and
     * a file that vanished gets its skipped row. A resumed upload is resumed again. Rows that
     * {@link TransferItem#canRetry()} rejects are left as they are.
     *
     * @return whether the row was retried
     */
    public boolean retry(TransferItem item) {
        if (!item.canRetry() || !items.contains(item)) {
            return false;
        }
        items.remove(item);
        item.retryAction().run();
        return true;
    }

    /**
     * Adds a row per file and queues its upload.
     *
     * @param patientReference stored with every file of this batch, or {@code null}
     */
    public void enqueue(List<Path> files, String patientReference) {
        enqueueChecked(files.stream().map(CheckedFile::unchecked).toList(), patientReference);
    }

    /**
     * Adds a row per checked file and queues its upload, which reuses the check's read of the file.
     *
     * @param patientReference stored with every file of this batch, or {@code null}
     */
    public void enqueueChecked(List<CheckedFile> files, String patientReference) {
        for (CheckedFile file : files) {
            TransferItem item = new TransferItem(file.file(), TransferState.QUEUED);
            item.setRetry(() -> recheck.accept(file.file(), patientReference));
            items.add(item);
            start(item, listener -> documents.upload(file, patientReference, listener));
        }
    }

    /**
     * Adds a row per file in state {@link TransferState#CHECKING}, for the files of a drop while the
     * duplicate check reads them. The rows' listeners take the check's progress and cancel.
     *
     * @param patientReference stored with every file of this drop, or {@code null}; a retry reuses it
     * @return the new rows, in the order of {@code files}
     */
    public List<TransferItem> addChecking(List<Path> files, String patientReference) {
        List<TransferItem> added = new ArrayList<>();
        for (Path file : files) {
            TransferItem item = new TransferItem(file, TransferState.CHECKING);
            item.setRetry(() -> recheck.accept(file, patientReference));
            added.add(item);
            items.add(item);
        }
        if (!added.isEmpty()) {
            ticker.play();
        }
        return added;
    }

    /**
     * Queues the upload of each checked file in its row from {@link #addChecking}, which reuses the
     * check's read of the file. Rows the user cancelled during the check stay cancelled.
     *
     * @param patientReference stored with every file of this batch, or {@code null}
     */
    public void enqueueChecked(List<TransferItem> rows, List<CheckedFile> files, String patientReference) {
        for (int i = 0; i < rows.size(); i++) {
            TransferItem item = rows.get(i);
            CheckedFile file = files.get(i);
            if (item.state() != TransferState.CHECKING) {
                continue;
            }
            item.restartRate();
            item.stateProperty().set(TransferState.QUEUED);
            start(item, listener -> documents.upload(file, patientReference, listener));
        }
    }

    /** Marks each row still being checked as skipped, saying whether the vault or the drop has its content. */
    public void skipDuplicates(List<TransferItem> rows, List<CheckedFile> duplicates) {
        for (int i = 0; i < rows.size(); i++) {
            TransferItem item = rows.get(i);
            if (item.state() != TransferState.CHECKING) {
                continue;
            }
            item.problemProperty().set(Messages.text(duplicates.get(i).existingDocuments().isEmpty()
                    ? "transfer.skipped.DUPLICATE_IN_DROP" : "transfer.skipped.DUPLICATE_IN_VAULT"));
            item.stateProperty().set(TransferState.SKIPPED);
        }
    }

    /** Marks each row still being checked as failed with {@code problem}, after the check itself failed. */
    public void failChecking(List<TransferItem> rows, String problem) {
        for (TransferItem item : rows) {
            if (item.state() == TransferState.CHECKING) {
                item.problemProperty().set(problem);
                item.stateProperty().set(TransferState.FAILED);
            }
        }
    }

    /**
     * Adds an "Opening" row for {@code summary} and opens the document with the row's progress and
     * cancel. The row goes away once the document is opened or the open failed. A cancelled open is no
     * failure, so it leaves a cancelled row instead.
     *
     * @param onOpened receives the opened document, which it then owns, on the application thread
     * @param onFailure receives any failure but a cancel, on the application thread
     */
    public void open(DocumentSummary summary, Consumer<OpenedDocument> onOpened, Consumer<Throwable> onFailure) {
        TransferItem item = TransferItem.forDocument(summary.name(), TransferState.OPENING);
        items.add(item);
        item.refreshProgress();
        ticker.play();
        TransferListener listener = item.listener();
        BackgroundTasks.run(executor, () -> documents.open(summary.id(), listener), opened -> {
            storageContact.reached();
            items.remove(item);
            onOpened.accept(opened);
        }, failure -> {
            if (CANCELLED.equals(ErrorReport.of(failure).code())) {
                LOG.info("Open of document {} cancelled by the user", summary.id());
                item.stateProperty().set(TransferState.CANCELLED);
                return;
            }
            storageContact.failed(failure);
            items.remove(item);
            onFailure.accept(failure);
        });
    }

    /**
     * Lists the uploads that were interrupted on this computer and queues a resumed row for each, off
     * the application thread. The window calls it after every unlock.
     */
    public void enqueuePending(Executor executor) {
        BackgroundTasks.run(executor, documents::pendingUploads, pending -> {
            for (PendingUpload upload : pending) {
                String name = upload.name().isEmpty() ? upload.id().toString() : upload.name();
                TransferItem item = new TransferItem(Path.of(Messages.text("transfer.resumed", name)),
                        TransferState.QUEUED);
                item.setRetry(() -> resumeAgain(item, upload));
                items.add(item);
                start(item, listener -> documents.resume(upload.id(), listener));
            }
        }, failure -> LOG.warn("Interrupted uploads could not be listed: {}", ErrorReport.of(failure).code()));
    }

    /** Puts a failed resumed upload back in the list and resumes it again, with a new row. */
    private void resumeAgain(TransferItem failed, PendingUpload upload) {
        TransferItem item = new TransferItem(failed.file(), TransferState.QUEUED);
        item.setRetry(() -> resumeAgain(item, upload));
        items.add(item);
        start(item, listener -> documents.resume(upload.id(), listener));
    }

    /** Adds a finished row for each entry that folder expansion left out. */
    public void addSkipped(List<FolderExpansion.Skipped> skipped) {
        for (FolderExpansion.Skipped entry : skipped) {
            TransferItem item = new TransferItem(entry.path(), TransferState.SKIPPED);
            item.problemProperty().set(Messages.text("transfer.skipped." + entry.reason().name()));
            items.add(item);
        }
    }

    /** Cancels every upload that has not started, and every file still being checked; returns how many were cancelled. */
    public int cancelQueued() {
        List<TransferItem> queued = new ArrayList<>();
        for (TransferItem item : items) {
            if (item.state() == TransferState.QUEUED || item.state() == TransferState.CHECKING) {
                queued.add(item);
            }
        }
        queued.forEach(TransferItem::cancelIfQueued);
        return queued.size();
    }

    /** Removes the rows that will not change any more. */
    public void clearFinished() {
        items.removeIf(item -> item.state().isFinal());
    }

    private void start(TransferItem item, Function<TransferListener, DocumentSummary> upload) {
        // Progress only goes into the item's samples here; the ticker shows it a few times a second.
        TransferListener listener = item.listener();
        Task<DocumentSummary> task = new Task<>() {
            @Override
            protected DocumentSummary call() {
                return upload.apply(listener);
            }
        };
        task.setOnRunning(event -> {
            item.stateProperty().set(TransferState.UPLOADING);
            item.refreshProgress();
            ticker.play();
        });
        task.setOnCancelled(event -> item.stateProperty().set(TransferState.CANCELLED));
        // A running upload is stopped through the listener rather than by interrupting its thread, which
        // could close the shared SQLite connection or the S3 client's connections.
        item.setCancel(() -> task.cancel(false));

        BackgroundTasks.start(uploads, task, summary -> {
            item.progressProperty().set(1);
            item.stateProperty().set(TransferState.UPLOADED);
            LOG.info("Uploaded document {}", summary.id());
            storageContact.reached();
            onUploaded.accept(summary);
        }, failure -> {
            ErrorReport report = ErrorReport.of(failure);
            if (CANCELLED.equals(report.code())) {
                LOG.info("Upload cancelled by the user");
                item.stateProperty().set(TransferState.CANCELLED);
                return;
            }
            LOG.warn("Upload failed with {} ({})", report.code(), failure.getClass().getName());
            storageContact.failed(failure);
            item.problemProperty().set(report.text());
            item.stateProperty().set(TransferState.FAILED);
        });
    }

    /** Shows the latest progress of every running check, upload and open, and stops once none is running. */
    private void showProgress() {
        boolean running = false;
        for (TransferItem item : items) {
            if (item.state().isRunning()) {
                item.refreshProgress();
                running = true;
            }
        }
        if (!running) {
            ticker.stop();
        }
    }
}

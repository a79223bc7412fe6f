package org.sealdrop.ui.documents;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sealdrop.app.TransferListener;

/**
 * One row of the transfer list: a file or an opened document, its state, progress and failure text.
 * The name is PHI, so it is shown and never logged. Properties change on the JavaFX application
 * thread only.
 */
public final class TransferItem {

    private final Path file;
    private final String displayName;
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>(this, "state");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final BooleanProperty cancelling = new SimpleBooleanProperty(this, "cancelling", false);
    // Replaced when a checked file's upload is queued, so the upload's rate does not start from the check's samples.
    private volatile TransferRate rate = new TransferRate(System::nanoTime);
    // Read by the upload's threads, so it is a volatile copy of the cancelling property.
    private volatile boolean cancelRequested;
    private Runnable cancel = () -> { };
    // Queues the same file again; null for rows that cannot be retried, such as an open.
    private Runnable retry;

    TransferItem(Path file, TransferState initialState) {
        this.file = file;
        Path name = file.getFileName();
        this.displayName = name == null ? file.toString() : name.toString();
        this.state.set(initialState);
    }

    /** Creates a row for a document of the vault, such as one being opened, which has no local file. */
    static TransferItem forDocument(String name, TransferState initialState) {
        return new TransferItem(name, initialState);
    }

    private TransferItem(String displayName, TransferState initialState) {
        this.file = null;
        this.displayName = displayName;
        this.state.set(initialState);
    }

    /** The local file of a check or upload, or {@code null} for a row of a document being opened. */
    public Path file() {
        return file;
    }

    /** File name without its folder, or the document's name, as the row shows it. */
    public String displayName() {
        return displayName;
    }

    public ObjectProperty<TransferState> stateProperty() {
        return state;
    }

    public TransferState state() {
        return state.get();
    }

    /** Fraction of the file checked or uploaded, or of the document downloaded, from 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Failure or skip reason shown next to the state; empty otherwise. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** Bytes done of the total, rate and time left, such as "12 MB of 1.1 GB, 3.2 MB/s, about 5 min left". */
    public StringProperty detailProperty() {
        return detail;
    }

    /** Flag that is true from the user's cancel of a running upload or open until it has stopped. */
    public BooleanProperty cancellingProperty() {
        return cancelling;
    }

    /**
     * Cancels the transfer. A queued upload never starts. A file being checked turns
     * {@link TransferState#CANCELLED} at once: its read stops at the next buffer and it is never
     * uploaded. A running upload or open reads the request through its {@link #listener()}, and its
     * state turns {@link TransferState#CANCELLED} once it has stopped.
     */
    public void cancel() {
        if (state.get() == TransferState.QUEUED) {
            cancelQueued();
        } else if (state.get() == TransferState.CHECKING) {
            cancelRequested = true;
            state.set(TransferState.CANCELLED);
        } else if (state.get() == TransferState.UPLOADING || state.get() == TransferState.OPENING) {
            cancelRequested = true;
            cancelling.set(true);
        }
    }

    /** Starts a new rate, once a checked file's upload is queued. */
    void restartRate() {
        rate = new TransferRate(System::nanoTime);
        progress.set(0);
        detail.set("");
    }

    /** Returns a listener that records progress into this row and reads its cancel flag. */
    TransferListener listener() {
        return new TransferListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
                rate.record(bytesDone, bytesTotal);
            }

            @Override
            public boolean cancelRequested() {
                return cancelRequested;
            }
        };
    }

    /** Copies the latest progress into the properties; called a few times a second on the application thread. */
    void refreshProgress() {
        TransferRate current = rate;
        progress.set(current.fraction());
        // An upload describes its first pass itself; a check or open waits silently until its first bytes.
        detail.set(current.hasSamples() || state.get() == TransferState.UPLOADING ? current.describe() : "");
    }

    /**
     * Tells whether the row offers Retry: an upload, or a dropped file's check, that failed or was
     * cancelled. An open, a skipped file and an uploaded file have none.
     */
    public boolean canRetry() {
        return retry != null && (state.get() == TransferState.FAILED || state.get() == TransferState.CANCELLED);
    }

    /** Sets how this row's file is queued again; the queue calls it from {@link TransferQueue#retry}. */
    void setRetry(Runnable retry) {
        this.retry = retry;
    }

    Runnable retryAction() {
        return retry;
    }

    void setCancel(Runnable cancel) {
        this.cancel = cancel;
    }

    /** Cancels the upload if it has not started, or the file's check; a running upload or open goes on. */
    void cancelIfQueued() {
        if (state.get() == TransferState.QUEUED || state.get() == TransferState.CHECKING) {
            cancel();
        }
    }

    private void cancelQueued() {
        // The upload may have started on its thread already, with its state change still on the way to
        // this thread. The flag then stops it, because cancelling the task does not interrupt it.
        cancelRequested = true;
        cancel.run();
    }
}
